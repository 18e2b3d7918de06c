/**
 * One transaction: claim due actions and due retries, ask the contact policy
 * again for each, write the messages, and mark the ones to send now as held by
 * this dispatcher ("sending") before anything leaves. Sending happens after the
 * commit (send-batch.ts); see ADR 0004 for why a crash in between never sends twice.
 */
import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { loadTenantTemplates } from "../../templates/store/tenant-templates";
import { isMessageChannel } from "../domain/choose-recipient";
import {
  claimDueActions,
  claimRetries,
  insertChannelTimeline,
  moveContactEvent,
  setActionStatus,
  type TimelineInsert,
  withdrawContactEvent,
} from "../store/dispatch-queue";
import { loadMessageContexts } from "../store/message-context";
import { insertMessages, type MessageInsert } from "../store/messages";
import type { ChannelRuntime } from "./channel-runtime";
import { prepareSendChecks } from "./check-before-send";
import { writeMessage } from "./write-message";

export interface PreparedBatch {
  /** Messages now held by this dispatcher, to send. */
  toSend: string[];
  /** Cases whose strategy must look again (a contact withdrawn or failed). */
  reevaluate: string[];
  claimed: number;
  letters: number;
  withdrawn: number;
  deferred: number;
}

export async function prepareBatch(
  deps: { database: Database; clock: Clock; channels: ChannelRuntime },
  claimedBy: number,
  limit: number,
): Promise<PreparedBatch> {
  const batch: PreparedBatch = {
    toSend: [],
    reevaluate: [],
    claimed: 0,
    letters: 0,
    withdrawn: 0,
    deferred: 0,
  };
  const client = await deps.database.pool.connect();
  try {
    await client.query("begin");
    const now = deps.clock.now();
    const actions = await claimDueActions(client, now, limit);
    const retries = await claimRetries(client, now, limit);
    batch.claimed = actions.length + retries.length;
    if (batch.claimed === 0) {
      await client.query("commit");
      return batch;
    }
    const caseIds = [...new Set([...actions, ...retries].map((a) => a.case_id))];
    const checks = await prepareSendChecks(client, caseIds, now);
    const contexts = await loadMessageContexts(client, caseIds);
    const templates = await loadTenantTemplates(client, [
      ...new Set(actions.map((a) => a.tenant_id)),
    ]);
    const timeline: TimelineInsert[] = [];
    const messages: MessageInsert[] = [];
    const withdraw = async (
      action: { id: string; key: string; caseId: string; tenantId: string },
      status: "cancelled" | "blocked" | "failed_permanent",
      why: { rule?: string; reason: string },
    ) => {
      await setActionStatus(client, action.id, status, now, why);
      await withdrawContactEvent(client, action.key);
      batch.withdrawn++;
      batch.reevaluate.push(action.caseId);
      timeline.push({
        tenantId: action.tenantId,
        caseId: action.caseId,
        type: status === "failed_permanent" ? "message.failed" : `contact.${status}`,
        data: { action: action.id, ...why, at: "send" },
      });
    };

    for (const action of actions) {
      const ref = {
        id: action.id,
        key: action.idempotency_key,
        caseId: action.case_id,
        tenantId: action.tenant_id,
      };
      if (!isMessageChannel(action.channel)) continue;
      const check = checks.check(action.case_id, action.channel, action.idempotency_key, {
        isResponse: action.step_id.startsWith("reply:"),
      });
      if (check.kind === "cancel") {
        await withdraw(ref, "cancelled", { reason: check.reason });
      } else if (check.kind === "block") {
        await withdraw(ref, "blocked", { rule: check.rule, reason: check.reason });
      } else if (check.kind === "defer") {
        await setActionStatus(client, action.id, "scheduled", now, {
          rule: check.rule,
          reason: check.reason,
          dueAt: check.until,
        });
        await moveContactEvent(client, action.idempotency_key, check.until);
        batch.deferred++;
        timeline.push({
          tenantId: action.tenant_id,
          caseId: action.case_id,
          type: "contact.deferred",
          data: { action: action.id, rule: check.rule, reason: check.reason, until: check.until },
        });
      } else {
        const written = await writeMessage(
          deps.channels,
          contexts,
          templates,
          {
            id: action.id,
            caseId: action.case_id,
            channel: action.channel,
            template: action.template,
          },
          { now, claimedBy },
        );
        if (written.kind === "failed") {
          await withdraw(ref, "failed_permanent", { reason: written.reason });
          continue;
        }
        messages.push(written.message);
        if (written.message.status === "queued") {
          batch.letters++;
          timeline.push({
            tenantId: action.tenant_id,
            caseId: action.case_id,
            type: "letter.queued",
            data: {
              message: written.message.id,
              channel: action.channel,
              template: action.template,
            },
          });
        }
      }
    }
    const inserted = await insertMessages(client, messages);
    batch.toSend.push(
      ...messages.filter((m) => inserted.has(m.id) && m.status === "sending").map((m) => m.id),
    );

    for (const retry of retries) {
      if (!isMessageChannel(retry.channel)) continue;
      const check = checks.check(retry.case_id, retry.channel, retry.action_key);
      if (check.kind === "send") {
        await client.query(
          "update messages set status = 'sending', claimed_by = $2, tries = tries + 1, updated_at = $3 where id = $1",
          [retry.id, claimedBy, now],
        );
        batch.toSend.push(retry.id);
      } else if (check.kind === "defer") {
        await client.query("update messages set next_try_at = $2, updated_at = $3 where id = $1", [
          retry.id,
          check.until,
          now,
        ]);
        batch.deferred++;
      } else {
        await client.query(
          "update messages set status = 'suppressed', last_error = $2, next_try_at = null, updated_at = $3 where id = $1",
          [retry.id, check.reason, now],
        );
        if (retry.action_id && retry.action_key) {
          const status = check.kind === "block" ? "blocked" : "cancelled";
          await withdraw(
            {
              id: retry.action_id,
              key: retry.action_key,
              caseId: retry.case_id,
              tenantId: retry.tenant_id,
            },
            status,
            check.kind === "block"
              ? { rule: check.rule, reason: check.reason }
              : { reason: check.reason },
          );
        }
      }
    }
    await insertChannelTimeline(client, timeline);
    await client.query("commit");
    return batch;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
