import type pg from "pg";
import type { MessageStatus } from "../domain/delivery";

export interface MessageInsert {
  id: string;
  tenantId: string;
  caseId: string;
  actionId: string | null;
  channel: string;
  template: string;
  language: string;
  transport: string;
  recipient: string;
  recipientAddress: Record<string, string> | null;
  contactPointId: string | null;
  senderName: string | null;
  sender: string | null;
  replyTo: string | null;
  headers: Record<string, string>;
  subject: string | null;
  bodyText: string;
  bodyHtml: string | null;
  document: Buffer | null;
  letter: unknown;
  status: MessageStatus;
  claimedBy: number | null;
  costMinor: number;
}

/** action_id is unique: a second dispatcher, or a retry, inserts nothing. */
export async function insertMessages(
  client: pg.PoolClient,
  messages: MessageInsert[],
): Promise<Set<string>> {
  if (messages.length === 0) return new Set();
  const { rows } = await client.query<{ id: string }>(
    `insert into messages (id, tenant_id, case_id, action_id, channel, template, language, transport,
       recipient, recipient_address, subject, body_text, body_html, document, status, claimed_by, cost_minor,
       contact_point_id, sender_name, sender, reply_to, headers, letter, tries)
     select id, t, c, a, ch, tp, l, tr, r, ra, s, bt, bh, doc, st, cb, cost, cp, sn, se, rt, h, lt,
       case when st = 'sending' then 1 else 0 end
     from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[],
       $9::text[], $10::jsonb[], $11::text[], $12::text[], $13::text[], $14::bytea[], $15::text[], $16::bigint[],
       $17::bigint[], $18::uuid[], $19::text[], $20::text[], $21::text[], $22::jsonb[], $23::jsonb[])
       as x(id, t, c, a, ch, tp, l, tr, r, ra, s, bt, bh, doc, st, cb, cost, cp, sn, se, rt, h, lt)
     on conflict (action_id) do nothing
     returning id`,
    [
      messages.map((m) => m.id),
      messages.map((m) => m.tenantId),
      messages.map((m) => m.caseId),
      messages.map((m) => m.actionId),
      messages.map((m) => m.channel),
      messages.map((m) => m.template),
      messages.map((m) => m.language),
      messages.map((m) => m.transport),
      messages.map((m) => m.recipient),
      messages.map((m) => (m.recipientAddress ? JSON.stringify(m.recipientAddress) : null)),
      messages.map((m) => m.subject),
      messages.map((m) => m.bodyText),
      messages.map((m) => m.bodyHtml),
      messages.map((m) => m.document),
      messages.map((m) => m.status),
      messages.map((m) => m.claimedBy),
      messages.map((m) => m.costMinor),
      messages.map((m) => m.contactPointId),
      messages.map((m) => m.senderName),
      messages.map((m) => m.sender),
      messages.map((m) => m.replyTo),
      messages.map((m) => JSON.stringify(m.headers)),
      messages.map((m) => (m.letter ? JSON.stringify(m.letter) : null)),
    ],
  );
  return new Set(rows.map((r) => r.id));
}

export interface StoredMessage {
  id: string;
  tenant_id: string;
  case_id: string;
  action_id: string | null;
  channel: string;
  template: string;
  language: string;
  transport: string;
  recipient: string;
  contact_point_id: string | null;
  sender_name: string | null;
  sender: string | null;
  reply_to: string | null;
  headers: Record<string, string>;
  subject: string | null;
  body_text: string;
  body_html: string | null;
  document: Buffer | null;
  status: MessageStatus;
  tries: number;
  cost_minor: string;
}

export async function loadMessages(
  client: pg.PoolClient | pg.Pool,
  ids: string[],
): Promise<StoredMessage[]> {
  if (ids.length === 0) return [];
  const { rows } = await client.query<StoredMessage>(
    `select id, tenant_id, case_id, action_id, channel, template, language, transport, recipient,
       contact_point_id, sender_name, sender, reply_to, headers, subject,
       body_text, body_html, document, status, tries, cost_minor::text
     from messages where id = any($1::uuid[])`,
    [ids],
  );
  return rows;
}

export interface SendResult {
  id: string;
  status: MessageStatus;
  providerIds: string[];
  segments: number | null;
  error: string | null;
  nextTryAt: Date | null;
}

/**
 * Records what the transports answered, for messages this dispatcher still
 * holds (or that a recovery already marked unknown: the real answer wins).
 * Returns the ids actually updated.
 */
export async function recordSendResults(
  client: pg.PoolClient | pg.Pool,
  results: SendResult[],
  claimedBy: number,
  now: Date,
): Promise<Set<string>> {
  if (results.length === 0) return new Set();
  const { rows } = await client.query<{ id: string }>(
    // An SMS in several parts costs each part.
    `update messages m set status = r.status, provider_ids = r.pids::text[], segments = r.segments,
       cost_minor = m.cost_minor * greatest(coalesce(r.segments, 1), 1),
       last_error = r.error, next_try_at = r.next, claimed_by = null, updated_at = $8,
       sent_at = case when r.status in ('sent', 'delivered') then $8 else m.sent_at end,
       delivered_at = case when r.status = 'delivered' then $8 else m.delivered_at end
     from unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::text[], $6::timestamptz[])
       as r(id, status, pids, segments, error, next)
     where m.id = r.id and ((m.status = 'sending' and m.claimed_by = $7) or m.status = 'unknown')
     returning m.id`,
    [
      results.map((r) => r.id),
      results.map((r) => r.status),
      results.map((r) => `{${r.providerIds.map((p) => JSON.stringify(p)).join(",")}}`),
      results.map((r) => r.segments),
      results.map((r) => r.error),
      results.map((r) => r.nextTryAt),
      claimedBy,
      now,
    ],
  );
  return new Set(rows.map((r) => r.id));
}
