/**
 * Reads and saves how the debtor wants to be contacted: channel (for the people who
 * call), time window (the contact policy narrows calls and SMS to it), language
 * (of every message from now on), and opt-outs per channel (on every contact point of
 * that kind, as the contact policy reads them).
 */
import type { Clock } from "../../../platform/clock.js";
import type { Database } from "../../../platform/db/database.js";
import { inTransaction, wakeScheduler } from "../../../platform/db/transaction.js";
import { AppError } from "../../../platform/errors.js";
import { OPT_OUT_CHANNELS, type Preferences } from "../domain/preferences.js";

/** A portal channel is these policy channels on contact points of this kind (registered letters stay). */
const OPT_OUT: Record<Preferences["optOut"][number], { kind: string; keys: string[] }> = {
  email: { kind: "email", keys: ["email"] },
  sms: { kind: "phone", keys: ["sms"] },
  phone: { kind: "phone", keys: ["call", "voice"] },
  letter: { kind: "postal", keys: ["letter"] },
};

export async function loadPreferences(
  database: Database,
  session: { tenantId: string; caseId: string },
): Promise<Preferences> {
  const { rows } = await database.pool.query<{
    language: string;
    channel: string | null;
    window_from: string | null;
    window_to: string | null;
    points: Array<{ kind: string; keys: string[] }> | null;
  }>(
    `select d.language, p.channel, to_char(p.window_from, 'HH24:MI') as window_from,
       to_char(p.window_to, 'HH24:MI') as window_to,
       (select json_agg(json_build_object('kind', cp.kind,
          'keys', (select coalesce(json_agg(k), '[]') from jsonb_object_keys(cp.opt_out) k)))
        from contact_points cp
        where cp.tenant_id = d.tenant_id and cp.debtor_id = d.id and cp.undeliverable_at is null) as points
     from cases c join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
     left join debtor_preferences p on p.debtor_id = d.id
     where c.tenant_id = $1 and c.id = $2`,
    [session.tenantId, session.caseId],
  );
  const row = rows[0];
  if (!row) throw new AppError("case_not_found", "case not found");
  const points = row.points ?? [];
  // Opted out as the contact policy sees it: no deliverable point of that kind is left.
  const optedOut = (channel: Preferences["optOut"][number]) => {
    const { kind, keys } = OPT_OUT[channel];
    const ofKind = points.filter((p) => p.kind === kind);
    return ofKind.length > 0 && ofKind.every((p) => p.keys.includes(keys[0] as string));
  };
  return {
    channel: (row.channel as Preferences["channel"]) ?? null,
    window: row.window_from && row.window_to ? { from: row.window_from, to: row.window_to } : null,
    language: row.language === "en" ? "en" : "it",
    optOut: OPT_OUT_CHANNELS.filter(optedOut),
  };
}

export async function savePreferences(
  deps: { database: Database; clock: Clock },
  session: { tenantId: string; caseId: string },
  wanted: Preferences,
): Promise<Preferences> {
  const now = deps.clock.now();
  const before = await loadPreferences(deps.database, session);
  await inTransaction(deps.database, async (client) => {
    const { rows } = await client.query<{ debtor_id: string }>(
      "select debtor_id from cases where tenant_id = $1 and id = $2",
      [session.tenantId, session.caseId],
    );
    const debtorId = rows[0]?.debtor_id;
    if (!debtorId) throw new AppError("case_not_found", "case not found");
    await client.query(
      `insert into debtor_preferences (debtor_id, tenant_id, channel, window_from, window_to, updated_at)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (debtor_id) do update set channel = excluded.channel, window_from = excluded.window_from,
         window_to = excluded.window_to, updated_at = excluded.updated_at`,
      [
        debtorId,
        session.tenantId,
        wanted.channel,
        wanted.window?.from ?? null,
        wanted.window?.to ?? null,
        now,
      ],
    );
    await client.query("update debtors set language = $2, updated_at = $3 where id = $1", [
      debtorId,
      wanted.language,
      now,
    ]);
    // Every wanted opt-out on every point of its kind (idempotent). Un-ticking lifts only the
    // opt-outs the portal itself recorded: a STOP reply or a complaint stays in force.
    for (const channel of OPT_OUT_CHANNELS) {
      const { kind, keys } = OPT_OUT[channel];
      for (const key of keys) {
        if (wanted.optOut.includes(channel))
          await client.query(
            `update contact_points set opt_out = opt_out || jsonb_build_object($3::text,
               jsonb_build_object('at', $4::timestamptz, 'source', 'portal')), updated_at = $4
             where tenant_id = $1 and debtor_id = $2 and kind = $5 and not opt_out ? $3`,
            [session.tenantId, debtorId, key, now, kind],
          );
        else
          await client.query(
            `update contact_points set opt_out = opt_out - $3::text, updated_at = $4
             where tenant_id = $1 and debtor_id = $2 and kind = $5 and opt_out -> $3 ->> 'source' = 'portal'`,
            [session.tenantId, debtorId, key, now, kind],
          );
      }
    }
    await client.query(
      `insert into case_events (tenant_id, case_id, at, type, actor, data) values ($1, $2, $3, 'preferences.changed', 'debtor', $4)`,
      [session.tenantId, session.caseId, now, JSON.stringify({ ...wanted, before })],
    );
    await client.query(
      "update cases set next_evaluation_at = $2 where id = $1 and status <> 'closed'",
      [session.caseId, now],
    );
  });
  await wakeScheduler(deps.database, session.caseId);
  return loadPreferences(deps.database, session);
}
