/**
 * The strategy engine: given a case, the strategy version it runs and the time,
 * what should it get next? Pure: no I/O, no clock. It proposes; the scheduler
 * passes each proposal through the contact policy and records the outcome.
 */

import { caseGuard } from "./case-guards.js";
import { progressOf } from "./case-progress.js";
import type { CaseEvaluation, CaseState, ProposedAction, SkippedStep } from "./case-state.js";
import { attemptsOf, chooseChannel, idempotencyKey } from "./step-progress.js";
import { describeStep, local, scheduledDue, unmetCondition } from "./step-timing.js";
import { type StrategyVersion, variantOf } from "./versioning.js";

export function evaluateCase(
  state: CaseState,
  version: StrategyVersion,
  now: Date,
): CaseEvaluation {
  const zone = state.debtor.timeZone;
  const variant = variantOf(version, state.variant);
  const explanation = [
    `strategy ${version.strategyId} v${version.version}, variant ${variant.key}`,
  ];
  if (variant.key !== state.variant) {
    explanation.push(`variant ${state.variant} is not in this version: following ${variant.key}`);
  }
  const skippedSteps: SkippedStep[] = [];
  const result = (rest: Partial<CaseEvaluation>): CaseEvaluation => ({
    actions: [],
    skippedSteps,
    variant: variant.key,
    explanation,
    ...rest,
  });

  const guard = caseGuard(state, now);
  if (guard.kind === "exit") {
    explanation.push(guard.explanation);
    return result({ exit: { reason: guard.reason } });
  }
  const progress = progressOf(state, variant, now);
  explanation.push(...progress.stageNotes);
  const stageChange = progress.stage !== state.stage ? { stageChange: progress.stage } : {};
  if (guard.kind === "pause") {
    explanation.push(guard.explanation);
    const until = guard.until ? { until: guard.until } : undefined;
    return result({
      pause: { reason: guard.reason, ...until },
      ...stageChange,
      ...(guard.until ? { nextEvaluationAt: guard.until } : {}),
    });
  }
  explanation.push(...guard.notes);

  let previousDoneAt = progress.previousDoneAt;
  for (const step of variant.steps.slice(progress.nextIndex)) {
    const attempts = attemptsOf(state.history, step.id);
    const due = scheduledDue(step, state, previousDoneAt);
    if (due > now) {
      explanation.push(`next: ${describeStep(step)} at ${local(due, zone)}`);
      return result({ ...stageChange, nextEvaluationAt: due });
    }
    const unmet = unmetCondition(step, state, progress.stage);
    if (unmet) {
      skippedSteps.push({ stepId: step.id, reason: unmet });
      explanation.push(`skipped ${describeStep(step)}: ${unmet}`);
      previousDoneAt = due;
      continue;
    }
    const choice = chooseChannel(step, attempts, state.debtor.availableChannels);
    const last = attempts.at(-1);
    if (choice.kind === "exhausted") {
      skippedSteps.push({ stepId: step.id, reason: choice.reason });
      explanation.push(`skipped ${describeStep(step)}: ${choice.reason}`);
      previousDoneAt = last && last.at > due ? last.at : due;
      continue;
    }
    const attempt = attempts.length + 1;
    // A retry goes after the attempt it repeats, never before.
    const earliestAt = last && last.at > due ? last.at : due;
    const action: ProposedAction = {
      stepId: step.id,
      attempt,
      channel: choice.channel,
      template: step.template,
      earliestAt,
      idempotencyKey: idempotencyKey({
        caseId: state.caseId,
        strategyId: version.strategyId,
        version: version.version,
        stepId: step.id,
        attempt,
      }),
      ...(choice.fallbackFrom ? { fallbackFrom: choice.fallbackFrom } : {}),
      ...(step.moveToStage ? { moveToStage: step.moveToStage } : {}),
    };
    explanation.push(
      `due: ${describeStep(step)}, attempt ${attempt} on ${choice.channel} from ${local(earliestAt, zone)}` +
        (last ? ` (last attempt: ${last.channel} ${last.outcome})` : "") +
        (choice.note ? ` [${choice.note}]` : ""),
    );
    return result({ actions: [action], ...stageChange });
  }
  explanation.push("every step is done or passed: the strategy is complete");
  return result({ exit: { reason: "strategy_completed" }, ...stageChange });
}
