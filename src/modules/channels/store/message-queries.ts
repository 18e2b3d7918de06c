import type pg from "pg";
import type { Page } from "../../../platform/http/paging";

export interface MessageListRow {
  id: string;
  case_id: string;
  channel: string;
  template: string;
  language: string;
  transport: string;
  recipient: string;
  subject: string | null;
  status: string;
  tries: number;
  provider_ids: string[];
  cost_minor: string;
  segments: number | null;
  last_error: string | null;
  tracking_number: string | null;
  print_batch_id: string | null;
  created_at: Date;
  sent_at: Date | null;
  delivered_at: Date | null;
}

const COLUMNS = `id, case_id, channel, template, language, transport, recipient, subject, status, tries,
  provider_ids, cost_minor::text, segments, last_error, tracking_number, print_batch_id, created_at, sent_at,
  delivered_at`;

/** The tenant's outbox and send log, newest first. */
export async function listMessages(
  pool: pg.Pool,
  tenantId: string,
  filter: { channel?: string; status?: string; caseId?: string },
  page: Page,
): Promise<{ items: MessageListRow[]; total: number }> {
  const where = [
    "tenant_id = $1",
    "($2::text is null or channel = $2)",
    "($3::text is null or status = $3)",
    "($4::uuid is null or case_id = $4)",
  ].join(" and ");
  const params = [tenantId, filter.channel ?? null, filter.status ?? null, filter.caseId ?? null];
  const [items, total] = await Promise.all([
    pool.query<MessageListRow>(
      `select ${COLUMNS} from messages where ${where} order by created_at desc, id limit $5 offset $6`,
      [...params, page.limit, page.offset],
    ),
    pool.query<{ n: number }>(`select count(*)::int as n from messages where ${where}`, params),
  ]);
  return { items: items.rows, total: total.rows[0]?.n ?? 0 };
}

export async function findMessage(
  pool: pg.Pool,
  tenantId: string,
  messageId: string,
): Promise<(MessageListRow & { body_text: string; body_html: string | null }) | undefined> {
  const { rows } = await pool.query(
    `select ${COLUMNS}, body_text, body_html from messages where tenant_id = $1 and id = $2`,
    [tenantId, messageId],
  );
  return rows[0];
}

export async function messageDocument(
  pool: pg.Pool,
  tenantId: string,
  messageId: string,
): Promise<Buffer | null | undefined> {
  const { rows } = await pool.query<{ document: Buffer | null }>(
    "select document from messages where tenant_id = $1 and id = $2",
    [tenantId, messageId],
  );
  return rows[0] ? rows[0].document : undefined;
}
