/**
 * What adding and removing a hold share: lock the case, change its hold
 * reasons and status, write the timeline, make it due for evaluation, and wake
 * the scheduler once the change is committed.
 */

import type { PoolClient } from "pg";
import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";

export interface HoldDeps {
  database: Database;
  clock: Clock;
}

export type HoldOutcome =
  | { kind: "case_not_found" }
  | { kind: "case_closed" }
  | { kind: "done"; changed: boolean; status: "open" | "on_hold"; holdReasons: string[] };

export interface HoldChange {
  holdReasons: string[];
  event: { type: string; actor: string; data: Record<string, unknown> };
}

/** The scheduler LISTENs here (scheduler/app/run-worker.ts, EVALUATE_CHANNEL). */
const EVALUATE_CHANNEL = "saldo_evaluate";

/** `change` gets the current reasons and returns the new ones, or null when nothing changes. */
export async function changeHolds(
  deps: HoldDeps,
  target: { tenantId: string; caseId: string },
  change: (current: readonly string[]) => HoldChange | null,
): Promise<HoldOutcome> {
  const client = await deps.database.pool.connect();
  try {
    await client.query("begin");
    const outcome = await changeHoldsIn(client, target, change, deps.clock.now());
    await client.query("commit");
    if (outcome.kind === "done" && outcome.changed) {
      // Re-evaluate at once rather than at the next sweep; the sweep catches it anyway.
      await client
        .query("select pg_notify($1, $2)", [EVALUATE_CHANNEL, target.caseId])
        .catch(() => {});
    }
    return outcome;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** The same change inside the caller's transaction (a call's disposition puts a case on hold with the call). */
export async function changeHoldsIn(
  client: PoolClient,
  target: { tenantId: string; caseId: string },
  change: (current: readonly string[]) => HoldChange | null,
  now: Date,
): Promise<HoldOutcome> {
  const { rows } = await client.query<{ status: string; hold_reasons: string[] }>(
    "select status, hold_reasons from cases where tenant_id = $1 and id = $2 for update",
    [target.tenantId, target.caseId],
  );
  const row = rows[0];
  if (!row) return { kind: "case_not_found" };
  if (row.status === "closed") return { kind: "case_closed" };
  const planned = change(row.hold_reasons);
  if (!planned) {
    const status = row.status === "on_hold" ? "on_hold" : "open";
    return { kind: "done", changed: false, status, holdReasons: row.hold_reasons };
  }
  const status = planned.holdReasons.length > 0 ? "on_hold" : "open";
  await client.query(
    `update cases set hold_reasons = $3, status = $4, next_evaluation_at = $5, updated_at = $5
     where tenant_id = $1 and id = $2`,
    [target.tenantId, target.caseId, planned.holdReasons, status, now],
  );
  await client.query(
    "insert into case_events (tenant_id, case_id, type, actor, data) values ($1, $2, $3, $4, $5)",
    [
      target.tenantId,
      target.caseId,
      planned.event.type,
      planned.event.actor,
      JSON.stringify(planned.event.data),
    ],
  );
  return { kind: "done", changed: true, status, holdReasons: planned.holdReasons };
}
