import type { HoldReason } from "../../policy/domain";
import { changeHolds, type HoldDeps, type HoldOutcome } from "./change-holds";

/**
 * Puts a case on hold for `reason` (once: a reason already held changes
 * nothing), writes "hold.added" to its timeline and makes it due for evaluation now.
 */
export async function addHold(
  deps: HoldDeps,
  input: { tenantId: string; caseId: string; reason: HoldReason; note?: string; by: string },
): Promise<HoldOutcome> {
  return changeHolds(deps, input, (current) =>
    current.includes(input.reason)
      ? null
      : {
          holdReasons: [...current, input.reason],
          event: {
            type: "hold.added",
            actor: `user:${input.by}`,
            data: { reason: input.reason, note: input.note ?? null, by: input.by },
          },
        },
  );
}
