import type pg from "pg";
import type { Database } from "./database";

/** Runs `work` in one transaction on one connection: commit on return, rollback on throw. */
export async function inTransaction<T>(
  database: Database,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await database.pool.connect();
  try {
    await client.query("begin");
    const result = await work(client);
    await client.query("commit");
    return result;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Wakes the scheduler after a commit; the sweep would find the cases anyway. */
export async function wakeScheduler(database: Database, payload = ""): Promise<void> {
  await database.pool.query("select pg_notify('saldo_evaluate', $1)", [payload]).catch(() => {});
}
