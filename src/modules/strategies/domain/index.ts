/** The strategies domain: definitions, versions, selection, variants and the engine. */

export { assignmentPoint, assignVariant, hash32 } from "./assign-variant.js";
export { caseGuard, PROMISE_GRACE_DAYS, promiseHoldsUntil } from "./case-guards.js";
export type {
  AttemptOutcome,
  CaseDebtor,
  CaseEvaluation,
  CaseFacts,
  CaseState,
  CaseStatus,
  DebtorKind,
  ExitReason,
  PauseReason,
  ProposedAction,
  SkippedStep,
  StepAttempt,
} from "./case-state.js";
export { ATTEMPT_OUTCOMES } from "./case-state.js";
export { DEFAULT_STRATEGIES } from "./default-strategies.js";
export { DEFAULT_TEMPLATES, type TemplateRequirement, templatesUsed } from "./default-templates.js";
export { dueSteps, type PlannedStep } from "./due-steps.js";
export { evaluateCase } from "./evaluate-case.js";
export { type StrategySelection, selectStrategy } from "./select-strategy.js";
export {
  completedStepIds,
  idempotencyKey,
  MAX_TRANSIENT_FAILURES_PER_CHANNEL,
} from "./step-progress.js";
export {
  type AppliesTo,
  CHAMPION,
  DEBTOR_KINDS,
  STEP_ANCHORS,
  type StepAnchor,
  type StepConditions,
  type StrategyDefinition,
  type StrategyDefinitionInput,
  type StrategyStep,
  type StrategyVariant,
  strategyDefinition,
  strategyJsonSchema,
} from "./strategy-definition.js";
export {
  type CaseMigration,
  migrateCaseToVersion,
  nextVersion,
  type StrategyVersion,
  variantOf,
} from "./versioning.js";
