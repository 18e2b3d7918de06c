import { openChannels } from "../modules/channels/app/open-channels";
import { runDispatcher } from "../modules/channels/app/run-dispatcher";
import { runWorker } from "../modules/scheduler/app/run-worker";
import { systemClock } from "../platform/clock";
import type { Config } from "../platform/config";
import { openRuntime } from "../platform/runtime";

/** Returns -1: the scheduler keeps running until a signal stops it. */
export async function workerCommand(config: Config): Promise<number> {
  const log = (m: string) => console.error(`[saldo worker] ${m}`);
  const runtime = await openRuntime(config, log);
  const deps = { database: runtime.database, clock: systemClock };
  const worker = await runWorker(deps, { log });
  const channels = openChannels(config.channels, config.dataDir, deps, log);
  const dispatcher = await runDispatcher({ ...deps, channels: channels.runtime }, { log });
  log(
    "scheduler and dispatcher running: a sweep every minute and on every import; due messages every 5 s",
  );
  const stop = async () => {
    await worker.stop().catch(() => {});
    await dispatcher.stop().catch(() => {});
    await channels.close();
    await runtime.close().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  return -1;
}
