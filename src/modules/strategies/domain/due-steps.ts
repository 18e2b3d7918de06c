/**
 * A preview of the steps a case has left and when each would fall, assuming every
 * step is done at its time. For the case page and the strategy editor; the dry run
 * over a portfolio (with the contact policy) is the scheduler's.
 */
import type { Stage } from "../../cases/domain/stage.js";
import type { Channel } from "../../policy/domain/contact.js";
import { caseGuard } from "./case-guards.js";
import { progressOf, stageOn } from "./case-progress.js";
import type { CaseState } from "./case-state.js";
import { attemptsOf, chooseChannel } from "./step-progress.js";
import { laterStage, scheduledDue, unmetCondition } from "./step-timing.js";
import { type StrategyVersion, variantOf } from "./versioning.js";

export interface PlannedStep {
  stepId: string;
  at: Date;
  template: string;
  /** Absent when the step would be skipped. */
  channel?: Channel;
  fallbackFrom?: Channel;
  moveToStage?: Stage;
  /** Why the step would be skipped, judged on today's facts. */
  skipReason?: string;
}

/**
 * The remaining steps falling in [from, to). A step already overdue at `from` is
 * shown at `from` (or when a pending promise ends). Empty when the case would exit
 * or is held with no end date.
 */
export function dueSteps(
  state: CaseState,
  version: StrategyVersion,
  from: Date,
  to: Date,
): PlannedStep[] {
  const guard = caseGuard(state, from);
  if (guard.kind === "exit" || (guard.kind === "pause" && !guard.until)) return [];
  const start = guard.kind === "pause" && guard.until ? guard.until : from;
  const variant = variantOf(version, state.variant);
  const progress = progressOf(state, variant, from);

  const planned: PlannedStep[] = [];
  let stage = progress.stage;
  let previousDoneAt = progress.previousDoneAt;
  for (const step of variant.steps.slice(progress.nextIndex)) {
    const due = scheduledDue(step, state, previousDoneAt);
    const at = due < start ? start : due;
    previousDoneAt = at;
    const base = { stepId: step.id, at, template: step.template };
    const unmet = unmetCondition(step, state, stageOn(stage, at, state));
    if (unmet) {
      planned.push({ ...base, skipReason: unmet });
      continue;
    }
    const choice = chooseChannel(
      step,
      attemptsOf(state.history, step.id),
      state.debtor.availableChannels,
    );
    if (choice.kind === "exhausted") {
      planned.push({ ...base, skipReason: choice.reason });
      continue;
    }
    planned.push({
      ...base,
      channel: choice.channel,
      ...(choice.fallbackFrom ? { fallbackFrom: choice.fallbackFrom } : {}),
      ...(step.moveToStage ? { moveToStage: step.moveToStage } : {}),
    });
    if (step.moveToStage) stage = laterStage(stage, step.moveToStage);
  }
  return planned.filter((step) => step.at >= from && step.at < to);
}
