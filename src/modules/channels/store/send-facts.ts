import type pg from "pg";
import type { CaseFactsRow } from "../../scheduler/domain/case-inputs";
import { CASE_FACTS_COLUMNS, CASE_FACTS_JOINS } from "../../scheduler/store/case-facts-sql";

/** The same facts the scheduler decided with, read again at send time. */
export async function loadSendFacts(
  client: pg.PoolClient,
  caseIds: string[],
): Promise<Map<string, CaseFactsRow>> {
  if (caseIds.length === 0) return new Map();
  const { rows } = await client.query<CaseFactsRow>(
    `select ${CASE_FACTS_COLUMNS} from cases c ${CASE_FACTS_JOINS} where c.id = any($1::uuid[])`,
    [caseIds],
  );
  return new Map(rows.map((r) => [r.case_id, r]));
}

export interface PersonContactRow {
  identity_key: string;
  tenant_id: string;
  case_id: string;
  channel: string;
  kind: "attempt" | "conversation";
  at: Date;
  action_key: string | null;
}

/** Contacts with these people since `since`, on every tenant, with the action each belongs to. */
export async function loadPersonContacts(
  client: pg.PoolClient,
  people: { identityIds: string[]; debtorIds: string[] },
  since: Date,
): Promise<PersonContactRow[]> {
  const { rows } = await client.query<PersonContactRow>(
    `select coalesce(identity_id::text, debtor_id::text) as identity_key, tenant_id, case_id, channel, kind, at,
       action_key
     from contact_events
     where at >= $3 and (identity_id = any($1::uuid[]) or (identity_id is null and debtor_id = any($2::uuid[])))`,
    [people.identityIds, people.debtorIds, since],
  );
  return rows;
}
