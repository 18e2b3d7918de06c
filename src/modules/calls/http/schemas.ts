/** Response shapes of the call-center API and the mapping from stored rows. */
import { z } from "zod";
import { daysBetween, localDate } from "../../../platform/clock";
import { minorToJson } from "../../../platform/money";
import type { CallTaskView } from "../app/view-call-task";
import { sipHref, telHref } from "../domain/dial-links";
import { OUTCOMES } from "../domain/outcomes";
import { localHourMinute } from "../domain/score-task";

export const tenantParams = z.object({ tenantId: z.uuid() });
export const taskParams = tenantParams.extend({ taskId: z.uuid() });

export const claimOut = z.object({
  taskId: z.string(),
  tenantId: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  debtorName: z.string(),
  claimedAt: z.string(),
  expiresAt: z.string(),
});

export const countersOut = z.object({
  calls: z.number().int(),
  rightPartyContacts: z.number().int(),
  promises: z.number().int(),
  amountPromisedMinor: z.number().int(),
});

export const outcomeSchema = z.enum(OUTCOMES);

const factorOut = z.object({ key: z.string(), points: z.number().int(), detail: z.string() });

export const workspaceOut = z.object({
  task: z.object({
    id: z.string(),
    tenantId: z.string(),
    source: z.string(),
    reasons: z.array(z.string()),
    status: z.string(),
    claimedByMe: z.boolean(),
    expiresAt: z.string().nullable(),
    attempts: z.number().int(),
    priority: z.object({
      score: z.number().int(),
      band: z.enum(["high", "medium", "low"]),
      factors: z.array(factorOut),
    }),
  }),
  case: z.object({
    id: z.string(),
    reference: z.string(),
    stage: z.string(),
    status: z.string(),
    holdReasons: z.array(z.string()),
    balanceMinor: z.number().int(),
    currency: z.string(),
    daysPastDue: z.number().int().nullable(),
    creditorName: z.string(),
  }),
  debtor: z.object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(["person", "company"]),
    language: z.string(),
    timeZone: z.string(),
    localTime: z.string(),
    preferredWindow: z.object({ from: z.string(), to: z.string() }).nullable(),
    preferredChannel: z.string().nullable(),
  }),
  phones: z.array(
    z.object({
      value: z.string(),
      type: z.string().nullable(),
      telHref: z.string(),
      sipHref: z.string().nullable(),
      optedOut: z.boolean(),
      unanswered: z.number().int(),
    }),
  ),
  invoices: z.array(
    z.object({
      number: z.string(),
      issueDate: z.string().nullable(),
      dueDate: z.string(),
      amountMinor: z.number().int(),
      openAmountMinor: z.number().int(),
    }),
  ),
  contacts: z.array(
    z.object({
      at: z.string(),
      channel: z.string(),
      direction: z.enum(["out", "in"]),
      what: z.string(),
      notes: z.string().nullable(),
      by: z.string().nullable(),
    }),
  ),
  promises: z.array(
    z.object({
      amountMinor: z.number().int(),
      dueDate: z.string(),
      status: z.string(),
      source: z.string(),
      createdAt: z.string(),
    }),
  ),
  plans: z.array(
    z.object({
      status: z.string(),
      installments: z.number().int(),
      totalMinor: z.number().int(),
      createdAt: z.string(),
    }),
  ),
  reasons: z.array(z.object({ code: z.string(), text: z.string().nullable(), at: z.string() })),
  script: z.object({
    template: z.string(),
    language: z.string(),
    opening: z.string(),
    branch: z.object({ reason: z.string(), text: z.string() }).nullable(),
    closing: z.string(),
    sections: z.array(z.object({ title: z.string(), text: z.string(), branch: z.boolean() })),
  }),
  callWindow: z.object({
    allowedNow: z.boolean(),
    until: z.string().nullable(),
    rule: z.string().nullable(),
  }),
});

const money = (minor: string | bigint) => minorToJson(BigInt(minor));

export function toWorkspace(view: CallTaskView, userId: string): z.infer<typeof workspaceOut> {
  const { row } = view;
  const today = localDate(view.now, row.time_zone);
  const oldest = view.invoices.find((i) => BigInt(i.open_amount_minor) > 0n)?.due_date ?? null;
  return {
    task: {
      id: row.task_id,
      tenantId: row.tenant_id,
      source: row.source,
      reasons: row.reasons,
      status: row.status,
      claimedByMe: row.status === "claimed" && row.claimed_by === userId,
      expiresAt: row.claim_expires_at?.toISOString() ?? null,
      attempts: row.attempts,
      priority: view.scored?.priority ?? { score: 0, band: "low", factors: [] },
    },
    case: {
      id: row.case_id,
      reference: row.reference,
      stage: row.stage,
      status: row.case_status,
      holdReasons: row.hold_reasons,
      balanceMinor: money(view.balance),
      currency: row.currency,
      daysPastDue: oldest ? daysBetween(oldest, today) : null,
      creditorName: row.creditor_name,
    },
    debtor: {
      id: row.debtor_id,
      name: row.debtor_name,
      kind: row.debtor_kind,
      language: row.language,
      timeZone: row.time_zone,
      localTime: localHourMinute(view.now, row.time_zone),
      preferredWindow:
        row.preferred_from && row.preferred_to
          ? { from: row.preferred_from, to: row.preferred_to }
          : null,
      preferredChannel: row.preferred_channel,
    },
    phones: view.phones.map((p) => ({
      value: p.value,
      type: p.phone_type,
      telHref: telHref(p.value),
      sipHref: sipHref(p.value, row.sip_domain),
      optedOut: p.opted_out,
      unanswered: p.unanswered,
    })),
    invoices: view.invoices.map((i) => ({
      number: i.number,
      issueDate: i.issue_date,
      dueDate: i.due_date,
      amountMinor: money(i.amount_minor),
      openAmountMinor: money(i.open_amount_minor),
    })),
    contacts: view.contacts.map((c) => ({ ...c, at: c.at.toISOString() })),
    promises: view.agreements.promises.map((p) => ({
      amountMinor: money(p.amount_minor),
      dueDate: p.due_date,
      status: p.status,
      source: p.source,
      createdAt: p.created_at.toISOString(),
    })),
    plans: view.agreements.plans.map((p) => ({
      status: p.status,
      installments: p.installments,
      totalMinor: money(p.total_minor),
      createdAt: p.created_at.toISOString(),
    })),
    reasons: view.agreements.reasons.map((r) => ({
      code: r.reason,
      text: r.text,
      at: r.created_at.toISOString(),
    })),
    script: view.script,
    callWindow: { ...view.callWindow, until: view.callWindow.until?.toISOString() ?? null },
  };
}
