import type { HoldReason } from "../../policy/domain";
import { changeHolds, type HoldDeps, type HoldOutcome } from "./change-holds";

/**
 * Lifts one hold (a reason not held changes nothing); the case is open again
 * when none remains. Writes "hold.removed" and makes the case due for evaluation now.
 */
export async function removeHold(
  deps: HoldDeps,
  input: { tenantId: string; caseId: string; reason: HoldReason; by: string },
): Promise<HoldOutcome> {
  return changeHolds(deps, input, (current) =>
    current.includes(input.reason)
      ? {
          holdReasons: current.filter((reason) => reason !== input.reason),
          event: {
            type: "hold.removed",
            actor: `user:${input.by}`,
            data: { reason: input.reason, by: input.by },
          },
        }
      : null,
  );
}
