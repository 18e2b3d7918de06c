import { localDate } from "../../../platform/clock";
import type { ContactEvent, ContactPolicy } from "../../policy/domain";
import type { StepAttempt, StrategyVersion } from "../../strategies/domain";
import { assignStrategy } from "./assign-strategy";
import { type CaseFactsRow, personKey, toCaseState, toPersonContext } from "./case-inputs";
import { planCase } from "./plan-case";

export interface DayCount {
  contacts: number;
  deferred: Record<string, number>;
  blocked: Record<string, number>;
}

/** Per local day (tenant's zone), per channel. */
export type SimulationResult = Map<string, Map<string, DayCount>>;

const HOUR_MS = 3_600_000;

/**
 * The dry run: walks the portfolio hour by hour from `from` to `to`, planning
 * each case whenever it is due exactly as the scheduler would, and feeding
 * every planned contact back into the case's and the person's history in
 * memory. Nothing is written; the result counts contacts, deferrals and
 * blocks per day, channel and rule.
 */
export function simulatePortfolio(input: {
  cases: Array<CaseFactsRow & { strategy_version_id: string | null }>;
  versions: Array<StrategyVersion & { rowId: string }>;
  policy: ContactPolicy;
  contacts: Map<string, ContactEvent[]>;
  actions: Map<string, Array<{ step_id: string; channel: string; status: string; due_at: Date }>>;
  from: Date;
  to: Date;
  timeZone: string;
}): SimulationResult {
  const result: SimulationResult = new Map();
  const count = (at: Date, channel: string): DayCount => {
    const day = localDate(at, input.timeZone);
    const channels = result.get(day) ?? new Map<string, DayCount>();
    result.set(day, channels);
    const c = channels.get(channel) ?? { contacts: 0, deferred: {}, blocked: {} };
    channels.set(channel, c);
    return c;
  };
  const live = input.cases.flatMap((row) => {
    const assigned = assignStrategy(row, input.versions);
    if (!assigned) return [];
    const history: StepAttempt[] = toCaseState(
      row,
      input.actions.get(row.case_id) ?? [],
      assigned.variant,
    ).history.slice();
    return [{ row: { ...row }, assigned, history, next: input.from.getTime() }];
  });
  for (let t = input.from.getTime(); t <= input.to.getTime(); t += HOUR_MS) {
    const now = new Date(t);
    for (const c of live) {
      if (c.next > t) continue;
      const person = personKey(c.row);
      const contacts = input.contacts.get(person) ?? [];
      const state = { ...toCaseState(c.row, [], c.assigned.variant), history: c.history };
      const plan = planCase({
        state,
        version: c.assigned.version,
        policy: input.policy,
        person: toPersonContext(c.row),
        contacts,
        now,
      });
      for (const p of plan.actions) {
        const tally = count(p.status === "scheduled" ? p.dueAt : now, p.action.channel);
        const outcome = p.status === "scheduled" ? "sent" : p.status;
        c.history.push({
          stepId: p.action.stepId,
          channel: p.action.channel,
          at: p.dueAt,
          outcome,
        });
        if (p.decision.kind === "allow") {
          tally.contacts++;
          contacts.push({
            at: p.dueAt,
            channel: p.action.channel,
            tenantId: c.row.tenant_id,
            caseId: c.row.case_id,
            kind: "attempt",
          });
          input.contacts.set(person, contacts);
        } else {
          const bucket = p.decision.kind === "defer" ? tally.deferred : tally.blocked;
          bucket[p.decision.rule] = (bucket[p.decision.rule] ?? 0) + 1;
        }
      }
      if (plan.stageChange) c.row.stage = plan.stageChange;
      const next = plan.nextEvaluationAt?.getTime() ?? Number.POSITIVE_INFINITY;
      c.next = Math.max(next, t + HOUR_MS);
    }
  }
  return result;
}
