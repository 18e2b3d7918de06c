/**
 * After payments are matched (status 'allocated'): lock their cases, write the
 * ledger, credit plan installments, count promises, close what is paid, and put it
 * all on the timeline. Runs inside the caller's transaction. `portions` says which
 * case gets how much; by default each payment goes whole to its matched case.
 */
import type pg from "pg";
import {
  allocatePortions,
  lockCases,
  type Portion,
  portionsOf,
} from "../store/allocate-payments.js";
import { applyToInstallments } from "../store/apply-to-installments.js";
import { markCollectionsCollected } from "../store/collections.js";
import { closePaidCases, recordPaymentsReceived, updatePromises } from "../store/settle-cases.js";

export async function settleAllocatedPayments(
  client: pg.PoolClient,
  paymentIds: readonly string[],
  now: Date,
  actor = "system",
  portions?: readonly Portion[],
): Promise<number> {
  if (paymentIds.length === 0) return 0;
  const shares = portions ?? (await portionsOf(client, paymentIds));
  const caseIds = [...new Set(shares.map((p) => p.caseId))];
  await lockCases(client, caseIds);
  await allocatePortions(client, shares, now);
  await applyToInstallments(client, paymentIds, now);
  await markCollectionsCollected(client, paymentIds, now);
  await recordPaymentsReceived(client, paymentIds, now, actor);
  await updatePromises(client, caseIds, now);
  const closed = await closePaidCases(client, caseIds, now);
  return closed.length;
}
