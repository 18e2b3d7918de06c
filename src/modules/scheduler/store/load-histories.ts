import type pg from "pg";

export interface ActionRow {
  case_id: string;
  step_id: string;
  channel: string;
  status: string;
  due_at: Date;
  attempt: number;
}

export interface ContactRow {
  identity_key: string;
  tenant_id: string;
  case_id: string;
  channel: string;
  kind: "attempt" | "conversation";
  at: Date;
}

/** What the strategy already did on these cases: the engine's memory. */
export async function loadCaseActions(
  client: pg.PoolClient,
  caseIds: string[],
): Promise<ActionRow[]> {
  const { rows } = await client.query<ActionRow>(
    `select case_id, step_id, channel, status, due_at, attempt from case_actions
     where case_id = any($1::uuid[]) order by created_at`,
    [caseIds],
  );
  return rows;
}

/**
 * Serialises decisions about the same person across workers and tenants, so
 * two cases of one identity can never both pass a cap. Locks are taken in a
 * fixed order: no deadlock between workers.
 */
export async function lockPeople(client: pg.PoolClient, identityKeys: string[]): Promise<void> {
  const keys = [...new Set(identityKeys)].sort();
  if (keys.length === 0) return;
  await client.query(
    "select pg_advisory_xact_lock(hashtextextended('saldo.person:' || k, 0)) from unnest($1::text[]) k order by k",
    [keys],
  );
}

/**
 * Contacts with these people (identity, or the debtor when no identity is
 * known) since `since`, on every tenant: the contact policy's memory. Read
 * after lockPeople, so it includes what another worker just committed.
 */
export async function loadContactHistory(
  client: pg.PoolClient,
  people: { identityIds: string[]; debtorIds: string[] },
  since: Date,
): Promise<ContactRow[]> {
  const { rows } = await client.query<ContactRow>(
    `select coalesce(identity_id::text, debtor_id::text) as identity_key, tenant_id, case_id, channel, kind, at
     from contact_events
     where at >= $3 and (identity_id = any($1::uuid[]) or (identity_id is null and debtor_id = any($2::uuid[])))
     order by at`,
    [people.identityIds, people.debtorIds, since],
  );
  return rows;
}
