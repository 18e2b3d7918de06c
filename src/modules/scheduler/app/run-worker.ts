import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { runSweep, type SweepSummary } from "./run-sweep";

export const EVALUATE_CHANNEL = "saldo_evaluate";

/**
 * The scheduler loop: a sweep every minute, and at once when an event
 * (an import, later a payment, reply or dispute) NOTIFYs that cases are due.
 * Several workers may run side by side: claims use SKIP LOCKED.
 */
export async function runWorker(
  deps: { database: Database; clock: Clock },
  options: {
    intervalMs?: number;
    log?: (m: string) => void;
    onSweep?: (s: SweepSummary) => void;
  } = {},
): Promise<{ stop(): Promise<void> }> {
  const log = options.log ?? (() => {});
  const listener = await deps.database.pool.connect();
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  const sweep = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          const summary = await runSweep(deps, { shouldStop: () => stopped });
          options.onSweep?.(summary);
          if (summary.cases) {
            log(
              `sweep: ${summary.cases} cases, ${summary.scheduled} scheduled, ${summary.deferred} deferred, ${summary.blocked} blocked`,
            );
          }
        } catch (error) {
          log(`sweep failed: ${(error as Error).message}`);
        }
      } while (again && !stopped);
      running = null;
    })();
  };
  listener.on("notification", sweep);
  await listener.query(`listen ${EVALUATE_CHANNEL}`);
  const timer = setInterval(sweep, options.intervalMs ?? 60_000);
  sweep();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      await listener.query(`unlisten ${EVALUATE_CHANNEL}`).catch(() => {});
      listener.release();
    },
  };
}
