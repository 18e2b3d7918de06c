/** The record of entry attempts a case's lockout and code throttling are counted from. */
import type pg from "pg";
import { ENTRY_LOCK_MINUTES, KNOWLEDGE_WINDOW_DAYS } from "../domain/entry-rules.js";

export type AttemptKind = "code_sent" | "code" | "knowledge";

export async function recordAttempt(
  client: pg.PoolClient | pg.Pool,
  input: {
    tenantId: string;
    caseId: string;
    kind: AttemptKind;
    ok: boolean;
    ip: string;
    now: Date;
  },
): Promise<void> {
  await client.query(
    "insert into portal_attempts (tenant_id, case_id, kind, ok, ip, at) values ($1, $2, $3, $4, $5, $6)",
    [input.tenantId, input.caseId, input.kind, input.ok, input.ip, input.now],
  );
}

/** Failed guesses at this case's door in the lockout window, newest first. */
export async function recentFailures(
  client: pg.PoolClient | pg.Pool,
  caseId: string,
  now: Date,
): Promise<Date[]> {
  const { rows } = await client.query<{ at: Date }>(
    `select at from portal_attempts where case_id = $1 and kind <> 'code_sent' and not ok
       and at > $2::timestamptz - make_interval(mins => $3) and at <= $2
     order by at desc`,
    [caseId, now, ENTRY_LOCK_MINUTES],
  );
  return rows.map((row) => row.at);
}

/** Wrong knowledge answers for this debtor, on any of their cases, in the knowledge window. */
export async function knowledgeFailures(
  client: pg.PoolClient | pg.Pool,
  debtorId: string,
  now: Date,
): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `select count(*)::int as n from portal_attempts a join cases c on c.id = a.case_id
     where c.debtor_id = $1 and a.kind = 'knowledge' and not a.ok
       and a.at > $2::timestamptz - make_interval(days => $3)`,
    [debtorId, now, KNOWLEDGE_WINDOW_DAYS],
  );
  return rows[0]?.n ?? 0;
}

export async function codesSentLastHour(
  client: pg.PoolClient | pg.Pool,
  caseId: string,
  now: Date,
): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `select count(*)::int as n from portal_attempts
     where case_id = $1 and kind = 'code_sent' and at > $2::timestamptz - interval '1 hour'`,
    [caseId, now],
  );
  return rows[0]?.n ?? 0;
}

/** Serialises entry checks on one case, so parallel guesses cannot outrun the lockout. */
export async function lockCaseEntry(client: pg.PoolClient, caseId: string): Promise<void> {
  await client.query("select pg_advisory_xact_lock(hashtextextended('portal.entry:' || $1, 0))", [
    caseId,
  ]);
}
