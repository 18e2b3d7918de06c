/**
 * A statement's transactions, flattened and loaded into a temporary table so that
 * booking, matching and allocating are set-based statements, not a query per row.
 */
import type pg from "pg";
import type { StagedTransaction } from "../domain/statement-transactions.js";

const CHUNK = 10_000;

export async function stageTransactions(
  client: pg.PoolClient,
  transactions: readonly StagedTransaction[],
): Promise<void> {
  await client.query(
    `create temporary table staged_tx (
       key text primary key, line int, direction text, reversal bool, amount bigint, currency text,
       booked_on date, value_date date, payer_name text, payer_iban text, e2e text, original_e2e text,
       return_reason text, refs jsonb) on commit drop;
     create temporary table staged_tx_keys (
       key text, compact_ref text, method text, confidence int, notice_seq int) on commit drop`,
  );
  for (let i = 0; i < transactions.length; i += CHUNK) {
    const chunk = transactions.slice(i, i + CHUNK);
    await client.query(
      `insert into staged_tx
       select * from unnest($1::text[], $2::int[], $3::text[], $4::bool[], $5::bigint[], $6::text[],
         $7::date[], $8::date[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::jsonb[])
       on conflict (key) do nothing`,
      [
        chunk.map((t) => t.key),
        chunk.map((t) => t.line),
        chunk.map((t) => t.direction),
        chunk.map((t) => t.reversal),
        chunk.map((t) => t.amountMinor.toString()),
        chunk.map((t) => t.currency),
        chunk.map((t) => t.bookedOn),
        chunk.map((t) => t.valueDate),
        chunk.map((t) => t.payerName),
        chunk.map((t) => t.payerIban),
        chunk.map((t) => t.endToEndId),
        chunk.map((t) => t.originalEndToEndId),
        chunk.map((t) => t.returnReason),
        chunk.map((t) => JSON.stringify(t.refs)),
      ],
    );
    const keys = chunk.flatMap((t) => t.caseKeys.map((k) => ({ tx: t.key, ...k })));
    await client.query(
      `insert into staged_tx_keys
       select * from unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[])`,
      [
        keys.map((k) => k.tx),
        keys.map((k) => k.compactReference),
        keys.map((k) => k.method),
        keys.map((k) => k.confidence),
        keys.map((k) => k.noticeSequence ?? null),
      ],
    );
  }
  await client.query("analyze staged_tx; analyze staged_tx_keys");
}

/** Credits not booked before (by this or any earlier statement) become unmatched payments. */
export async function bookNewCredits(
  client: pg.PoolClient,
  input: { tenantId: string; importId: string; now: Date },
): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `insert into payments (tenant_id, external_key, source, amount_minor, currency, booked_on, value_date,
       payer_name, payer_iban, end_to_end_id, refs, status, statement_import_id, statement_line, created_at, updated_at)
     select $1, 'bank:' || s.key, 'bank_transfer', s.amount, s.currency, s.booked_on, s.value_date,
       s.payer_name, s.payer_iban, s.e2e, s.refs, 'unmatched', $2, s.line, $3, $3
     from staged_tx s
     where s.direction = 'credit' and not s.reversal
     -- Key order: two imports holding the same transactions lock them in the same order.
     order by s.key
     on conflict (tenant_id, external_key) do nothing
     returning id`,
    [input.tenantId, input.importId, input.now],
  );
  return rows.map((r) => r.id);
}
