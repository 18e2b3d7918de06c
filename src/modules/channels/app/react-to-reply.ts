/**
 * What a classified reply does to its case, at once:
 * - opt-out: that channel is never used again for this contact point;
 * - dispute or hardship: the case goes on hold and a person reviews it;
 * - already paid: reminders pause for a few days, proof is asked for, a person checks it;
 * - promise with a date: a promise to pay is recorded (reminders wait for its date plus grace);
 *   one the tenant's limits refuse, or without a date, pauses reminders and goes to a person;
 * - call me: a callback task; anything else: a person reads it.
 */
import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { AppError } from "../../../platform/errors";
import { changeHolds } from "../../cases/app/change-holds";
import type { HoldReason } from "../../policy/domain";
import { recordPromise } from "../../promises/app/record-promise";
import { promiseHoldsUntil } from "../../strategies/domain/case-guards";
import type { ReplyClassification } from "../inbound/index.js";
import { insertChannelTimeline, reevaluateCases } from "../store/dispatch-queue";

/** Long enough for a bank transfer receipt to be sent and checked. */
export const PROOF_PAUSE_DAYS = 5;

export type ReplyReaction =
  | { kind: "none" }
  | { kind: "opted_out"; channel: string }
  | { kind: "hold"; reason: HoldReason; task: string }
  | { kind: "paused"; until: Date; task?: string; proofRequest?: string }
  | { kind: "promise"; promiseId: string; until: Date }
  | { kind: "task"; task: string };

interface ReplyOnCase {
  inboundId: string;
  tenantId: string;
  caseId: string;
  channel: "email" | "sms" | "pec";
  contactPointId: string | null;
  timeZone: string;
  classification: ReplyClassification;
}

export async function reactToReply(
  deps: { database: Database; clock: Clock },
  reply: ReplyOnCase,
): Promise<ReplyReaction> {
  const now = deps.clock.now();
  const pool = deps.database.pool;
  const { intent } = reply.classification;
  if (intent === "opt_out") {
    if (reply.contactPointId) {
      await pool.query(
        `update contact_points set opt_out = opt_out || jsonb_build_object($2::text,
           jsonb_build_object('at', $3::timestamptz, 'source', 'reply')), updated_at = $3
         where id = $1 and not opt_out ? $2`,
        [reply.contactPointId, reply.channel, now],
      );
    }
    await timeline(deps, reply, "contact.opted_out", { channel: reply.channel, source: "reply" });
    await reevaluateCases(pool, [reply.caseId], now);
    return { kind: "opted_out", channel: reply.channel };
  }
  if (intent === "dispute" || intent === "hardship") {
    await changeHolds(deps, reply, (current) =>
      current.includes(intent)
        ? null
        : {
            holdReasons: [...current, intent],
            event: {
              type: "hold.added",
              actor: "debtor",
              data: { reason: intent, source: "reply", inbound: reply.inboundId },
            },
          },
    );
    const task = await addTask(deps, reply, "review", `reply: ${intent}`);
    return { kind: "hold", reason: intent, task };
  }
  if (intent === "promise" && reply.classification.promise?.date) {
    const recorded = await promiseFromReply(deps, reply, reply.classification.promise);
    if (recorded) return recorded;
  }
  if (intent === "already_paid" || intent === "promise") {
    const promised = reply.classification.promise?.date;
    const until =
      intent === "promise" && promised
        ? promiseHoldsUntil(promised, reply.timeZone)
        : new Date(now.getTime() + PROOF_PAUSE_DAYS * 86_400_000);
    const reason =
      intent === "promise"
        ? `promise to pay${promised ? ` by ${promised}` : ""} (reply)`
        : "proof of payment requested";
    await pool.query(
      `update cases set contacts_paused_until = greatest(coalesce(contacts_paused_until, $2), $2),
         contacts_paused_reason = $3, next_evaluation_at = $4 where id = $1`,
      [reply.caseId, until, reason, now],
    );
    await timeline(deps, reply, intent === "promise" ? "promise.recorded" : "contacts.paused", {
      until,
      reason,
      ...(reply.classification.promise
        ? {
            date: reply.classification.promise.date ?? null,
            amountMinor: reply.classification.promise.amountMinor?.toString() ?? null,
          }
        : {}),
    });
    // A dated promise gets here only when the tenant's limits refused it: a person decides.
    const task = await addTask(
      deps,
      reply,
      intent === "promise" ? "review" : "proof_check",
      intent === "promise"
        ? promised
          ? `reply: promise for ${promised} outside the tenant's limits`
          : "reply: promise without a date"
        : "reply: says already paid",
    );
    const proofRequest =
      intent === "already_paid" ? await requestProof(deps, reply, now) : undefined;
    return { kind: "paused", until, task, ...(proofRequest ? { proofRequest } : {}) };
  }
  const task = await addTask(
    deps,
    reply,
    intent === "call_me" ? "callback" : "review",
    intent === "call_me" ? "reply: asks to be called" : "reply: to read",
  );
  return { kind: "task", task };
}

