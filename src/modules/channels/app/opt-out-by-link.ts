/**
 * The opt-out link in every email and SMS: one click stops that channel for
 * that address or number, at once and for good (until the debtor asks again).
 */
import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { insertChannelTimeline, reevaluateCases } from "../store/dispatch-queue";

export type OptOutOutcome =
  | { kind: "unknown" }
  | { kind: "opted_out"; channel: string; language: string; already: boolean };

export async function describeOptOut(database: Database, messageId: string) {
  const { rows } = await database.pool.query<{ channel: string; language: string; tenant: string }>(
    `select m.channel, m.language, t.name as tenant from messages m join tenants t on t.id = m.tenant_id
     where m.id = $1`,
    [messageId],
  );
  return rows[0];
}

export async function optOutByLink(
  deps: { database: Database; clock: Clock },
  messageId: string,
): Promise<OptOutOutcome> {
  const now = deps.clock.now();
  const { rows } = await deps.database.pool.query<{
    tenant_id: string;
    case_id: string;
    channel: string;
    language: string;
    contact_point_id: string | null;
  }>("select tenant_id, case_id, channel, language, contact_point_id from messages where id = $1", [
    messageId,
  ]);
  const message = rows[0];
  if (!message?.contact_point_id) return { kind: "unknown" };
  const updated = await deps.database.pool.query(
    `update contact_points set opt_out = opt_out || jsonb_build_object($2::text,
       jsonb_build_object('at', $3::timestamptz, 'source', 'link')), updated_at = $3
     where id = $1 and not opt_out ? $2`,
    [message.contact_point_id, message.channel, now],
  );
  const already = updated.rowCount === 0;
  if (!already) {
    await insertChannelTimeline(
      deps.database.pool,
      [
        {
          tenantId: message.tenant_id,
          caseId: message.case_id,
          type: "contact.opted_out",
          data: { channel: message.channel, source: "link", message: messageId },
        },
      ],
      "debtor",
    );
    await reevaluateCases(deps.database.pool, [message.case_id], now);
  }
  return { kind: "opted_out", channel: message.channel, language: message.language, already };
}
