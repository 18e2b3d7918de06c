/**
 * The agent's screen for one task: the case at a glance, every contact so far,
 * agreements and reasons, the script for this step, the numbers to dial, why
 * the case is where it is in the queue, and whether a call is allowed now.
 */
import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { inTransaction } from "../../../platform/db/transaction";
import type { ChannelRuntime } from "../../channels/app/channel-runtime";
import { prepareSendChecks } from "../../channels/app/check-before-send";
import { loadMessageContexts } from "../../channels/store/message-context";
import { loadTenantPolicies } from "../../policy/store/tenant-policies";
import { toPersonContext } from "../../scheduler/domain/case-inputs";
import { allowedUntil } from "../domain/call-window";
import { scoreTask } from "../domain/score-task";
import { loadAgentProfile } from "../store/agents";
import { loadPriorityFacts } from "../store/priority-facts";
import {
  loadAgreements,
  loadContacts,
  loadOpenInvoices,
  loadPhones,
  loadWorkspaceCase,
} from "../store/workspace-queries";
import { renderCallScript } from "./render-call-script";

export async function viewCallTask(
  deps: { database: Database; clock: Clock; channels: ChannelRuntime },
  input: { tenantId: string; taskId: string; userId: string },
) {
  const now = deps.clock.now();
  const pool = deps.database.pool;
  const row = await loadWorkspaceCase(pool, input.tenantId, input.taskId);
  if (!row) return null;
  const [facts] = await loadPriorityFacts(pool, [row.task_id], now);
  const scored = facts ? scoreTask(facts, now) : null;
  const phones = await loadPhones(pool, input.tenantId, row.case_id);
  const invoices = await loadOpenInvoices(pool, input.tenantId, row.case_id);
  const contacts = await loadContacts(pool, input.tenantId, row.case_id);
  const agreements = await loadAgreements(pool, input.tenantId, row.case_id);
  const agent = await loadAgentProfile(pool, input.userId);
  const script = await renderCallScript(pool, {
    rows: await loadMessageContexts(pool, [row.case_id]),
    caseId: row.case_id,
    templateId: row.template,
    agentName: agent?.name ?? "",
    latestReason: agreements.reasons[0]?.reason ?? null,
    channels: deps.channels,
    now,
  });
  const callWindow = await inTransaction(deps.database, async (client) => {
    const checker = await prepareSendChecks(client, [row.case_id], now);
    const ownKey = row.attempts === 0 ? row.action_key : null;
    const check = checker.check(row.case_id, "call", ownKey, {
      isResponse: row.source === "callback",
    });
    const caseFacts = checker.facts.get(row.case_id);
    if (!caseFacts) return { allowedNow: false, until: null, rule: "the case is gone" };
    if (check.kind !== "send") {
      return {
        allowedNow: false,
        until: null,
        rule: check.kind === "cancel" ? check.reason : check.rule,
      };
    }
    const policies = await loadTenantPolicies(client, [
      { id: caseFacts.tenant_id, country: caseFacts.country },
    ]);
    const policy = policies.get(caseFacts.tenant_id);
    const until = policy ? allowedUntil(policy, toPersonContext(caseFacts), "call", now) : null;
    return { allowedNow: true, until, rule: null };
  });
  const balance = invoices.reduce((sum, i) => sum + BigInt(i.open_amount_minor), 0n);
  return { row, scored, phones, invoices, contacts, agreements, script, callWindow, balance, now };
}

export type CallTaskView = NonNullable<Awaited<ReturnType<typeof viewCallTask>>>;
