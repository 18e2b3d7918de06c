import type { Stage } from "../../cases/domain/stage";
import {
  CHANNELS,
  type Channel,
  type ContactEvent,
  type DebtorContactContext,
  HOLD_REASONS,
  type HoldReason,
} from "../../policy/domain";
import type { AttemptOutcome, CaseState, StepAttempt } from "../../strategies/domain";

/** The loaded row of a case due for evaluation (see store/claim-due-cases.ts). */
export interface CaseFactsRow {
  case_id: string;
  tenant_id: string;
  debtor_id: string;
  identity_id: string | null;
  stage: string;
  status: string;
  hold_reasons: string[];
  opened_at: Date;
  variant: string | null;
  debtor_kind: string;
  language: string;
  segment: string | null;
  risk_class: string | null;
  time_zone: string;
  country: string;
  balance_minor: string;
  oldest_due_date: string | null;
  channels: string[];
  opted_out: string[];
  contacts_paused_until: Date | null;
  contacts_paused_reason: string | null;
  promise_due_date: string | null;
  promise_grace_days: number | null;
  plan_active: boolean;
  /** The debtor's preferred time window (portal), "HH:MM" in their time zone. */
  preferred_from?: string | null;
  preferred_to?: string | null;
}

const OUTCOME: Record<string, AttemptOutcome | undefined> = {
  // A scheduled contact will be sent by its channel; the engine moves on.
  scheduled: "sent",
  sent: "sent",
  delivered: "delivered",
  deferred: "deferred",
  blocked: "blocked",
  failed_temporary: "failed_temporary",
  failed_permanent: "failed_permanent",
  // Withdrawn at send time (case paused or paid meanwhile): tried again later, never a failure.
  cancelled: "deferred",
};

const isChannel = (c: string): c is Channel => (CHANNELS as readonly string[]).includes(c);
const isHold = (h: string): h is HoldReason => (HOLD_REASONS as readonly string[]).includes(h);

/** Who a contact reaches: the identity across tenants, else this debtor alone. */
export const personKey = (row: Pick<CaseFactsRow, "identity_id" | "debtor_id">) =>
  row.identity_id ?? row.debtor_id;

export function toCaseState(
  row: CaseFactsRow,
  actions: Array<{ step_id: string; channel: string; status: string; due_at: Date }>,
  variant: string,
): CaseState {
  const history: StepAttempt[] = [];
  for (const a of actions) {
    const outcome = OUTCOME[a.status];
    if (outcome && isChannel(a.channel))
      history.push({ stepId: a.step_id, channel: a.channel, at: a.due_at, outcome });
  }
  return {
    caseId: row.case_id,
    tenantId: row.tenant_id,
    stage: row.stage as Stage,
    status: row.status as CaseState["status"],
    holdReasons: row.hold_reasons.filter(isHold),
    balanceMinor: BigInt(row.balance_minor),
    oldestDueDate: row.oldest_due_date ?? row.opened_at.toISOString().slice(0, 10),
    openedAt: row.opened_at,
    debtor: {
      kind: row.debtor_kind === "company" ? "company" : "person",
      language: row.language,
      segment: row.segment ?? undefined,
      riskClass: row.risk_class ?? undefined,
      timeZone: row.time_zone,
      availableChannels: row.channels.filter(isChannel),
    },
    variant,
    history,
    ...(row.promise_due_date
      ? {
          promise: {
            dueDate: row.promise_due_date,
            ...(row.promise_grace_days !== null ? { graceDays: row.promise_grace_days } : {}),
          },
        }
      : {}),
    ...(row.plan_active ? { planActive: true } : {}),
    ...(row.contacts_paused_until
      ? {
          pausedUntil: {
            until: row.contacts_paused_until,
            reason: row.contacts_paused_reason ?? "paused",
          },
        }
      : {}),
  };
}

export function toPersonContext(row: CaseFactsRow): DebtorContactContext {
  const available = new Set(row.channels);
  return {
    identityId: personKey(row),
    timeZone: row.time_zone,
    country: row.country,
    // Opted out of a channel everywhere it could reach them.
    optedOut: row.opted_out.filter((c) => !available.has(c)).filter(isChannel),
    doNotContact: false,
    holds: row.hold_reasons.filter(isHold),
    ...(row.preferred_from && row.preferred_to
      ? { preferredWindow: { from: row.preferred_from, to: row.preferred_to } }
      : {}),
  };
}

export function toContactEvents(
  rows: Array<{
    tenant_id: string;
    case_id: string;
    channel: string;
    kind: "attempt" | "conversation";
    at: Date;
  }>,
): ContactEvent[] {
  return rows.flatMap((r) =>
    isChannel(r.channel)
      ? [{ at: r.at, channel: r.channel, tenantId: r.tenant_id, caseId: r.case_id, kind: r.kind }]
      : [],
  );
}
