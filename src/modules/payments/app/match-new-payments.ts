/**
 * Matching, allocating and settling payments just booked, inside the caller's
 * transaction: shared by statement imports, card payments and manual bookings.
 */
import type pg from "pg";
import {
  amountNameConfidence,
  decideMatch,
  type MatchCandidate,
  type MatchMethod,
} from "../domain/match-decision.js";
import {
  type CandidateRow,
  keyedCandidates,
  liveInstallmentIds,
  paymentsForMatching,
  sameAmountCandidates,
} from "../store/match-candidates.js";
import { type MatchOutcome, recordMatches } from "../store/record-matches.js";
import { settleAllocatedPayments } from "./settle-allocated-payments.js";

export async function matchNewPayments(
  client: pg.PoolClient,
  input: { tenantId: string; paymentIds: readonly string[]; threshold: number; now: Date },
): Promise<{ matched: number; unmatched: number; closedCases: number }> {
  const { tenantId, paymentIds, now } = input;
  if (paymentIds.length === 0) return { matched: 0, unmatched: 0, closedCases: 0 };
  const candidates = groupByPayment(await keyedCandidates(client, tenantId, paymentIds));
  const payments = await paymentsForMatching(client, paymentIds);
  const nameless = payments.filter((p) => !candidates.has(p.id)).map((p) => p.id);
  const payerNames = new Map(payments.map((p) => [p.id, p.payer_name ?? undefined]));
  for (const row of await sameAmountCandidates(client, tenantId, nameless)) {
    row.confidence = amountNameConfidence(payerNames.get(row.payment_id), row.debtor_name);
    pushTo(candidates, row);
  }
  const installments = await liveInstallmentIds(client, [
    ...new Set([...candidates.values()].flat().map((c) => c.case_id)),
  ]);
  const outcomes: MatchOutcome[] = payments.map((p) => {
    const rows = candidates.get(p.id) ?? [];
    const decision = decideMatch(
      rows.map((r) => toCandidate(r, installments)),
      input.threshold,
    );
    return decision.kind === "match"
      ? { paymentId: p.id, match: decision.candidate, suggestions: [] }
      : { paymentId: p.id, reason: decision.reason, suggestions: decision.suggestions };
  });
  await recordMatches(client, outcomes, now);
  const matched = outcomes.filter((o) => o.match).map((o) => o.paymentId);
  const closed = await settleAllocatedPayments(client, matched, now);
  return {
    matched: matched.length,
    unmatched: outcomes.length - matched.length,
    closedCases: closed,
  };
}

function toCandidate(
  row: CandidateRow,
  installments: Map<string, Map<number, string>>,
): MatchCandidate {
  const installmentId =
    row.installment_id ??
    (row.notice_seq ? installments.get(row.case_id)?.get(row.notice_seq) : undefined);
  return {
    caseId: row.case_id,
    caseReference: row.reference,
    method: row.method as MatchMethod,
    confidence: row.confidence,
    debtorName: row.debtor_name,
    caseOpen: row.case_status !== "closed",
    ...(installmentId ? { installmentId } : {}),
  };
}

function groupByPayment(rows: CandidateRow[]): Map<string, CandidateRow[]> {
  const byPayment = new Map<string, CandidateRow[]>();
  for (const row of rows) pushTo(byPayment, row);
  return byPayment;
}

function pushTo(map: Map<string, CandidateRow[]>, row: CandidateRow) {
  const list = map.get(row.payment_id);
  if (list) list.push(row);
  else map.set(row.payment_id, [row]);
}
