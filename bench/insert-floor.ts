/**
 * bench/insert-floor: what PostgreSQL alone charges to insert 1,000,000 invoices
 * into Saldo's schema (indexes and foreign keys), against the same insert into an
 * unindexed copy of the table. Explains most of bench/import's distance from a
 * bare COPY. Usage: npx tsx bench/insert-floor.ts
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../src/platform/db/embedded";
import { migrate } from "../src/platform/db/migrate";

const dataDir = mkdtempSync(path.join(tmpdir(), "saldo-exp-"));
chmodSync(dataDir, 0o755);
const server = await startEmbeddedPostgres({
  dataDir,
  port: 54990 + (process.pid % 9),
  log: () => {},
  lock: false,
});
const pool = new pg.Pool({ connectionString: server.urlFor("saldo") });
await migrate(pool);
const q = async (label: string, sql: string) => {
  const t = Date.now();
  await pool.query(sql);
  console.log(label, Date.now() - t, "ms");
};
await q(
  "tenant",
  "insert into tenants (id, slug, name) values ('00000000-0000-4000-8000-000000000001', 'xx', 'x')",
);
await q(
  "debtors 200k",
  "insert into debtors (tenant_id, external_id, kind, name) select '00000000-0000-4000-8000-000000000001', 'C' || g, 'person', 'N' || g from generate_series(1, 200000) g",
);
await q(
  "cases 200k",
  "insert into cases (tenant_id, debtor_id, reference) select tenant_id, id, 'R' || external_id from debtors",
);
await q(
  "src",
  "create table src as select d.tenant_id, d.id as debtor_id, c.id as case_id, 'F' || d.external_id || '-' || k as ext from debtors d join cases c on c.debtor_id = d.id, generate_series(1,5) k",
);
await q("analyze", "analyze");
const ins = (table: string) =>
  `insert into ${table} (tenant_id, debtor_id, case_id, external_id, number, issue_date, due_date, amount_minor, open_amount_minor, currency) select tenant_id, debtor_id, case_id, ext, ext, '2026-01-01', '2026-02-01', 100, 100, 'EUR' from src`;
await q("invoices full 1M", ins("invoices"));
await q("plain copy like", "create table inv2 (like invoices including defaults)");
await q("invoices no idx/fk 1M", ins("inv2"));
await q(
  "add pk+unique",
  "truncate inv2; alter table inv2 add primary key (id), add unique (tenant_id, external_id)",
);
await q("invoices pk+unique 1M", ins("inv2"));
await q(
  "add 3 idx",
  "truncate inv2; create index on inv2 (tenant_id, debtor_id); create index on inv2 (case_id) where status = 'open'; create index on inv2 (tenant_id, due_date) where status = 'open'",
);
await q("invoices all idx no fk 1M", ins("inv2"));
await pool.end();
await server.stop();
rmSync(dataDir, { recursive: true, force: true });
