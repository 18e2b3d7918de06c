/**
 * A call list for an outbound dialer. In one transaction, as for an agent's next
 * case: the tenant's best queued tasks are locked (SKIP LOCKED) under the
 * per-person locks, the contact policy is asked about each, the refusals are
 * deferred or closed with their rule, and each allowed task is claimed by the
 * dialer until its call window closes, with the attempt counted against the caps.
 * Saldo stays the system of record: the dialer only calls what it was given.
 */
import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { inTransaction } from "../../../platform/db/transaction";
import { prepareSendChecks } from "../../channels/app/check-before-send";
import type { ContactPolicy } from "../../policy/domain";
import { loadTenantPolicies } from "../../policy/store/tenant-policies";
import { type CaseFactsRow, personKey, toPersonContext } from "../../scheduler/domain/case-inputs";
import { allowedUntil } from "../domain/call-window";
import type { DialerListRow } from "../domain/dialer-list";
import {
  NO_PHONE,
  recordStopped,
  releaseExpiredClaims,
  reservationKey,
  stoppedTask,
} from "../store/call-tasks";
import { movePlannedAttempt, reserveCallAttempt } from "../store/contact-reservations";
import {
  claimForDialer,
  type DialerCandidate,
  loadDialerCases,
  lockDialerTasks,
  pickDialerCandidates,
} from "../store/dialer-queue";

export const DIALER_LIST_DEFAULT = 100;
export const DIALER_LIST_MAX = 1000;
/** Tasks looked at beyond `limit`, to replace those the policy refuses. */
const LOOK_AHEAD = 100;

export interface DialerList {
  rows: DialerListRow[];
  /** Tasks the contact policy (or a missing number) held back in this export. */
  heldBack: number;
}

export async function exportDialerList(
  deps: { database: Database; clock: Clock },
  input: { tenantId: string; limit: number },
): Promise<DialerList> {
  const now = deps.clock.now();
  // Yesterday's lists give their tasks back (the attempt stays counted: see claimForDialer).
  await releaseExpiredClaims(deps.database.pool, now);

  return inTransaction(deps.database, async (client) => {
    const picked = await pickDialerCandidates(client, {
      tenantId: input.tenantId,
      now,
      limit: Math.min(input.limit * 2, input.limit + LOOK_AHEAD),
    });
    if (picked.length === 0) return { rows: [], heldBack: 0 };
    // The people first, in one sorted round as the sweep takes them, then the tasks with
    // SKIP LOCKED (those an agent took meanwhile are left): no task lock is ever waited for,
    // and no person lock is waited for while a task is held.
    const caseIds = picked.map((t) => t.case_id);
    const checker = await prepareSendChecks(client, caseIds, now);
    const locked = await lockDialerTasks(
      client,
      picked.map((t) => t.id),
      now,
    );
    const cases = await loadDialerCases(client, input.tenantId, caseIds);
    const rows: DialerListRow[] = [];
    // One row per person in a list: a dialer calls lines in parallel, and the policy's
    // caps and one-conversation-a-day are per person.
    const people = new Set<string>();
    let heldBack = 0;
    let policy: ContactPolicy | undefined;

    for (const task of picked) {
      if (rows.length >= input.limit) break;
      const facts = checker.facts.get(task.case_id);
      if (!locked.has(task.id) || (facts && people.has(personKey(facts)))) continue;
      // The strategy's own planned attempt is this call on the first try; later tries are new attempts.
      const ownKey = task.attempts === 0 ? task.action_key : null;
      const check = checker.check(task.case_id, "call", ownKey, { isResponse: task.is_response });
      const phone = cases.get(task.case_id)?.phone ?? null;
      // A case without facts is gone: the check has cancelled it already.
      if (check.kind !== "send" || !phone || !facts) {
        heldBack++;
        await recordStopped(
          client,
          [stoppedTask(task, check.kind !== "send" ? check : NO_PHONE)],
          now,
        );
        continue;
      }
      policy ??= (
        await loadTenantPolicies(client, [{ id: facts.tenant_id, country: facts.country }])
      ).get(facts.tenant_id);
      if (!policy) throw new Error(`no contact policy for tenant ${facts.tenant_id}`);
      const until = allowedUntil(policy, toPersonContext(facts), "call", now);
      await claimForDialer(client, { taskId: task.id, now, until });
      if (ownKey !== null) {
        // The planned entry counted at the step's time; the call happens now.
        await movePlannedAttempt(client, ownKey, now);
      } else {
        await reserveCallAttempt(client, {
          key: reservationKey(task.id, task.attempts),
          facts,
          at: now,
        });
      }
      people.add(personKey(facts));
      rows.push(toListRow(task, facts, cases.get(task.case_id)!, phone, now, until));
    }
    return { rows, heldBack };
  });
}

function toListRow(
  task: DialerCandidate,
  facts: CaseFactsRow,
  kase: { reference: string; debtor_name: string; currency: string },
  phone: string,
  now: Date,
  until: Date,
): DialerListRow {
  return {
    taskId: task.id,
    caseReference: kase.reference,
    debtorName: kase.debtor_name,
    phoneE164: phone,
    language: facts.language,
    timeZone: facts.time_zone,
    windowStart: now,
    windowEnd: until,
    priority: task.priority,
    balanceMinor: BigInt(facts.balance_minor),
    currency: kase.currency,
    attempt: task.attempts + 1,
  };
}
