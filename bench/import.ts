/**
 * bench/import: a 1,000,000-invoice CSV (with debtors and contacts) imported into
 * an empty database, against a bare COPY of the same file into a plain table on
 * the same server in the same run. Usage: npx tsx bench/import.ts [--rows N]
 */
import { chmodSync, createReadStream, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { from as copyFrom } from "pg-copy-streams";
import { importFiles } from "../src/modules/imports/app/import-files";
import { systemClock } from "../src/platform/clock";
import { openDatabase } from "../src/platform/db/database";
import { startEmbeddedPostgres } from "../src/platform/db/embedded";
import { migrate } from "../src/platform/db/migrate";
import { CSV_HEADER, generateInvoicesCsv } from "./generate-invoices-csv";

const { values } = parseArgs({ options: { rows: { type: "string", default: "1000000" } } });
const rows = Number(values.rows);
const outDir = path.resolve("bench/out");
mkdirSync(outDir, { recursive: true });
const csvPath = path.join(outDir, `invoices-${rows}.csv`);

let t = Date.now();
await generateInvoicesCsv(csvPath, rows);
const bytes = statSync(csvPath).size;
console.log(
  `generated ${rows.toLocaleString("en")} rows, ${(bytes / 1e6).toFixed(0)} MB in ${((Date.now() - t) / 1000).toFixed(1)} s`,
);

const dataDir = mkdtempSync(path.join(tmpdir(), "saldo-bench-"));
chmodSync(dataDir, 0o755);
const server = await startEmbeddedPostgres({
  dataDir,
  port: 54400 + (process.pid % 500),
  log: (m) => {
    if (/FATAL|PANIC|ERROR|duration:/.test(m)) console.error("postgres:", m.slice(0, 300));
  },
  lock: false,
});
console.log("embedded PostgreSQL started");
const database = openDatabase(server.urlFor("saldo"));
try {
  await migrate(database.pool);
  if (process.env.BENCH_SLOW_SQL) {
    await database.pool.query(
      `alter system set log_min_duration_statement = ${Number(process.env.BENCH_SLOW_SQL)}`,
    );
    await database.pool.query("select pg_reload_conf()");
  }
  console.log("migrated");

  // Baseline: the same file through a bare COPY into a plain table of text columns.
  const columns = CSV_HEADER.split(";")
    .map((_, i) => `c${i} text`)
    .join(", ");
  const client = await database.pool.connect();
  await client.query(`create table bare_copy (${columns})`);
  t = Date.now();
  await pipeline(
    createReadStream(csvPath),
    client.query(copyFrom("copy bare_copy from stdin (format csv, delimiter ';', header true)")),
  );
  const copySeconds = (Date.now() - t) / 1000;
  client.release();

  const tenant = await database.db
    .insertInto("tenants")
    .values({ slug: "bench", name: "Bench" })
    .returning("id")
    .executeTakeFirstOrThrow();
  let peakRss = 0;
  const startRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 200);
  t = Date.now();
  const result = await importFiles(
    { database, clock: systemClock },
    {
      tenantId: tenant.id,
      files: [{ name: path.basename(csvPath), open: () => createReadStream(csvPath) }],
    },
  );
  const importSeconds = (Date.now() - t) / 1000;
  clearInterval(sampler);

  const copyRate = rows / copySeconds;
  const importRate = rows / importSeconds;
  const { rows: r, debtors, invoices, contacts } = result.counts;
  console.log(
    `bare COPY:     ${copySeconds.toFixed(1)} s, ${Math.round(copyRate).toLocaleString("en")} rows/s`,
  );
  console.log(
    `saldo import:  ${importSeconds.toFixed(1)} s, ${Math.round(importRate).toLocaleString("en")} rows/s`,
  );
  console.log(`ratio (import speed / COPY speed): ${(importRate / copyRate).toFixed(2)}`);
  console.log(`phases (ms): ${JSON.stringify(result.timings)}`);
  console.log(
    `rss: start ${(startRss / 1e6).toFixed(0)} MB, peak ${(peakRss / 1e6).toFixed(0)} MB`,
  );
  console.log(
    `rows read ${r.read}, rejected ${r.rejected}; debtors ${debtors.created}, contacts ${contacts.created}, invoices ${invoices.created}; cases opened ${result.casesOpened}`,
  );
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
  );
} finally {
  await database.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
