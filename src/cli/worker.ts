import { runWorker } from "../modules/scheduler/app/run-worker";
import { systemClock } from "../platform/clock";
import type { Config } from "../platform/config";
import { openRuntime } from "../platform/runtime";

/** Returns -1: the scheduler keeps running until a signal stops it. */
export async function workerCommand(config: Config): Promise<number> {
  const log = (m: string) => console.error(`[saldo worker] ${m}`);
  const runtime = await openRuntime(config, log);
  const worker = await runWorker({ database: runtime.database, clock: systemClock }, { log });
  log("scheduler running: a sweep every minute and on every import");
  const stop = async () => {
    await worker.stop().catch(() => {});
    await runtime.close().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  return -1;
}
