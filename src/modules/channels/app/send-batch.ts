/**
 * Hands the held messages to their transports, a few at a time, then records
 * every answer in one transaction: the message's status and provider ids, the
 * action's outcome for the strategy, the timeline, and a contact point that
 * turned out not to exist.
 */
import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { mapLimit } from "../../../platform/map-limit";
import { actionStatusFor, nextTryAt } from "../domain/delivery";
import {
  insertChannelTimeline,
  reevaluateCases,
  type TimelineInsert,
} from "../store/dispatch-queue";
import {
  loadMessages,
  recordSendResults,
  type SendResult,
  type StoredMessage,
} from "../store/messages";
import { type OutgoingMessage, SendError } from "../transports/transport";
import type { ChannelRuntime } from "./channel-runtime";

export interface SendSummary {
  sent: number;
  failed: number;
  retrying: number;
  /** Handed over without an answer: counted as sent, never sent again. */
  unknown: number;
}

export async function sendBatch(
  deps: { database: Database; clock: Clock; channels: ChannelRuntime },
  claimedBy: number,
  ids: string[],
): Promise<SendSummary> {
  const summary: SendSummary = { sent: 0, failed: 0, retrying: 0, unknown: 0 };
  if (ids.length === 0) return summary;
  const messages = await loadMessages(deps.database.pool, ids);
  const outcomes = await mapLimit(messages, deps.channels.concurrency, (m) => send(deps, m));
  const pool = deps.database.pool;
  const client = await pool.connect();
  const reevaluate: string[] = [];
  try {
    await client.query("begin");
    const now = deps.clock.now();
    const recorded = await recordSendResults(
      client,
      outcomes.map((o) => o.result),
      claimedBy,
      now,
    );
    const timeline: TimelineInsert[] = [];
    const actionUpdates: Array<{ id: string; status: string; reason: string | null }> = [];
    for (const { message, result, badRecipient } of outcomes) {
      if (!recorded.has(message.id)) continue;
      const exhausted = result.status === "failed_temporary" && result.nextTryAt === null;
      const actionStatus =
        result.status === "failed_temporary" && !exhausted ? null : actionStatusFor(result.status);
      if (message.action_id && actionStatus) {
        actionUpdates.push({ id: message.action_id, status: actionStatus, reason: result.error });
      }
      if (result.status === "failed_permanent" || exhausted) reevaluate.push(message.case_id);
      if (badRecipient && message.contact_point_id) {
        await client.query(
          "update contact_points set undeliverable_at = $2, undeliverable_reason = $3 where id = $1 and undeliverable_at is null",
          [message.contact_point_id, now, result.error],
        );
      }
      if (result.status === "sent" || result.status === "delivered") summary.sent++;
      else if (result.status === "unknown") summary.unknown++;
      else if (exhausted || result.status === "failed_permanent") summary.failed++;
      else summary.retrying++;
      timeline.push({
        tenantId: message.tenant_id,
        caseId: message.case_id,
        type:
          result.status === "failed_temporary" && !exhausted
            ? "message.retry"
            : result.status === "failed_temporary" || result.status === "failed_permanent"
              ? "message.failed"
              : result.status === "unknown"
                ? "message.unknown"
                : "message.sent",
        data: {
          message: message.id,
          channel: message.channel,
          template: message.template,
          transport: message.transport,
          try: message.tries,
          providerIds: result.providerIds,
          costMinor: Number(message.cost_minor) * Math.max(result.segments ?? 1, 1),
          ...(result.segments ? { segments: result.segments } : {}),
          ...(result.status === "delivered" ? { delivered: true } : {}),
          ...(result.error
            ? { error: result.error, permanent: result.status === "failed_permanent" }
            : {}),
          ...(result.nextTryAt ? { nextTryAt: result.nextTryAt } : {}),
        },
      });
    }
    if (actionUpdates.length) {
      await client.query(
        `update case_actions a set status = x.status, reason = coalesce(x.reason, a.reason), updated_at = $4
         from unnest($1::uuid[], $2::text[], $3::text[]) as x(id, status, reason) where a.id = x.id`,
        [
          actionUpdates.map((u) => u.id),
          actionUpdates.map((u) => u.status),
          actionUpdates.map((u) => u.reason),
          now,
        ],
      );
    }
    await insertChannelTimeline(client, timeline);
    await client.query("commit");
    await reevaluateCases(pool, [...new Set(reevaluate)], now);
    return summary;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function send(
  deps: { clock: Clock; channels: ChannelRuntime },
  message: StoredMessage,
): Promise<{ message: StoredMessage; result: SendResult; badRecipient: boolean }> {
  const channel = message.channel as OutgoingMessage["channel"];
  const transport = deps.channels.transports[channel];
  try {
    const outcome = await transport.send(outgoing(message, channel));
    return {
      message,
      badRecipient: false,
      result: {
        id: message.id,
        status: outcome.delivered ? "delivered" : "sent",
        providerIds: outcome.providerIds,
        segments: outcome.segments ?? null,
        error: null,
        nextTryAt: null,
      },
    };
  } catch (error) {
    const failure = error instanceof SendError ? error : new SendError(String(error), false);
    if (failure.ambiguous) {
      return {
        message,
        badRecipient: false,
        result: {
          id: message.id,
          status: "unknown",
          providerIds: [],
          segments: null,
          error: `no answer after handing it over, not sent again: ${failure.message.slice(0, 400)}`,
          nextTryAt: null,
        },
      };
    }
    const retryAt = failure.permanent ? null : nextTryAt(message.tries, deps.clock.now());
    return {
      message,
      badRecipient: failure.badRecipient,
      result: {
        id: message.id,
        status: failure.permanent ? "failed_permanent" : "failed_temporary",
        providerIds: [],
        segments: null,
        error: failure.message.slice(0, 500),
        nextTryAt: retryAt,
      },
    };
  }
}

function outgoing(message: StoredMessage, channel: OutgoingMessage["channel"]): OutgoingMessage {
  return {
    id: message.id,
    channel,
    from: { name: message.sender_name ?? "", address: message.sender ?? "" },
    to: message.recipient,
    ...(message.reply_to ? { replyTo: message.reply_to } : {}),
    ...(message.subject ? { subject: message.subject } : {}),
    text: message.body_text,
    ...(message.body_html ? { html: message.body_html } : {}),
    headers: message.headers,
    ...(message.document
      ? {
          attachments: [
            {
              filename: `${message.template.replace(/[^a-z0-9.]+/gi, "-")}.pdf`,
              content: message.document,
              contentType: "application/pdf",
            },
          ],
        }
      : {}),
  };
}
