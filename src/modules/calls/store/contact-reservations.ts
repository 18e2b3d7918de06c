import type pg from "pg";
import type { CaseFactsRow } from "../../scheduler/domain/case-inputs";

/** A call about to be made counts towards the caps now, before the agent dials. */
export async function reserveCallAttempt(
  client: pg.PoolClient,
  input: { key: string; facts: CaseFactsRow; at: Date },
): Promise<void> {
  await client.query(
    `insert into contact_events (tenant_id, case_id, identity_id, debtor_id, channel, kind, at, action_key)
     values ($1, $2, $3, $4, 'call', 'attempt', $5, $6)`,
    [
      input.facts.tenant_id,
      input.facts.case_id,
      input.facts.identity_id,
      input.facts.debtor_id,
      input.at,
      input.key,
    ],
  );
}

/** The person answered: the policy's cool-down and conversations-per-day start from here. */
export async function recordConversation(
  client: pg.PoolClient,
  input: { tenantId: string; caseId: string; key: string; at: Date },
): Promise<void> {
  await client.query(
    `insert into contact_events (tenant_id, case_id, identity_id, debtor_id, channel, kind, at, action_key)
     select c.tenant_id, c.id, d.identity_id, d.id, 'call', 'conversation', $3, $4
     from cases c join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
     where c.tenant_id = $1 and c.id = $2`,
    [input.tenantId, input.caseId, input.at, input.key],
  );
}

/** A claim given back before anyone dialled: the reserved attempt never happened. */
export async function takeBackReservation(client: pg.PoolClient, key: string): Promise<void> {
  await client.query("delete from contact_events where action_key = $1 and kind = 'attempt'", [
    key,
  ]);
}

/** The sweep wrote the strategy's call at the step's time; it counts from when it is really made. */
export async function movePlannedAttempt(
  client: pg.PoolClient,
  key: string,
  at: Date,
): Promise<void> {
  await client.query(
    "update contact_events set at = $2 where action_key = $1 and kind = 'attempt'",
    [key, at],
  );
}
