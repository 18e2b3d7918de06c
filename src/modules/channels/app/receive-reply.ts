/**
 * A debtor's reply (SMS, email, PEC) reaches the case it answers: stored once
 * (by the provider's or the email's own id), put on the timeline, classified
 * in Italian and English, and acted on (react-to-reply.ts).
 */
import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { isId } from "../domain/saldo-ids";
import { classifyReply } from "../inbound/index.js";
import { insertChannelTimeline } from "../store/dispatch-queue";
import { type ReplyReaction, reactToReply } from "./react-to-reply";

export interface IncomingReply {
  channel: "email" | "sms" | "pec";
  /** Unique per provider message: a repeated webhook stores nothing twice. */
  externalRef: string;
  sender: string;
  recipient: string | null;
  subject: string | null;
  text: string;
  receivedAt: Date;
  /** Saldo message ids this answers (from In-Reply-To, References or the reply address). */
  answers: string[];
  /** Auto-replies are kept, never read as the debtor's intent. */
  automatic: boolean;
}

export type ReplyOutcome =
  | { kind: "duplicate" }
  | { kind: "unmatched"; inboundId: string }
  | { kind: "stored"; inboundId: string; caseId: string; intent: string; reaction: ReplyReaction };

export async function receiveReply(
  deps: { database: Database; clock: Clock },
  reply: IncomingReply,
): Promise<ReplyOutcome> {
  const pool = deps.database.pool;
  const match = await matchMessage(deps.database, reply);
  const zone = match?.time_zone ?? "Europe/Rome";
  const classification = reply.automatic
    ? null
    : classifyReply(reply.text, {
        receivedAt: reply.receivedAt,
        timeZone: zone,
        ...(match ? { language: match.language === "en" ? "en" : "it" } : {}),
      });
  const intent = reply.automatic ? "auto_reply" : (classification?.intent ?? "other");
  const { rows } = await pool.query<{ id: string }>(
    `insert into inbound_messages (tenant_id, case_id, message_id, channel, kind, sender, recipient, subject, body,
       intent, classification, external_ref, received_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     on conflict (external_ref) do nothing returning id`,
    [
      match?.tenant_id ?? null,
      match?.case_id ?? null,
      match?.id ?? null,
      reply.channel,
      reply.automatic ? "auto_reply" : "reply",
      reply.sender,
      reply.recipient,
      reply.subject,
      reply.text,
      intent,
      classification ? JSON.stringify(classification, bigintAsString) : null,
      reply.externalRef,
      reply.receivedAt,
    ],
  );
  const inboundId = rows[0]?.id;
  if (!inboundId) return { kind: "duplicate" };
  if (!match) return { kind: "unmatched", inboundId };
  await insertChannelTimeline(
    pool,
    [
      {
        tenantId: match.tenant_id,
        caseId: match.case_id,
        type: "reply.received",
        data: {
          inbound: inboundId,
          channel: reply.channel,
          intent,
          ...(classification ? { confidence: classification.confidence } : {}),
          excerpt: reply.text.slice(0, 280),
        },
      },
    ],
    "debtor",
  );
  const reaction = classification
    ? await reactToReply(deps, {
        inboundId,
        tenantId: match.tenant_id,
        caseId: match.case_id,
        channel: reply.channel,
        contactPointId: match.contact_point_id,
        timeZone: zone,
        classification,
      })
    : ({ kind: "none" } as const);
  return { kind: "stored", inboundId, caseId: match.case_id, intent, reaction };
}

interface MatchedMessage {
  id: string;
  tenant_id: string;
  case_id: string;
  contact_point_id: string | null;
  time_zone: string;
  language: string;
}

/**
 * The message a reply answers: one it names, else (SMS has no threading) the
 * latest message Saldo sent to that number or address on that channel.
 */
async function matchMessage(database: Database, reply: IncomingReply) {
  const select = `select m.id, m.tenant_id, m.case_id, m.contact_point_id,
      coalesce(d.time_zone, t.time_zone) as time_zone, d.language
    from messages m join cases c on c.id = m.case_id
    join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
    join tenants t on t.id = m.tenant_id`;
  const uuids = reply.answers.filter(isId);
  if (uuids.length) {
    const { rows } = await database.pool.query<MatchedMessage>(
      `${select} where m.id = any($1::uuid[]) order by m.created_at desc limit 1`,
      [uuids],
    );
    if (rows[0]) return rows[0];
  }
  const { rows } = await database.pool.query<MatchedMessage>(
    `${select} where m.channel = $1 and lower(m.recipient) = lower($2) and m.status <> 'suppressed'
     order by m.created_at desc limit 1`,
    [reply.channel, reply.sender],
  );
  return rows[0] ?? null;
}

function bigintAsString(_key: string, value: unknown) {
  return typeof value === "bigint" ? value.toString() : value;
}
