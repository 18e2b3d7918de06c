/**
 * What the engine reads about a case, and what it answers. Plain data: the
 * scheduler loads it, the engine decides, the scheduler persists the answer.
 */
import type { Stage } from "../../cases/domain/stage.js";
import type { Channel, HoldReason } from "../../policy/domain/contact.js";

export type DebtorKind = "person" | "company";
export type CaseStatus = "open" | "on_hold" | "closed";

/**
 * The latest outcome of one attempt. The scheduler keeps ONE history entry per
 * attempt and updates its outcome in place (sent → delivered, or → failed_permanent
 * on a bounce), so the number of entries for a step is the number of attempts.
 *
 * - sent / delivered: the step is done.
 * - deferred / blocked / failed_temporary: retried on the same channel with the
 *   next attempt number (after 3 blocked or failed_temporary on one channel, that
 *   channel is given up and the fallback chain continues).
 * - failed_permanent: that channel is given up for the step; the next fallback is used.
 */
export const ATTEMPT_OUTCOMES = [
  "sent",
  "delivered",
  "failed_permanent",
  "failed_temporary",
  "deferred",
  "blocked",
] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

export interface StepAttempt {
  stepId: string;
  channel: Channel;
  at: Date;
  outcome: AttemptOutcome;
}

export interface CaseDebtor {
  kind: DebtorKind;
  /** BCP 47 language tag, e.g. "it" or "en-GB". */
  language: string;
  segment?: string;
  riskClass?: string;
  /** IANA zone: what a step's "09:00" means for this debtor. */
  timeZone: string;
  /** Channels with a usable contact point the debtor has not opted out of. */
  availableChannels: readonly Channel[];
}

export interface CaseState {
  caseId: string;
  tenantId: string;
  stage: Stage;
  status: CaseStatus;
  holdReasons: readonly HoldReason[];
  balanceMinor: bigint;
  /** The due date of the oldest open invoice, "YYYY-MM-DD": the due_date anchor. */
  oldestDueDate: string;
  openedAt: Date;
  debtor: CaseDebtor;
  /** The champion/challenger variant the case was assigned to (see assignVariant). */
  variant: string;
  history: readonly StepAttempt[];
  /** A pending promise to pay; graceDays defaults to PROMISE_GRACE_DAYS. */
  promise?: { dueDate: string; graceDays?: number };
  planActive?: boolean;
  /** Reminders paused for a while without a hold, e.g. while proof of a payment is checked. */
  pausedUntil?: { until: Date; reason: string };
}

/** The facts strategy selection looks at; a CaseState has them all. */
export interface CaseFacts {
  balanceMinor: bigint;
  debtor: Pick<CaseDebtor, "kind" | "language" | "segment" | "riskClass">;
}

export type ExitReason = "paid" | "closed" | "no_channel" | "strategy_completed";
/** A hold reason, or "on_hold" when the case was put on hold without one. */
export type PauseReason = HoldReason | "on_hold" | "paused";

export interface ProposedAction {
  stepId: string;
  /** 1 for the first try of the step, +1 for every retry or fallback. */
  attempt: number;
  channel: Channel;
  template: string;
  /** Not before this instant; the scheduler still asks the contact policy. */
  earliestAt: Date;
  /** See idempotencyKey() for the format. */
  idempotencyKey: string;
  /** The step's own channel, when another one is used instead. */
  fallbackFrom?: Channel;
  /** Stage to enter once this action is done. */
  moveToStage?: Stage;
}

export interface SkippedStep {
  stepId: string;
  reason: string;
}

export interface CaseEvaluation {
  exit?: { reason: ExitReason };
  pause?: { reason: PauseReason; until?: Date };
  /** At most one: the next step. The one after waits for this one's outcome. */
  actions: ProposedAction[];
  /** A forward move the case should make now (done step's moveToStage, due date passed). */
  stageChange?: Stage;
  /** When evaluating again can change the answer; absent when only an event can. */
  nextEvaluationAt?: Date;
  /** Steps passed over in this evaluation, for the timeline. */
  skippedSteps: SkippedStep[];
  /** The variant actually followed (champion when the case's variant is gone). */
  variant: string;
  explanation: string[];
}
