import type pg from "pg";
import type { MatchCandidate } from "../domain/match-decision.js";

export interface MatchOutcome {
  paymentId: string;
  match?: MatchCandidate;
  reason?: string;
  suggestions: MatchCandidate[];
}

/** Matched payments become 'allocated' (the ledger rows follow); the others keep their suggestions. */
export async function recordMatches(
  client: pg.PoolClient,
  outcomes: readonly MatchOutcome[],
  now: Date,
  matchedBy: string | null = null,
): Promise<void> {
  const CHUNK = 10_000;
  for (let i = 0; i < outcomes.length; i += CHUNK) {
    const chunk = outcomes.slice(i, i + CHUNK);
    await client.query(
      `update payments p set case_id = x.case_id, installment_id = x.installment_id, match_method = x.method,
         match_confidence = x.confidence, status = x.status, suggestions = x.suggestions,
         matched_by = $9, updated_at = $8
       from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::int[], $6::text[], $7::jsonb[])
         as x(id, case_id, installment_id, method, confidence, status, suggestions)
       where p.id = x.id`,
      [
        chunk.map((o) => o.paymentId),
        chunk.map((o) => o.match?.caseId ?? null),
        chunk.map((o) => o.match?.installmentId ?? null),
        chunk.map((o) => o.match?.method ?? null),
        chunk.map((o) => o.match?.confidence ?? null),
        chunk.map((o) => (o.match ? "allocated" : "unmatched")),
        chunk.map((o) =>
          JSON.stringify(o.match ? [] : [{ reason: o.reason }, ...o.suggestions].slice(0, 6)),
        ),
        now,
        matchedBy,
      ],
    );
  }
}
