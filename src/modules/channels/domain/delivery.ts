/**
 * A message's life after it is written, and what the strategy engine learns
 * from it (case_actions.status, which the engine reads as the attempt's outcome).
 */
export type MessageStatus =
  | "queued"
  | "sending"
  | "sent"
  | "delivered"
  | "failed_temporary"
  | "failed_permanent"
  | "suppressed"
  | "unknown";

/** Waits before the 2nd, 3rd, 4th and 5th try after a transient failure. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000] as const;
export const MAX_TRIES = RETRY_DELAYS_MS.length + 1;

/** When to try again after `tries` tries, or null when the message has had its chances. */
export function nextTryAt(tries: number, now: Date): Date | null {
  const delay = RETRY_DELAYS_MS[tries - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay);
}

/**
 * The action's outcome for a message status. A message whose fate is unknown
 * (the sender died between handing it over and recording it) counts as sent:
 * sending it again could contact the debtor twice, which the policy forbids.
 */
export function actionStatusFor(
  status: MessageStatus,
): "sent" | "delivered" | "failed_permanent" | "failed_temporary" | null {
  switch (status) {
    case "sent":
    case "unknown":
      return "sent";
    case "delivered":
      return "delivered";
    case "failed_permanent":
      return "failed_permanent";
    case "failed_temporary":
      return "failed_temporary";
    default:
      return null;
  }
}
