import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { runNotifyLoop } from "../../../platform/db/notify-loop";
import { reviewPlans } from "../../plans/app/review-plans";
import { breakOverduePromises } from "../../promises/app/break-overdue-promises";
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
  return runNotifyLoop(deps.database, {
    channel: EVALUATE_CHANNEL,
    intervalMs: options.intervalMs ?? 60_000,
    work: async (shouldStop) => {
      // Agreements first: a promise broken or a plan broken now makes its case due in this sweep.
      await breakOverduePromises(deps);
      await reviewPlans(deps);
      const summary = await runSweep(deps, { shouldStop });
      options.onSweep?.(summary);
      if (summary.cases) {
        log(
          `sweep: ${summary.cases} cases, ${summary.scheduled} scheduled, ${summary.deferred} deferred, ${summary.blocked} blocked`,
        );
      }
    },
    onError: (error) => log(`sweep failed: ${error.message}`),
  });
}
