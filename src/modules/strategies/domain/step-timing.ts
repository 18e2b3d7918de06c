/**
 * When a step falls, and whether it should run at all. Days are counted on the
 * debtor's calendar; the time of day is the step's `at` in the debtor's zone.
 */
import { STAGES, type Stage } from "../../cases/domain/stage.js";
import type { CaseState } from "./case-state.js";
import { addDays, formatLocal, instantAt, localDateOf } from "./local-time.js";
import type { StrategyStep } from "./strategy-definition.js";

/** The anchor day + offsetDays at the step's local time, before any catching up. */
export function nominalDue(
  step: StrategyStep,
  state: Pick<CaseState, "oldestDueDate" | "openedAt" | "debtor">,
  previousDoneAt: Date | undefined,
): Date {
  const zone = state.debtor.timeZone;
  const { anchor, offsetDays, at } = step.timing;
  let anchorDay: string;
  if (anchor === "due_date") anchorDay = state.oldestDueDate;
  else if (anchor === "case_opened" || !previousDoneAt)
    anchorDay = localDateOf(state.openedAt, zone);
  else anchorDay = localDateOf(previousDoneAt, zone);
  return instantAt(addDays(anchorDay, offsetDays), at, zone);
}

/**
 * The moment a step is due, given when the step before it was done (or passed over).
 * A step never falls before the previous one. A step whose time had already gone
 * by a day or more when the previous one was done (the case was paused, or opened
 * late) is not fired in the same burst: it falls the next day at its local time,
 * so overdue steps are spread one a day instead of arriving together.
 */
export function scheduledDue(
  step: StrategyStep,
  state: Pick<CaseState, "oldestDueDate" | "openedAt" | "debtor">,
  previousDoneAt: Date | undefined,
): Date {
  const nominal = nominalDue(step, state, previousDoneAt);
  if (!previousDoneAt || nominal >= previousDoneAt) return nominal;
  const zone = state.debtor.timeZone;
  const previousDay = localDateOf(previousDoneAt, zone);
  if (localDateOf(nominal, zone) === previousDay) return previousDoneAt;
  return instantAt(addDays(previousDay, 1), step.timing.at, zone);
}

export function stageRank(stage: Stage): number {
  return STAGES.indexOf(stage);
}

export function laterStage(a: Stage, b: Stage): Stage {
  return stageRank(b) > stageRank(a) ? b : a;
}

/** Why a step's conditions are not met, or undefined when it should run. */
export function unmetCondition(
  step: StrategyStep,
  state: Pick<CaseState, "balanceMinor" | "promise">,
  stage: Stage,
): string | undefined {
  const conditions = step.conditions;
  if (!conditions) return undefined;
  if (
    conditions.minBalanceMinor !== undefined &&
    state.balanceMinor < BigInt(conditions.minBalanceMinor)
  ) {
    return `balance ${state.balanceMinor} is below the step's minimum ${conditions.minBalanceMinor}`;
  }
  if (conditions.stages && !conditions.stages.includes(stage)) {
    return `stage ${stage} is not one of ${conditions.stages.join(", ")}`;
  }
  if (conditions.onlyIfNoPromise && state.promise) {
    return `the debtor promised to pay by ${state.promise.dueDate}`;
  }
  return undefined;
}

export function describeStep(step: StrategyStep): string {
  return `step ${step.id} (${step.channel}, template ${step.template})`;
}

export function local(instant: Date, timeZone: string): string {
  return `${formatLocal(instant, timeZone)} ${timeZone}`;
}
