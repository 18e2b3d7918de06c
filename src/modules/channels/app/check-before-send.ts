/**
 * Reads what the send-time check needs for a batch of cases, under the same
 * per-person locks the scheduler takes, so a contact it allows cannot race
 * another worker's contact with the same person past a cap.
 */
import type pg from "pg";
import { groupBy } from "../../../platform/group-by";
import type { Channel } from "../../policy/domain";
import { loadTenantPolicies } from "../../policy/store/tenant-policies";
import {
  type CaseFactsRow,
  personKey,
  toContactEvents,
  toPersonContext,
} from "../../scheduler/domain/case-inputs";
import { lockPeople } from "../../scheduler/store/load-histories";
import { promiseHoldsUntil } from "../../strategies/domain/case-guards";
import { type SendCheck, sendCheck } from "../domain/send-check";
import { loadPersonContacts, loadSendFacts, type PersonContactRow } from "../store/send-facts";

/** Caps and cool-downs look back at most this far (as in the sweep). */
const HISTORY_DAYS = 14;

export interface SendChecker {
  facts: Map<string, CaseFactsRow>;
  /** The policy's answer for a contact on this case now; `actionKey` is the contact's own planned entry. */
  check(
    caseId: string,
    channel: Channel,
    actionKey: string | null,
    options?: { isResponse?: boolean },
  ): SendCheck;
}

export async function prepareSendChecks(
  client: pg.PoolClient,
  caseIds: string[],
  now: Date,
): Promise<SendChecker> {
  const facts = await loadSendFacts(client, caseIds);
  const rows = [...facts.values()];
  await lockPeople(client, rows.map(personKey));
  const tenants = [
    ...new Map(rows.map((r) => [r.tenant_id, { id: r.tenant_id, country: r.country }])).values(),
  ];
  const policies = await loadTenantPolicies(client, tenants);
  const history = await loadPersonContacts(
    client,
    {
      identityIds: rows.flatMap((r) => (r.identity_id ? [r.identity_id] : [])),
      debtorIds: rows.flatMap((r) => (r.identity_id ? [] : [r.debtor_id])),
    },
    new Date(now.getTime() - HISTORY_DAYS * 86_400_000),
  );
  const byPerson = groupBy(history, (h) => h.identity_key);
  return {
    facts,
    check(caseId, channel, actionKey, options = {}) {
      const row = facts.get(caseId);
      const policy = row && policies.get(row.tenant_id);
      if (!row || !policy) return { kind: "cancel", reason: "the case is gone" };
      const contacts: PersonContactRow[] = (byPerson.get(personKey(row)) ?? []).filter(
        (c) => actionKey === null || c.action_key !== actionKey,
      );
      return sendCheck({
        tenantId: row.tenant_id,
        caseId,
        channel,
        caseStatus: row.status,
        balanceMinor: BigInt(row.balance_minor),
        holdReasons: row.hold_reasons,
        pausedUntil: row.contacts_paused_until,
        promiseHoldsUntil: row.promise_due_date
          ? promiseHoldsUntil(
              row.promise_due_date,
              row.time_zone,
              row.promise_grace_days ?? undefined,
            )
          : null,
        planActive: row.plan_active,
        isResponse: options.isResponse ?? false,
        policy,
        person: toPersonContext(row),
        contacts: toContactEvents(contacts),
        now,
      });
    },
  };
}
