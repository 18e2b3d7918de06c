import type { Stage } from "../../cases/domain/stage";
import type {
  ContactEvent,
  ContactPolicy,
  DebtorContactContext,
  PolicyDecision,
} from "../../policy/domain";
import { evaluateContact } from "../../policy/domain";
import type { CaseState, ProposedAction, StrategyVersion } from "../../strategies/domain";
import { evaluateCase } from "../../strategies/domain";

export type ActionStatus = "scheduled" | "deferred" | "blocked";

export interface PlannedAction {
  action: ProposedAction;
  status: ActionStatus;
  /** When it should happen: the proposal's time, or the policy's next allowed moment. */
  dueAt: Date;
  decision: PolicyDecision;
}

export interface TimelineEntry {
  type: string;
  data: Record<string, unknown>;
}

export interface CasePlan {
  actions: PlannedAction[];
  stageChange?: Stage;
  /** null: only an event (payment, reply, dispute…) can change the answer. */
  nextEvaluationAt: Date | null;
  timeline: TimelineEntry[];
}

/** A blocked contact is looked at again after a day: a hold may lift, a channel appear. */
const RETRY_BLOCKED_MS = 24 * 3_600_000;

/**
 * One evaluation of one case: the strategy proposes, the contact policy
 * judges every proposal against the person's contacts on all tenants. Pure:
 * the scheduler persists the plan, the dry run only counts it.
 */
export function planCase(input: {
  state: CaseState;
  version: StrategyVersion;
  policy: ContactPolicy;
  person: DebtorContactContext;
  contacts: readonly ContactEvent[];
  now: Date;
}): CasePlan {
  const { state, version, policy, person, contacts, now } = input;
  const evaluation = evaluateCase(state, version, now);
  const timeline: TimelineEntry[] = [];
  for (const skipped of evaluation.skippedSteps) {
    timeline.push({ type: "strategy.step_skipped", data: { ...skipped } });
  }
  if (evaluation.exit) {
    timeline.push({ type: "strategy.exited", data: { reason: evaluation.exit.reason } });
    return { actions: [], stageChange: evaluation.stageChange, nextEvaluationAt: null, timeline };
  }
  if (evaluation.pause) {
    const { reason, until } = evaluation.pause;
    timeline.push({
      type: "strategy.paused",
      data: { reason, until: until?.toISOString() ?? null },
    });
    return {
      actions: [],
      stageChange: evaluation.stageChange,
      nextEvaluationAt: until ?? null,
      timeline,
    };
  }
  const actions: PlannedAction[] = [];
  let next = evaluation.nextEvaluationAt ?? null;
  for (const action of evaluation.actions) {
    const at = action.earliestAt > now ? action.earliestAt : now;
    const proposal = {
      tenantId: state.tenantId,
      caseId: state.caseId,
      channel: action.channel,
      at,
    };
    const decision = evaluateContact(policy, person, contacts, proposal);
    const base = { step: action.stepId, attempt: action.attempt, channel: action.channel };
    if (decision.kind === "allow") {
      actions.push({ action, status: "scheduled", dueAt: at, decision });
      timeline.push({
        type: "contact.scheduled",
        data: { ...base, template: action.template, at: at.toISOString() },
      });
      next = earliest(next, at);
    } else if (decision.kind === "defer") {
      // Deferred, never dropped: the case is evaluated again when the policy allows.
      actions.push({ action, status: "deferred", dueAt: decision.until, decision });
      timeline.push({
        type: "contact.deferred",
        data: {
          ...base,
          rule: decision.rule,
          reason: decision.reason,
          until: decision.until.toISOString(),
        },
      });
      next = decision.until;
    } else {
      actions.push({ action, status: "blocked", dueAt: at, decision });
      timeline.push({
        type: "contact.blocked",
        data: { ...base, rule: decision.rule, reason: decision.reason },
      });
      next = new Date(now.getTime() + RETRY_BLOCKED_MS);
    }
  }
  if (evaluation.stageChange)
    timeline.push({ type: "stage.changed", data: { to: evaluation.stageChange } });
  return { actions, stageChange: evaluation.stageChange, nextEvaluationAt: next, timeline };
}

function earliest(a: Date | null, b: Date): Date {
  return a && a < b ? a : b;
}
