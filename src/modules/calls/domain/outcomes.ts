/**
 * The standard call outcomes (dispositions) and what each one means for the
 * contact policy and for the queue: whether the person was reached, and when
 * (if ever) the case is called again.
 */

export const OUTCOMES = [
  "right_party_contact",
  "third_party",
  "no_answer",
  "busy",
  "voicemail",
  "wrong_number",
  "promise_to_pay",
  "payment_taken",
  "dispute",
  "hardship",
  "refused",
  "callback_requested",
  "already_paid",
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The debtor was on the line: the policy's conversation rules (cool-down, one a day) start. */
const CONVERSATIONS: ReadonlySet<Outcome> = new Set([
  "right_party_contact",
  "promise_to_pay",
  "payment_taken",
  "dispute",
  "hardship",
  "refused",
  "callback_requested",
  "already_paid",
]);

export function isConversation(outcome: Outcome): boolean {
  return CONVERSATIONS.has(outcome);
}

/** Outcomes that did not reach anyone: the number is tried again, up to MAX_ATTEMPTS per task. */
const RETRY_AFTER_MINUTES: Partial<Record<Outcome, number>> = {
  no_answer: 120,
  busy: 30,
  voicemail: 24 * 60,
  third_party: 24 * 60,
};

export const MAX_ATTEMPTS = 3;

export type FollowUp =
  | { kind: "callback"; at: Date }
  | { kind: "retry"; at: Date }
  | { kind: "done" };

/**
 * What happens to the task after a call. `attempts` counts this call. The
 * contact policy still decides at the next claim whether the retry may happen.
 */
export function followUp(
  outcome: Outcome,
  attempts: number,
  now: Date,
  callbackAt: Date | null,
): FollowUp {
  if (outcome === "callback_requested" && callbackAt) return { kind: "callback", at: callbackAt };
  const minutes = RETRY_AFTER_MINUTES[outcome];
  if (minutes === undefined || attempts >= MAX_ATTEMPTS) return { kind: "done" };
  return { kind: "retry", at: new Date(now.getTime() + minutes * 60_000) };
}

/** The case's strategy action the call carried out: delivered if someone answered, else sent. */
export function actionStatusAfter(outcome: Outcome): "delivered" | "sent" | "failed_permanent" {
  if (outcome === "wrong_number") return "failed_permanent";
  return isConversation(outcome) ? "delivered" : "sent";
}

export interface DispositionFields {
  outcome: Outcome;
  promise?: { amountMinor: bigint; dueDate: string } | undefined;
  paymentAmountMinor?: bigint | undefined;
  callbackAt?: Date | undefined;
}

/** What an outcome needs besides itself; field names as the API spells them. */
export function dispositionProblems(
  input: DispositionFields,
  now: Date,
): { field: string; reason: string }[] {
  const problems: { field: string; reason: string }[] = [];
  if (input.outcome === "promise_to_pay" && !input.promise) {
    problems.push({ field: "promise", reason: "a promise to pay needs an amount and a date" });
  }
  if (input.outcome === "callback_requested") {
    if (!input.callbackAt) {
      problems.push({ field: "callbackAt", reason: "a callback needs a date and time" });
    } else if (input.callbackAt.getTime() < now.getTime() - 60_000) {
      problems.push({ field: "callbackAt", reason: "the callback time is in the past" });
    } else if (input.callbackAt.getTime() > now.getTime() + 60 * 86_400_000) {
      problems.push({ field: "callbackAt", reason: "a callback at most 60 days ahead" });
    }
  }
  if (input.outcome === "payment_taken" && (input.paymentAmountMinor ?? 0n) <= 0n) {
    problems.push({ field: "paymentAmountMinor", reason: "say how much was paid" });
  }
  return problems;
}
