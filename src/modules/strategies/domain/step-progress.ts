/**
 * What the history says about each step: done, how many attempts, which channels
 * are used up. One history entry per attempt (see AttemptOutcome).
 */
import type { Channel } from "../../policy/domain/contact.js";
import type { StepAttempt } from "./case-state.js";
import type { StrategyStep } from "./strategy-definition.js";

/**
 * After this many blocked or failed_temporary attempts on one channel, a step
 * gives that channel up and moves along its fallback chain, so a stuck channel
 * cannot retry forever. Deferrals do not count: a deferred contact is never dropped.
 */
export const MAX_TRANSIENT_FAILURES_PER_CHANNEL = 3;

function byTime(a: StepAttempt, b: StepAttempt): number {
  return a.at.getTime() - b.at.getTime();
}

export function isDone(attempt: StepAttempt | undefined): boolean {
  return attempt?.outcome === "sent" || attempt?.outcome === "delivered";
}

/** The attempts of one step, oldest first. */
export function attemptsOf(history: readonly StepAttempt[], stepId: string): StepAttempt[] {
  return history.filter((attempt) => attempt.stepId === stepId).sort(byTime);
}

/** Steps whose latest attempt was sent or delivered. */
export function completedStepIds(history: readonly StepAttempt[]): Set<string> {
  const latest = new Map<string, StepAttempt>();
  for (const attempt of [...history].sort(byTime)) latest.set(attempt.stepId, attempt);
  return new Set([...latest].filter(([, attempt]) => isDone(attempt)).map(([stepId]) => stepId));
}

export type ChannelChoice =
  | { kind: "channel"; channel: Channel; fallbackFrom?: Channel; note?: string }
  | { kind: "exhausted"; reason: string };

/**
 * The channel the next attempt of a step uses: the first of [channel, ...fallback]
 * that the debtor can be reached on and that this step has not used up.
 */
export function chooseChannel(
  step: StrategyStep,
  attempts: readonly StepAttempt[],
  available: readonly Channel[],
): ChannelChoice {
  const chain = [...new Set([step.channel, ...step.fallback])];
  const passedOver: string[] = [];
  for (const channel of chain) {
    const usedUp = usedUpReason(channel, attempts);
    if (!available.includes(channel)) {
      passedOver.push(`${channel}: no usable contact point`);
    } else if (usedUp) {
      passedOver.push(`${channel}: ${usedUp}`);
    } else {
      return {
        kind: "channel",
        channel,
        ...(channel === step.channel ? {} : { fallbackFrom: step.channel }),
        ...(passedOver.length > 0 ? { note: passedOver.join("; ") } : {}),
      };
    }
  }
  return { kind: "exhausted", reason: `no channel left (${passedOver.join("; ")})` };
}

function usedUpReason(channel: Channel, attempts: readonly StepAttempt[]): string | undefined {
  const onChannel = attempts.filter((attempt) => attempt.channel === channel);
  if (onChannel.some((attempt) => attempt.outcome === "failed_permanent")) {
    return "failed permanently";
  }
  const transient = onChannel.filter(
    (attempt) => attempt.outcome === "failed_temporary" || attempt.outcome === "blocked",
  ).length;
  if (transient >= MAX_TRANSIENT_FAILURES_PER_CHANNEL) {
    return `${transient} blocked or temporary failures`;
  }
  return undefined;
}

/**
 * The idempotency key of an action: `${caseId}/${strategyId}@v${version}/${stepId}/${attempt}`,
 * e.g. "c-42/consumer-utility@v3/reminder_1/1". Re-evaluating before an outcome is
 * recorded yields the same key, so the scheduler never creates an action twice.
 */
export function idempotencyKey(parts: {
  caseId: string;
  strategyId: string;
  version: number;
  stepId: string;
  attempt: number;
}): string {
  return `${parts.caseId}/${parts.strategyId}@v${parts.version}/${parts.stepId}/${parts.attempt}`;
}
