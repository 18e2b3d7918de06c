/** The repayment-plan domain (piano di rientro): schedules, policy, progress, signing codes. */

export {
  CODE_DIGITS,
  type CodeBinding,
  type CodeCheck,
  checkOneTimeCode,
  DEFAULT_CODE_TTL_MINUTES,
  DEFAULT_MAX_ATTEMPTS,
  type IssuedCode,
  issueOneTimeCode,
  type StoredCode,
} from "./one-time-code.js";
export {
  addDays,
  addMonthsClamped,
  monthsSpanned,
  nthDueDate,
  PLAN_FREQUENCIES,
  type PlanFrequency,
} from "./plan-calendar.js";
export {
  DEFAULT_PLAN_POLICY,
  type DebtorKind,
  decidePlan,
  type PlanDecision,
  type PlanDecisionKind,
  type PlanOption,
  type PlanPolicy,
  type PlanPolicyJson,
  PlanPolicySchema,
  type PlanProposal,
  type PlanReason,
  planOptions,
  planPolicyToJson,
} from "./plan-policy.js";
export {
  type Allocation,
  allocateToInstallments,
  applyAllocation,
  type BreakRule,
  DEFAULT_BREAK_RULE,
  type InstallmentProgress,
  type InstallmentState,
  type InstallmentStatus,
  type PlanProgress,
  type PlanStatus,
  planProgress,
} from "./plan-progress.js";
export {
  type InstallmentKind,
  type PlannedInstallment,
  type SplitInstallmentsInput,
  splitInstallments,
} from "./split-installments.js";