async function addTask(
  deps: { database: Database },
  reply: ReplyOnCase,
  kind: "review" | "callback" | "proof_check",
  reason: string,
): Promise<string> {
  const { rows } = await deps.database.pool.query<{ id: string }>(
    `insert into case_tasks (tenant_id, case_id, kind, reason, source_inbound_id) values ($1, $2, $3, $4, $5)
     returning id`,
    [reply.tenantId, reply.caseId, kind, reason, reply.inboundId],
  );
  return rows[0]?.id as string;
}

/**
 * The proof request answers the debtor on the channel they wrote from. It is
 * a scheduled action like any other: the dispatcher asks the policy first.
 */
async function requestProof(
  deps: { database: Database },
  reply: ReplyOnCase,
  now: Date,
): Promise<string | undefined> {
  const key = `reply/${reply.inboundId}/proof.request`;
  const { rows } = await deps.database.pool.query<{ id: string }>(
    `insert into case_actions (tenant_id, case_id, idempotency_key, step_id, attempt, channel, template, status, due_at)
     values ($1, $2, $3, 'reply:proof.request', 1, $4, 'proof.request', 'scheduled', $5)
     on conflict (idempotency_key) do nothing returning id`,
    [reply.tenantId, reply.caseId, key, reply.channel === "pec" ? "email" : reply.channel, now],
  );
  if (rows[0]) {
    // It counts towards the caps like every contact the scheduler plans.
    await deps.database.pool.query(
      `insert into contact_events (tenant_id, case_id, identity_id, debtor_id, channel, kind, at, action_key)
       select c.tenant_id, c.id, d.identity_id, d.id, $2, 'attempt', $3, $4
       from cases c join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id where c.id = $1`,
      [reply.caseId, reply.channel === "pec" ? "email" : reply.channel, now, key],
    );
    await deps.database.pool.query("select pg_notify('saldo_dispatch', '')");
  }
  return rows[0]?.id;
}

async function timeline(
  deps: { database: Database },
  reply: ReplyOnCase,
  type: string,
  data: Record<string, unknown>,
): Promise<void> {
  await insertChannelTimeline(
    deps.database.pool,
    [
      {
        tenantId: reply.tenantId,
        caseId: reply.caseId,
        type,
        data: { inbound: reply.inboundId, ...data },
      },
    ],
    "debtor",
  );
}

/** A dated promise in a reply becomes a promise record; null when the tenant's limits refuse it. */
async function promiseFromReply(
  deps: { database: Database; clock: Clock },
  reply: ReplyOnCase,
  promised: { date?: string; amountMinor?: bigint },
): Promise<ReplyReaction | null> {
  if (!promised.date) return null;
  try {
    const promise = await recordPromise(deps, {
      tenantId: reply.tenantId,
      caseId: reply.caseId,
      dueDate: promised.date,
      ...(promised.amountMinor ? { amountMinor: promised.amountMinor } : {}),
      source: reply.channel === "sms" ? "sms_reply" : "email_reply",
      createdBy: "debtor",
      note: `reply ${reply.inboundId}`,
    });
    return {
      kind: "promise",
      promiseId: promise.id,
      until: promiseHoldsUntil(promise.dueDate, reply.timeZone, promise.graceDays),
    };
  } catch (error) {
    if (
      error instanceof AppError &&
      (error.code === "validation_failed" || error.code === "case_closed")
    ) {
      return null;
    }
    throw error;
  }
}
