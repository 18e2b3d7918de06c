/**
 * What providers tell Saldo after a message left: delivered (SMS receipt, PEC
 * "avvenuta consegna"), failed (a bounce, an undeliverable SMS, a PEC delivery
 * error), a spam complaint. Each event is applied once: applying it again
 * changes nothing. A permanent failure lets the strategy fall back to another
 * channel; a complaint is an opt-out.
 */
import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { insertChannelTimeline, reevaluateCases } from "../store/dispatch-queue";

export type DeliveryEvent =
  | { kind: "delivered"; at: Date }
  | { kind: "failed"; permanent: boolean; badRecipient: boolean; detail: string; at: Date }
  | { kind: "complaint"; detail: string; at: Date }
  | { kind: "delayed"; detail: string; at: Date };

export type MessageRef = { messageId: string } | { providerId: string };

export type DeliveryOutcome = "applied" | "unchanged" | "unknown_message";

export async function recordDelivery(
  deps: { database: Database; clock: Clock },
  ref: MessageRef,
  event: DeliveryEvent,
): Promise<DeliveryOutcome> {
  const client = await deps.database.pool.connect();
  let reevaluate: string | null = null;
  try {
    await client.query("begin");
    const { rows } = await client.query<{
      id: string;
      tenant_id: string;
      case_id: string;
      action_id: string | null;
      channel: string;
      status: string;
      contact_point_id: string | null;
    }>(
      `select id, tenant_id, case_id, action_id, channel, status, contact_point_id from messages
       where ${"messageId" in ref ? "id = $1::uuid" : "provider_ids @> array[$1::text]"}
       limit 1 for update`,
      ["messageId" in ref ? ref.messageId : ref.providerId],
    );
    const message = rows[0];
    if (!message) {
      await client.query("commit");
      return "unknown_message";
    }
    const now = deps.clock.now();
    // A complaint leaves the status alone: the timeline remembers whether it was recorded.
    const complainedBefore =
      event.kind === "complaint" &&
      (
        await client.query(
          "select 1 from case_events where case_id = $1 and type = 'message.complaint' and data->>'message' = $2::text limit 1",
          [message.case_id, message.id],
        )
      ).rowCount !== 0;
    const change = complainedBefore ? null : decide(message.status, event);
    if (!change) {
      await client.query("commit");
      return "unchanged";
    }
    if (change.status) {
      await client.query(
        `update messages set status = $2, updated_at = $3, last_error = coalesce($4, last_error),
           delivered_at = case when $2 = 'delivered' then $5 else delivered_at end
         where id = $1`,
        [message.id, change.status, now, "detail" in event ? event.detail : null, event.at],
      );
      if (message.action_id) {
        await client.query("update case_actions set status = $2, updated_at = $3 where id = $1", [
          message.action_id,
          change.status,
          now,
        ]);
      }
    }
    if (message.contact_point_id && event.kind === "failed" && event.badRecipient) {
      await client.query(
        "update contact_points set undeliverable_at = $2, undeliverable_reason = $3 where id = $1 and undeliverable_at is null",
        [message.contact_point_id, now, event.detail],
      );
    }
    if (message.contact_point_id && event.kind === "complaint") {
      await client.query(
        `update contact_points set opt_out = opt_out || jsonb_build_object($2::text, jsonb_build_object('at', $3::timestamptz, 'source', 'complaint')), updated_at = $3
         where id = $1 and not opt_out ? $2`,
        [message.contact_point_id, message.channel, now],
      );
    }
    await insertChannelTimeline(client, [
      {
        tenantId: message.tenant_id,
        caseId: message.case_id,
        type: change.timeline,
        data: {
          message: message.id,
          channel: message.channel,
          at: event.at,
          ...("detail" in event ? { detail: event.detail } : {}),
          ...(event.kind === "failed" ? { permanent: event.permanent } : {}),
        },
      },
    ]);
    await client.query("commit");
    if (change.reevaluate) reevaluate = message.case_id;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  if (reevaluate) await reevaluateCases(deps.database.pool, [reevaluate], deps.clock.now());
  return "applied";
}

interface Change {
  status: "delivered" | "failed_permanent" | null;
  timeline: string;
  reevaluate: boolean;
}

/** Only forward moves: a late "delivered" never undoes a bounce, a repeated event changes nothing. */
function decide(current: string, event: DeliveryEvent): Change | null {
  const open = current === "sent" || current === "unknown" || current === "sending";
  switch (event.kind) {
    case "delivered":
      return open
        ? { status: "delivered", timeline: "message.delivered", reevaluate: false }
        : null;
    case "failed":
      if (current === "failed_permanent") return null;
      return event.permanent && (open || current === "delivered")
        ? { status: "failed_permanent", timeline: "message.bounced", reevaluate: true }
        : { status: null, timeline: "message.delayed", reevaluate: false };
    case "complaint":
      return { status: null, timeline: "message.complaint", reevaluate: true };
    case "delayed":
      return open ? { status: null, timeline: "message.delayed", reevaluate: false } : null;
  }
}
