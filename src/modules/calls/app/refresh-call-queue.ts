/**
 * Keeps the call queue current: new sources in (strategy call steps, callbacks,
 * broken promises), abandoned claims back, and priorities re-scored as time
 * passes (days past due, a callback falling due, the hour the debtor answers).
 * The worker runs it every minute; it is safe to run in several processes.
 */
import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { inTransaction } from "../../../platform/db/transaction";
import { scoreTask } from "../domain/score-task";
import { releaseExpiredClaims } from "../store/call-tasks";
import { loadPriorityFacts, storeScores } from "../store/priority-facts";
import {
  importBrokenPromises,
  importCallbackTasks,
  importStrategyCalls,
  lockStaleScores,
} from "../store/queue-sources";

/** A score is recomputed at least this often: the reachability factor works by the hour. */
export const RESCORE_AFTER_MS = 60 * 60_000;
const RESCORE_BATCH = 2_000;

export interface QueueRefresh {
  imported: number;
  released: number;
  rescored: number;
}

export async function refreshCallQueue(
  deps: { database: Database; clock: Clock },
  options: { maxRescore?: number } = {},
): Promise<QueueRefresh> {
  const now = deps.clock.now();
  const imported = await inTransaction(deps.database, async (client) => {
    const ids = [
      ...(await importStrategyCalls(client, now)),
      ...(await importCallbackTasks(client, now)),
      ...(await importBrokenPromises(client, now)),
    ];
    // Scored in the same transaction: no agent ever sees an unrouted task.
    await scoreTasks(client, [...new Set(ids)], now);
    return ids.length;
  });
  const released = await releaseExpiredClaims(deps.database.pool, now);
  let rescored = 0;
  const max = options.maxRescore ?? 20_000;
  while (rescored < max) {
    const done = await inTransaction(deps.database, async (client) => {
      const ids = await lockStaleScores(
        client,
        new Date(now.getTime() - RESCORE_AFTER_MS),
        Math.min(RESCORE_BATCH, max - rescored),
        now,
      );
      await scoreTasks(client, ids, now);
      return ids.length;
    });
    rescored += done;
    if (done === 0) break;
  }
  return { imported, released, rescored };
}

export async function scoreTasks(
  client: import("pg").PoolClient,
  taskIds: string[],
  now: Date,
): Promise<void> {
  const facts = await loadPriorityFacts(client, taskIds, now);
  await storeScores(
    client,
    facts.map((row) => {
      const { priority, skill } = scoreTask(row, now);
      return { id: row.id, priority: priority.score, skill };
    }),
    now,
  );
}
