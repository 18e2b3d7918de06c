import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { runNotifyLoop } from "../../../platform/db/notify-loop";
import { refreshCallQueue } from "../../calls/app/refresh-call-queue";
import { reviewPlans } from "../../plans/app/review-plans";
import { breakOverduePromises } from "../../promises/app/break-overdue-promises";
import { runSweep, type SweepSummary } from "./run-sweep";

export const EVALUATE_CHANNEL = "saldo_evaluate";
/** Promises and plans break by the day: looking every ten minutes is plenty. */
const AGREEMENT_REVIEW_MS = 10 * 60_000;

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
  let lastAgreementReview = Number.NEGATIVE_INFINITY;
  return runNotifyLoop(deps.database, {
    channel: EVALUATE_CHANNEL,
    intervalMs: options.intervalMs ?? 60_000,
    work: async (shouldStop) => {
      // Agreements first (every few minutes, not on every wake-up): a promise or plan
      // broken now makes its case due in this sweep.
      const now = deps.clock.now().getTime();
      if (now - lastAgreementReview >= AGREEMENT_REVIEW_MS) {
        lastAgreementReview = now;
        await breakOverduePromises(deps);
        await reviewPlans(deps);
      }
      const summary = await runSweep(deps, { shouldStop });
      options.onSweep?.(summary);
      // Call steps the sweep just scheduled go to the agents' queue at once.
      const queue = await refreshCallQueue(deps);
      if (queue.imported || queue.released) {
        log(`call queue: ${queue.imported} in, ${queue.released} abandoned claims back`);
      }
      if (summary.cases) {
        log(
          `sweep: ${summary.cases} cases, ${summary.scheduled} scheduled, ${summary.deferred} deferred, ${summary.blocked} blocked`,
        );
      }
    },
    onError: (error) => log(`sweep failed: ${error.message}`),
  });
}
