import type { HoldReason } from "../../policy/domain";
import { changeHolds, type HoldChange, type HoldDeps, type HoldOutcome } from "./change-holds";

/**
 * Puts a case on hold for `reason` (once: a reason already held changes
 * nothing), writes "hold.added" to its timeline and makes it due for evaluation now.
 */
export async function addHold(deps: HoldDeps, input: AddHoldInput): Promise<HoldOutcome> {
  return changeHolds(deps, input, withHold(input));
}

export interface AddHoldInput {
  tenantId: string;
  caseId: string;
  reason: HoldReason;
  note?: string;
  by: string;
}

/** The change that adds the hold, for changeHolds or changeHoldsIn. */
export function withHold(input: AddHoldInput): (current: readonly string[]) => HoldChange | null {
  return (current: readonly string[]) =>
    current.includes(input.reason)
      ? null
      : {
          holdReasons: [...current, input.reason],
          event: {
            type: "hold.added",
            actor: `user:${input.by}`,
            data: { reason: input.reason, note: input.note ?? null, by: input.by },
          },
        };
}
