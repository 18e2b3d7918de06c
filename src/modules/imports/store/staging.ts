import { once } from "node:events";
import { finished } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { STAGE_COLUMNS } from "../domain/stage-row";

/** Staging lives in temporary tables of the import's own transaction: dropped at commit. */
export async function createStaging(client: pg.PoolClient): Promise<void> {
  await client.query(`
    create temp table import_stage (
      row_key bigint not null, line integer not null, file_name text not null, rtype "char" not null, ext_id text, debtor_ext_id text,
      kind text, name text, first_name text, last_name text, tax_code text, vat_number text,
      language text, time_zone text, segment text, risk_score integer, risk_class text,
      value text, phone_type text, address jsonb, source text, verified boolean,
      consent jsonb, opt_out text[], number text, document_type text, issue_date date,
      due_date date, amount bigint, open_amount bigint, currency text, status text,
      installments jsonb, related text[], field text, reason text
    ) on commit drop;
    create temp table import_outcome (
      rtype "char" not null, key text not null, row_key bigint not null, outcome text not null
    ) on commit drop;`);
}

/** A COPY stream into the staging table; the caller writes encoded lines with backpressure. */
export function openStageCopy(client: pg.PoolClient) {
  const stream = client.query(
    copyFrom(`copy import_stage (${STAGE_COLUMNS.join(", ")}) from stdin`),
  );
  return {
    async write(chunk: string): Promise<void> {
      if (!stream.write(chunk)) await once(stream, "drain");
    },
    async end(): Promise<void> {
      stream.end();
      await finished(stream);
    },
    /** Sends CopyFail so the connection is usable for the rollback. */
    async abort(reason: Error): Promise<void> {
      stream.destroy(reason);
      await finished(stream).catch(() => {});
    },
  };
}

/** The merges read staging whole (one sort per record type): statistics, no indexes. */
export async function analyzeStaging(client: pg.PoolClient): Promise<void> {
  await client.query("analyze import_stage");
}
