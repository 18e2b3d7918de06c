/**
 * bench/reconcile: a camt.053 day statement of 100,000 credit entries imported
 * against a portfolio of 1,000,000 open cases (one invoice each) — parse, stage,
 * book, match, allocate and settle in one transaction — against parsing the same
 * file alone, in the same run; then the same file again (books nothing), and the
 * ledger's invariants. Usage:
 * npx tsx bench/reconcile.ts [--cases N] [--entries N] [--seed N]
 * BENCH_EXPLAIN=ms writes the EXPLAIN ANALYZE plan of every import statement
 * slower than that (auto_explain; it slows the import: not for the headline).
 * BENCH_DATABASE_URL runs against an external, empty database instead of the
 * embedded server.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import {
  importStatement,
  type StatementImportResult,
} from "../src/modules/payments/app/import-statement";
import { parseStatement } from "../src/modules/payments/statements/index";
import { unbalancedPayments } from "../src/modules/payments/store/allocate-payments";
import { fixedClock } from "../src/platform/clock";
import { type Database, openDatabase } from "../src/platform/db/database";
import { type EmbeddedServer, startEmbeddedPostgres } from "../src/platform/db/embedded";
import { migrate } from "../src/platform/db/migrate";
import {
  type EntryKind,
  pickCaseNumbers,
  planEntries,
  seededRandom,
  writeStatementFile,
} from "./support/reconcile-entries";
import {
  countRows,
  ledgerFigures,
  loadReconcilePortfolio,
  matchAccuracy,
  RECONCILE_CHANNEL_SETTINGS,
  readChosenCases,
} from "./support/reconcile-portfolio";
import { phaseLines, timedDatabase } from "./support/statement-timeline";

const { values } = parseArgs({
  options: {
    cases: { type: "string", default: "1000000" },
    entries: { type: "string", default: "100000" },
    seed: { type: "string", default: "20261124" },
  },
});
const cases = Number(values.cases);
const entryCount = Number(values.entries);
const seed = Number(values.seed);
const explainOverMs = process.env.BENCH_EXPLAIN ? Number(process.env.BENCH_EXPLAIN) : undefined;
// The statement of Monday 23 November, imported on Tuesday at 11:00 in Rome.
const now = new Date("2026-11-24T10:00:00Z");
const bookingDate = "2026-11-23";
const clock = fixedClock(now);
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const int = (n: number | bigint) => n.toLocaleString("en");
const perSecond = (n: number, ms: number) => int(Math.round((n * 1000) / ms));

const workDir = mkdtempSync(path.join(tmpdir(), "saldo-bench-reconcile-"));
chmodSync(workDir, 0o755);
let server: EmbeddedServer | undefined;
let url = process.env.BENCH_DATABASE_URL;
if (!url) {
  server = await startEmbeddedPostgres({
    dataDir: path.join(workDir, "data"),
    port: 54400 + (process.pid % 500),
    log: (m) => {
      // Shutdown closes the pool's last backend: not worth a line.
      if (/due to administrator command/.test(m)) return;
      if (/FATAL|PANIC|ERROR/.test(m) || (explainOverMs !== undefined && !/checkpoint/.test(m))) {
        console.error("postgres:", explainOverMs === undefined ? m.slice(0, 300) : m);
      }
    },
    lock: false,
  });
  url = server.urlFor("saldo");
}
const database: Database = openDatabase(url);
try {
  await migrate(database.pool);
  const { rows: version } = await database.pool.query<{ v: string }>(
    "select current_setting('server_version') as v",
  );
  console.log(`loading ${int(cases)} open cases…`);
  let t = performance.now();
  const portfolio = await loadReconcilePortfolio(database.pool, {
    cases,
    seed,
    now,
    log: (m) => console.log(m),
  });
  const tenantId = portfolio.tenantId;
  console.log(
    `loaded in ${seconds(performance.now() - t)} s: ${Object.entries(portfolio.counts)
      .map(([table, n]) => `${table} ${int(n)}`)
      .join(", ")}`,
  );

  // The statement: entries paying distinct cases, read back from the database as stored.
  t = performance.now();
  const random = seededRandom(seed);
  const caseNumbers = pickCaseNumbers(entryCount, cases, random);
  const chosen = await readChosenCases(database.pool, tenantId, caseNumbers);
  const planned = planEntries(caseNumbers, chosen, random);
  const file = path.join(workDir, `camt053-${bookingDate}-${entryCount}.xml`);
  await writeStatementFile(file, planned, {
    accountIban: RECONCILE_CHANNEL_SETTINGS.payment.iban,
    bookingDate,
  });
  const content = readFileSync(file);
  const mix = new Map<string, number>();
  for (const e of planned)
    mix.set(`${e.kind}/${e.shape}`, (mix.get(`${e.kind}/${e.shape}`) ?? 0) + 1);
  console.log(
    `statement: ${int(entryCount)} credit entries, ${(statSync(file).size / 1e6).toFixed(1)} MB, written in ${seconds(performance.now() - t)} s (${file})`,
  );
  console.log(
    `  mix: ${[...mix.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${int(n)}`)
      .join(", ")}`,
  );

  // Baseline: the same bytes through the parser alone, best of three.
  const parses: number[] = [];
  let parsedEntries = 0;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    const { statement } = parseStatement(path.basename(file), content);
    parses.push(performance.now() - start);
    parsedEntries = statement.reports.reduce((n, r) => n + r.entries.length, 0);
  }
  const parseMs = Math.min(...parses);
  console.log(
    `parse alone:   ${int(parsedEntries)} entries in ${seconds(parseMs)} s, ${perSecond(parsedEntries, parseMs)} entries/s (runs: ${parses.map(seconds).join(", ")} s)`,
  );

  // The import, every statement timed by kind (the use case's code is unchanged).
  console.log(`load average before the import: ${loadavg()[0]?.toFixed(2)}`);
  const timed = timedDatabase(database, explainOverMs === undefined ? {} : { explainOverMs });
  let peakRss = 0;
  const startRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const start = performance.now();
  const result = await importStatement(
    { database: timed.database, clock },
    { tenantId, fileName: path.basename(file), content },
  );
  const end = performance.now();
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const importMs = end - start;
  console.log(`import:        ${describe(result)}`);
  console.log(
    `               ${seconds(importMs)} s, ${perSecond(result.transactions, importMs)} entries/s; ratio (import / parse alone): ${(importMs / parseMs).toFixed(1)}x; goal: < 10 s — ${importMs < 10_000 ? "met" : "NOT met"}`,
  );
  console.log(
    `rss: start ${(startRss / 1e6).toFixed(0)} MB, peak ${(peakRss / 1e6).toFixed(0)} MB`,
  );
  console.log("where the import's time goes (ms, share of the import):");
  for (const line of phaseLines(timed.timeline, start, end)) console.log(line);

  // The same file again: every credit is already booked.
  const again = timedDatabase(database);
  const startAgain = performance.now();
  const second = await importStatement(
    { database: again.database, clock },
    { tenantId, fileName: path.basename(file), content },
  );
  const endAgain = performance.now();
  const againMs = endAgain - startAgain;
  console.log(`re-import:     ${describe(second)}`);
  console.log(
    `               ${seconds(againMs)} s, ${perSecond(second.transactions, againMs)} entries/s; ratio ${(againMs / parseMs).toFixed(1)}x; books nothing: ${second.duplicates === second.credits && second.matched === 0 ? "yes" : "NO"}`,
  );
  for (const line of phaseLines(again.timeline, startAgain, endAgain)) console.log(line);

  // Invariants.
  const ledger = await ledgerFigures(database.pool, tenantId);
  const unbalanced = await unbalancedPayments(database.pool, tenantId);
  const imports = await countRows(database.pool, ["statement_imports"]);
  const checks: Array<[string, boolean]> = [
    [
      `payments ${int(ledger.payments)} = credits ${int(result.credits)}`,
      ledger.payments === result.credits,
    ],
    [
      `allocated ${int(ledger.allocated)} + unmatched ${int(ledger.unmatched)} = payments`,
      ledger.allocated + ledger.unmatched === ledger.payments,
    ],
    [
      `unbalanced payments (unbalancedPayments): ${unbalanced.length} rows`,
      unbalanced.length === 0,
    ],
    [
      `ledger ${int(ledger.allocationsMinor)} = allocated payments ${int(ledger.paymentsMinor)} (minor units)`,
      ledger.allocationsMinor === ledger.paymentsMinor,
    ],
    [
      `invoice part ${int(ledger.invoicePartMinor)} = invoices paid down ${int(ledger.invoicesPaidDownMinor)}; credit ${int(ledger.creditMinor)}`,
      ledger.invoicePartMinor === ledger.invoicesPaidDownMinor,
    ],
    [
      `closed cases ${int(ledger.closedCases)} = reported ${int(result.closedCases)}`,
      ledger.closedCases === result.closedCases,
    ],
    [
      `timeline ${int(ledger.timelineEvents)} = domain events ${int(ledger.domainEvents)} = matched + closed ${int(result.matched + result.closedCases)}`,
      ledger.timelineEvents === ledger.domainEvents &&
        ledger.timelineEvents === result.matched + result.closedCases,
    ],
    [`statement imports recorded: ${imports.statement_imports}`, imports.statement_imports === 2],
  ];
  console.log("invariants:");
  for (const [text, ok] of checks) console.log(`  ${ok ? "ok  " : "FAIL"} ${text}`);
  const intended = new Map<number, { kind: EntryKind; reference: string | null }>();
  planned.forEach((e, index) => {
    intended.set(index + 1, {
      kind: e.kind,
      reference: e.caseNumber === null ? null : (chosen.get(e.caseNumber)?.reference ?? null),
    });
  });
  console.log("matching by kind of entry (right case / wrong case / left unmatched):");
  for (const a of await matchAccuracy(database.pool, tenantId, intended)) {
    console.log(
      `  ${a.kind.padEnd(12)} ${int(a.entries).padStart(7)} entries: ${int(a.right)} right, ${int(a.wrong)} wrong, ${int(a.left)} unmatched`,
    );
  }

  console.log("summary:");
  console.log(`  date:       ${new Date().toISOString()}`);
  console.log(
    `  machine:    ${availableParallelism()} cores (${cpus()[0]?.model}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, PostgreSQL ${version[0]?.v} (${server ? "embedded, durable" : "external"}), load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  console.log(
    `  portfolio:  ${int(cases)} open cases, one invoice each; statement ${int(entryCount)} entries, ${(content.length / 1e6).toFixed(1)} MB`,
  );
  console.log(
    `  parse alone ${seconds(parseMs)} s (${perSecond(entryCount, parseMs)} entries/s); import ${seconds(importMs)} s (${perSecond(entryCount, importMs)} entries/s), ratio ${(importMs / parseMs).toFixed(1)}x; re-import ${seconds(againMs)} s`,
  );
  console.log(
    `  matched ${int(result.matched)}, unmatched ${int(result.unmatched)}, closed ${int(result.closedCases)}; invariants ${checks.every(([, ok]) => ok) ? "all hold" : "BROKEN"}${explainOverMs === undefined ? "" : " (auto_explain on: timings inflated)"}`,
  );
} finally {
  await database.close();
  await server?.stop();
  rmSync(workDir, { recursive: true, force: true });
}

function describe(r: StatementImportResult): string {
  return `${int(r.transactions)} transactions, ${int(r.credits)} credits, ${int(r.duplicates)} duplicates, ${int(r.matched)} matched, ${int(r.unmatched)} unmatched, ${int(r.closedCases)} cases closed, ${r.reversals} reversals, ${r.ignored} ignored`;
}
