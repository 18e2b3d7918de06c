import { randomInt } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { runNotifyLoop } from "../../../platform/db/notify-loop";
import type { ChannelRuntime } from "./channel-runtime";
import { prepareBatch } from "./prepare-batch";
import { DISPATCHER_LOCK_SPACE, recoverAbandoned } from "./recover-abandoned";
import { sendBatch } from "./send-batch";

export const DISPATCH_CHANNEL = "saldo_dispatch";

export type DispatchDeps = { database: Database; clock: Clock; channels: ChannelRuntime };

export interface DispatchSummary {
  claimed: number;
  sent: number;
  failed: number;
  retrying: number;
  unknown: number;
  letters: number;
  withdrawn: number;
  deferred: number;
  recovered: number;
  /** Time spent claiming, checking and writing, and time spent sending and recording. */
  prepareMs: number;
  sendMs: number;
}

/** A dispatcher's identity: an id and the advisory lock that says it is alive. */
export interface DispatcherInstance {
  id: number;
  release(): Promise<void>;
}

export async function registerDispatcher(database: Database): Promise<DispatcherInstance> {
  const client = await database.pool.connect();
  const id = randomInt(1, 2 ** 31 - 1);
  await client.query("select pg_advisory_lock($1, $2)", [DISPATCHER_LOCK_SPACE, id]);
  return {
    id,
    async release() {
      await client
        .query("select pg_advisory_unlock($1, $2)", [DISPATCHER_LOCK_SPACE, id])
        .catch(() => {});
      client.release();
    },
  };
}

/** Sends everything due now, batch after batch, and returns what happened. */
export async function dispatchDue(
  deps: DispatchDeps,
  instance: DispatcherInstance,
  options: { batchSize?: number; shouldStop?: () => boolean } = {},
): Promise<DispatchSummary> {
  const batchSize = options.batchSize ?? 200;
  const total: DispatchSummary = {
    claimed: 0,
    sent: 0,
    failed: 0,
    retrying: 0,
    unknown: 0,
    letters: 0,
    withdrawn: 0,
    deferred: 0,
    recovered: await recoverAbandoned(deps, instance.id),
    prepareMs: 0,
    sendMs: 0,
  };
  for (;;) {
    if (options.shouldStop?.()) break;
    const started = performance.now();
    const prepared = await prepareBatch(deps, instance.id, batchSize);
    const preparedAt = performance.now();
    const sent = await sendBatch(deps, instance.id, prepared.toSend);
    total.prepareMs += preparedAt - started;
    total.sendMs += performance.now() - preparedAt;
    total.claimed += prepared.claimed;
    total.letters += prepared.letters;
    total.withdrawn += prepared.withdrawn;
    total.deferred += prepared.deferred;
    total.sent += sent.sent;
    total.failed += sent.failed;
    total.retrying += sent.retrying;
    total.unknown += sent.unknown;
    if (prepared.claimed < batchSize) break;
  }
  return total;
}

/**
 * The sending loop: every few seconds and at once when the scheduler NOTIFYs
 * that contacts are due. Several may run side by side (SKIP LOCKED claims).
 */
export async function runDispatcher(
  deps: DispatchDeps,
  options: { intervalMs?: number; log?: (m: string) => void } = {},
): Promise<{ stop(): Promise<void> }> {
  const log = options.log ?? (() => {});
  const instance = await registerDispatcher(deps.database);
  const loop = await runNotifyLoop(deps.database, {
    channel: DISPATCH_CHANNEL,
    intervalMs: options.intervalMs ?? 5_000,
    work: async (shouldStop) => {
      const s = await dispatchDue(deps, instance, { shouldStop });
      if (s.claimed || s.recovered) {
        log(
          `dispatch: ${s.sent} sent, ${s.letters} letters queued, ${s.retrying} to retry, ${s.failed} failed, ${s.unknown} unknown, ${s.withdrawn} withdrawn, ${s.deferred} deferred, ${s.recovered} recovered`,
        );
      }
    },
    onError: (error) => log(`dispatch failed: ${error.message}`),
  });
  return {
    async stop() {
      await loop.stop();
      await instance.release();
    },
  };
}
