/**
 * Exit and pause rules, checked before any step: a paid, closed or unreachable case
 * leaves the strategy; a case on hold, in a plan or within a promise gets nothing.
 */
import type { HoldReason } from "../../policy/domain/contact.js";
import type { CaseState, ExitReason, PauseReason } from "./case-state.js";
import { addDays, instantAt } from "./local-time.js";
import { local } from "./step-timing.js";

/**
 * Days after the promised date before the promise counts as broken: a transfer
 * made on the day often reaches the statement a day later.
 */
export const PROMISE_GRACE_DAYS = 1;

/** The order in which holds are named when a case has several: the gravest first. */
const HOLD_PRECEDENCE: readonly HoldReason[] = [
  "deceased",
  "insolvency",
  "vulnerability",
  "hardship",
  "dispute",
  "plan",
  "promise",
];

export type CaseGuard =
  | { kind: "exit"; reason: ExitReason; explanation: string }
  | { kind: "pause"; reason: PauseReason; until?: Date; explanation: string }
  | { kind: "proceed"; notes: string[] };

/** The moment a promise to pay stops holding collection back. */
export function promiseHoldsUntil(
  promiseDate: string,
  timeZone: string,
  graceDays = PROMISE_GRACE_DAYS,
): Date {
  return instantAt(addDays(promiseDate, graceDays + 1), "00:00", timeZone);
}

export function caseGuard(state: CaseState, now: Date): CaseGuard {
  if (state.balanceMinor <= 0n) {
    return { kind: "exit", reason: "paid", explanation: `balance is ${state.balanceMinor}: paid` };
  }
  if (state.status === "closed" || state.stage === "closed") {
    return { kind: "exit", reason: "closed", explanation: "the case is closed" };
  }
  if (state.debtor.availableChannels.length === 0) {
    return {
      kind: "exit",
      reason: "no_channel",
      explanation: "no channel left: no usable contact point, or opted out of all",
    };
  }
  const zone = state.debtor.timeZone;
  // The promise date, when known, decides a promise hold: a broken promise resumes.
  const holds = state.holdReasons.filter((hold) => !(hold === "promise" && state.promise));
  const gravest = HOLD_PRECEDENCE.find((hold) => holds.includes(hold));
  if (gravest) {
    return {
      kind: "pause",
      reason: gravest,
      explanation: `on hold (${sortedHolds(holds).join(", ")}): no contact until the hold is lifted`,
    };
  }
  if (state.planActive) {
    return {
      kind: "pause",
      reason: "plan",
      explanation: "a repayment plan is active: its installments are followed instead",
    };
  }
  if (state.status === "on_hold") {
    return { kind: "pause", reason: "on_hold", explanation: "the case was put on hold" };
  }
  if (state.pausedUntil && now < state.pausedUntil.until) {
    return {
      kind: "pause",
      reason: "paused",
      until: state.pausedUntil.until,
      explanation: `reminders paused (${state.pausedUntil.reason}) until ${local(state.pausedUntil.until, zone)}`,
    };
  }
  if (state.promise) {
    const until = promiseHoldsUntil(state.promise.dueDate, zone, state.promise.graceDays);
    if (now < until) {
      return {
        kind: "pause",
        reason: "promise",
        until,
        explanation: `promise to pay by ${state.promise.dueDate} is pending (grace until ${local(until, zone)})`,
      };
    }
    return {
      kind: "proceed",
      notes: [`promise to pay by ${state.promise.dueDate} was not kept: collection resumes`],
    };
  }
  return { kind: "proceed", notes: [] };
}

function sortedHolds(holds: readonly HoldReason[]): HoldReason[] {
  return [...new Set(holds)].sort(
    (a, b) => HOLD_PRECEDENCE.indexOf(a) - HOLD_PRECEDENCE.indexOf(b),
  );
}
