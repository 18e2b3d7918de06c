/**
 * Messages held ("sending") by a dispatcher that is gone: it may have handed
 * them to the provider before it died, or not — nobody can tell. They become
 * "unknown" and count as sent; never sent again, because a second reminder
 * is a contact the policy did not allow. The timeline says so; a person can
 * resend one by hand.
 *
 * A dispatcher holds a session advisory lock on its id for its whole life
 * (DISPATCHER_LOCK_SPACE, id); when the lock can be taken, its owner is dead.
 */
import type pg from "pg";
import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { insertChannelTimeline } from "../store/dispatch-queue";

/** The first key of the two-key advisory locks dispatchers hold (the second is their id). */
export const DISPATCHER_LOCK_SPACE = 0x5a1d0;

export async function recoverAbandoned(
  deps: { database: Database; clock: Clock },
  ownId: number,
): Promise<number> {
  const pool = deps.database.pool;
  const { rows: owners } = await pool.query<{ claimed_by: string }>(
    "select distinct claimed_by from messages where status = 'sending' and claimed_by <> $1",
    [ownId],
  );
  let recovered = 0;
  for (const { claimed_by } of owners) {
    const owner = Number(claimed_by);
    if (!(await ownerIsGone(pool, owner))) continue;
    recovered += await markUnknown(deps, owner);
  }
  return recovered;
}

async function ownerIsGone(pool: pg.Pool, owner: number): Promise<boolean> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ got: boolean }>(
      "select pg_try_advisory_lock($1, $2) as got",
      [DISPATCHER_LOCK_SPACE, owner],
    );
    if (rows[0]?.got) {
      await client.query("select pg_advisory_unlock($1, $2)", [DISPATCHER_LOCK_SPACE, owner]);
      return true;
    }
    return false;
  } finally {
    client.release();
  }
}

async function markUnknown(deps: { database: Database; clock: Clock }, owner: number) {
  const client = await deps.database.pool.connect();
  try {
    await client.query("begin");
    const now = deps.clock.now();
    const { rows } = await client.query<{
      id: string;
      tenant_id: string;
      case_id: string;
      action_id: string | null;
      channel: string;
    }>(
      `update messages set status = 'unknown', claimed_by = null, updated_at = $2,
         last_error = 'the dispatcher stopped while sending it: not sent again'
       where status = 'sending' and claimed_by = $1
       returning id, tenant_id, case_id, action_id, channel`,
      [owner, now],
    );
    const actions = rows.flatMap((r) => (r.action_id ? [r.action_id] : []));
    await client.query(
      "update case_actions set status = 'sent', updated_at = $2 where id = any($1::uuid[]) and status = 'scheduled'",
      [actions, now],
    );
    await insertChannelTimeline(
      client,
      rows.map((r) => ({
        tenantId: r.tenant_id,
        caseId: r.case_id,
        type: "message.unknown",
        data: {
          message: r.id,
          channel: r.channel,
          reason: "the sender stopped between handing it over and recording it; counted as sent",
        },
      })),
    );
    await client.query("commit");
    return rows.length;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
