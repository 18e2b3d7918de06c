/**
 * Where a case stands in its variant: the furthest done step, when it was done,
 * and the stage its done steps (and the calendar) have brought it to.
 */
import type { Stage } from "../../cases/domain/stage.js";
import type { CaseState } from "./case-state.js";
import { localDateOf } from "./local-time.js";
import { attemptsOf, isDone } from "./step-progress.js";
import { laterStage } from "./step-timing.js";
import type { StrategyVariant } from "./strategy-definition.js";

export interface CaseProgress {
  /** Index of the first step after the furthest done one: the engine never goes back. */
  nextIndex: number;
  /** When the furthest done step was done; the previous_step anchor of the next one. */
  previousDoneAt: Date | undefined;
  /** The stage the case should be in (never behind state.stage). */
  stage: Stage;
  /** Why the stage moved, for the explanation. */
  stageNotes: string[];
}

/**
 * Progress is measured from the furthest done step, not the first undone one: a
 * step the case went past (skipped, or added by a later version before steps the
 * case already had) is not sent weeks late.
 */
export function progressOf(state: CaseState, variant: StrategyVariant, now: Date): CaseProgress {
  let nextIndex = 0;
  let previousDoneAt: Date | undefined;
  let stage = state.stage;
  const stageNotes: string[] = [];
  for (const [index, step] of variant.steps.entries()) {
    const latest = attemptsOf(state.history, step.id).at(-1);
    if (!latest || !isDone(latest)) continue;
    nextIndex = index + 1;
    previousDoneAt = latest.at;
    if (step.moveToStage && laterStage(stage, step.moveToStage) !== stage) {
      stage = step.moveToStage;
      stageNotes.push(`step ${step.id} is done: stage ${step.moveToStage}`);
    }
  }
  const onDay = stageOn(stage, now, state);
  if (onDay !== stage) {
    stageNotes.push(`due date ${state.oldestDueDate} has passed: stage ${onDay}`);
    stage = onDay;
  }
  return { nextIndex, previousDoneAt, stage, stageNotes };
}

/** A case still "pre_due" once its due date is behind it is "early". */
export function stageOn(
  stage: Stage,
  instant: Date,
  state: Pick<CaseState, "oldestDueDate" | "debtor">,
): Stage {
  if (stage !== "pre_due") return stage;
  return localDateOf(instant, state.debtor.timeZone) > state.oldestDueDate ? "early" : stage;
}
