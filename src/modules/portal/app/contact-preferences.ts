/**
 * Reads and saves how the debtor wants to be contacted: channel and time window
 * (shown to agents; the window narrows calls and SMS), language (of every message
 * from now on), and opt-outs per channel (on every contact point of that kind).
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
    opted_out: string[];
  }>(
    `select d.language, p.channel, to_char(p.window_from, 'HH24:MI') as window_from,
       to_char(p.window_to, 'HH24:MI') as window_to,
       coalesce((select array_agg(distinct k) from contact_points cp, jsonb_object_keys(cp.opt_out) k
                 where cp.tenant_id = d.tenant_id and cp.debtor_id = d.id), '{}') as opted_out
     from cases c join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
     left join debtor_preferences p on p.debtor_id = d.id
     where c.tenant_id = $1 and c.id = $2`,
    [session.tenantId, session.caseId],
  );
  const row = rows[0];
  if (!row) throw new AppError("case_not_found", "case not found");
  return {
    channel: (row.channel as Preferences["channel"]) ?? null,
    window: row.window_from && row.window_to ? { from: row.window_from, to: row.window_to } : null,
    language: row.language === "en" ? "en" : "it",
    optOut: OPT_OUT_CHANNELS.filter((channel) =>
      row.opted_out.includes(OPT_OUT[channel].keys[0] as string),
    ),
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
      "select debtor_id from cases where tenant_id = $1 and id = $2 for no key update",
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
    const added = wanted.optOut.filter((c) => !before.optOut.includes(c));
    const removed = before.optOut.filter((c) => !wanted.optOut.includes(c));
    for (const channel of added)
      for (const key of OPT_OUT[channel].keys)
        await client.query(
          `update contact_points set opt_out = opt_out || jsonb_build_object($3::text,
             jsonb_build_object('at', $4::timestamptz, 'source', 'portal')), updated_at = $4
           where tenant_id = $1 and debtor_id = $2 and kind = $5 and not opt_out ? $3`,
          [session.tenantId, debtorId, key, now, OPT_OUT[channel].kind],
        );
    for (const channel of removed)
      for (const key of OPT_OUT[channel].keys)
        await client.query(
          `update contact_points set opt_out = opt_out - $3::text, updated_at = $4
           where tenant_id = $1 and debtor_id = $2 and kind = $5 and opt_out ? $3`,
          [session.tenantId, debtorId, key, now, OPT_OUT[channel].kind],
        );
    await client.query(
      `insert into case_events (tenant_id, case_id, at, type, actor, data) values ($1, $2, $3, 'preferences.changed', 'debtor', $4)`,
      [
        session.tenantId,
        session.caseId,
        now,
        JSON.stringify({ ...wanted, optedOut: added, optedIn: removed }),
      ],
    );
    await client.query(
      "update cases set next_evaluation_at = $2 where id = $1 and status <> 'closed'",
      [session.caseId, now],
    );
  });
  await wakeScheduler(deps.database, session.caseId);
  return loadPreferences(deps.database, session);
}
