/**
 * The agent dials a number of the claimed case, once per claim: the contact
 * policy is asked again (the case may have been paid or put on hold, the hours
 * may have ended since the claim), the claim is extended for the length of a call, the attempt is now real (it stays counted even if the case
 * is given back), and the click-to-call dialer is asked to connect, if there is one.
 */
import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { inTransaction } from "../../../platform/db/transaction";
import { AppError } from "../../../platform/errors";
import { prepareSendChecks } from "../../channels/app/check-before-send";
import { telHref } from "../domain/dial-links";
import { loadAgentProfile } from "../store/agents";
import { lockTask, ownAttemptKey } from "../store/call-records";
import type { ClickToCall } from "./click-to-call";

const CALL_MINUTES = 30;

export async function dialCall(
  deps: { database: Database; clock: Clock; clickToCall: ClickToCall | null },
  input: { tenantId: string; taskId: string; userId: string; phone: string },
): Promise<{ href: string; placed: boolean; via: "link" | "click_to_call" }> {
  const now = deps.clock.now();
  const reference = await inTransaction(deps.database, async (client) => {
    const task = await lockTask(client, input.tenantId, input.taskId);
    if (!task) throw new AppError("not_found", "call task not found");
    if (task.status !== "claimed" || task.claimed_by !== input.userId) {
      throw new AppError("conflict", "take the case before dialling");
    }
    if (task.dialed_at) {
      throw new AppError(
        "conflict",
        "this case was dialled already: record the outcome of that call first",
      );
    }
    // The case may have changed since the claim (paid, put on hold, past the hours).
    const checker = await prepareSendChecks(client, [task.case_id], now);
    const check = checker.check(task.case_id, "call", ownAttemptKey(task), {
      isResponse: task.is_response,
    });
    if (check.kind !== "send") {
      throw new AppError(
        "contact_blocked",
        `the contact policy does not allow this call now: ${check.reason}`,
      );
    }
    const { rows } = await client.query<{ reference: string; opted_out: boolean }>(
      `select c.reference, p.opt_out ? 'call' as opted_out
       from cases c join contact_points p on p.tenant_id = c.tenant_id and p.debtor_id = c.debtor_id
       where c.tenant_id = $1 and c.id = $2 and p.kind = 'phone' and p.value = $3 and p.undeliverable_at is null`,
      [input.tenantId, task.case_id, input.phone],
    );
    const point = rows[0];
    if (!point)
      throw new AppError("validation_failed", "phone: not a usable number of this debtor");
    if (point.opted_out)
      throw new AppError("contact_blocked", "phone: the debtor opted out of calls on this number");
    await client.query(
      "update call_tasks set dialed_at = $2, claim_expires_at = $3 where id = $1",
      [task.id, now, new Date(now.getTime() + CALL_MINUTES * 60_000)],
    );
    return point.reference;
  });
  const href = telHref(input.phone);
  if (!deps.clickToCall) return { href, placed: false, via: "link" };
  const agent = await loadAgentProfile(deps.database.pool, input.userId);
  if (!agent?.extension) return { href, placed: false, via: "link" };
  await deps.clickToCall.placeCall({
    agentExtension: agent.extension,
    phone: input.phone,
    caseReference: reference,
    taskId: input.taskId,
  });
  return { href, placed: true, via: "click_to_call" };
}
