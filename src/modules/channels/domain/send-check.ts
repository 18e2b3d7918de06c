/**
 * The last look before a message leaves: the case may have been paid, put on
 * hold or paused since the contact was scheduled, the debtor may have opted
 * out, and the hour or the caps may not allow it now. The contact policy is
 * asked again with the person's history, less this contact's own planned entry.
 */
import {
  type Channel,
  type ContactEvent,
  type ContactPolicy,
  type DebtorContactContext,
  evaluateContact,
} from "../../policy/domain";

export type SendCheck =
  | { kind: "send" }
  | { kind: "cancel"; reason: string }
  | { kind: "defer"; until: Date; rule: string; reason: string }
  | { kind: "block"; rule: string; reason: string };

export interface SendCheckInput {
  tenantId: string;
  caseId: string;
  channel: Channel;
  caseStatus: string;
  balanceMinor: bigint;
  holdReasons: readonly string[];
  pausedUntil: Date | null;
  /** When a pending promise to pay stops holding reminders back (its date + grace). */
  promiseHoldsUntil?: Date | null;
  /** A repayment plan is being followed: its installments replace the reminders. */
  planActive?: boolean;
  /** An answer to the debtor's own message (a proof request): a pause of reminders does not stop it. */
  isResponse?: boolean;
  policy: ContactPolicy;
  person: DebtorContactContext;
  contacts: readonly ContactEvent[];
  now: Date;
}

export function sendCheck(input: SendCheckInput): SendCheck {
  if (input.caseStatus === "closed") return { kind: "cancel", reason: "the case is closed" };
  if (input.balanceMinor <= 0n) return { kind: "cancel", reason: "the case is paid" };
  if (input.holdReasons.length > 0 || input.caseStatus === "on_hold") {
    const why = input.holdReasons.length ? ` (${input.holdReasons.join(", ")})` : "";
    return { kind: "cancel", reason: `the case is on hold${why}` };
  }
  if (!input.isResponse && input.pausedUntil && input.pausedUntil > input.now) {
    return { kind: "cancel", reason: "reminders are paused" };
  }
  if (!input.isResponse && input.planActive) {
    return { kind: "cancel", reason: "a repayment plan is being followed" };
  }
  if (!input.isResponse && input.promiseHoldsUntil && input.promiseHoldsUntil > input.now) {
    return { kind: "cancel", reason: "a promise to pay is pending" };
  }
  const decision = evaluateContact(input.policy, input.person, input.contacts, {
    tenantId: input.tenantId,
    caseId: input.caseId,
    channel: input.channel,
    at: input.now,
  });
  if (decision.kind === "allow") return { kind: "send" };
  return decision;
}
