/**
 * bench/sweep: one full scheduler sweep over a portfolio of 1,000,000 open cases,
 * about 10% of them due, against a bare SELECT of the same due rows on the same
 * server in the same run; then two sweeps at once (two workers) over the same due
 * set again, in one process and in two processes. Usage:
 * npx tsx bench/sweep.ts [--cases N] [--batch N]
 * BENCH_CPU_PROFILE=1 also samples the single sweep's JavaScript and prints the
 * hottest functions (it slows the sweep: not for the headline figure).
 */
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { runSweep, type SweepSummary } from "../src/modules/scheduler/app/run-sweep";
import { claimDueCases } from "../src/modules/scheduler/store/claim-due-cases";
import { fixedClock } from "../src/platform/clock";
import { openDatabase } from "../src/platform/db/database";
import { startEmbeddedPostgres } from "../src/platform/db/embedded";
import { migrate } from "../src/platform/db/migrate";
import {
  loadPortfolio,
  type PhaseTimes,
  resetDue,
  snapshotDue,
  timedDatabase,
} from "./sweep-support";

const { values } = parseArgs({
  options: {
    cases: { type: "string", default: "1000000" },
    batch: { type: "string", default: "500" },
    worker: { type: "boolean", default: false },
  },
});
if (values.worker) {
  // Child mode: one sweep against the parent's database (URL in the environment,
  // not on the command line), its summary on stdout.
  const child = openDatabase(process.env.BENCH_SWEEP_URL ?? "");
  const start = performance.now();
  const summary = await runSweep(
    { database: child, clock: fixedClock(new Date("2026-11-24T10:00:00Z")) },
    { batchSize: Number(values.batch) },
  );
  console.log(JSON.stringify({ ms: performance.now() - start, summary }));
  await child.close();
  process.exit(0);
}
const cases = Number(values.cases);
const batchSize = Number(values.batch);
// A Tuesday, 11:00 in Rome: inside the Italian hours for every channel.
const now = new Date("2026-11-24T10:00:00Z");
const clock = fixedClock(now);
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const int = (n: number) => Math.round(n).toLocaleString("en");

const dataDir = mkdtempSync(path.join(tmpdir(), "saldo-bench-"));
chmodSync(dataDir, 0o755);
const server = await startEmbeddedPostgres({
  dataDir,
  port: 54400 + (process.pid % 500),
  log: (m) => {
    if (/FATAL|PANIC|ERROR/.test(m)) console.error("postgres:", m.slice(0, 300));
  },
  lock: false,
});
const database = openDatabase(server.urlFor("saldo"));
try {
  await migrate(database.pool);
  console.log(`loading ${int(cases)} open cases…`);
  let t = performance.now();
  const portfolio = await loadPortfolio(database.pool, {
    cases,
    now,
    log: (m) => console.log(m),
  });
  console.log(
    `loaded in ${seconds(performance.now() - t)} s: ${Object.entries(portfolio.counts)
      .map(([table, n]) => `${table} ${int(n)}`)
      .join(", ")}; due at ${now.toISOString()}: ${int(portfolio.due)}`,
  );
  await snapshotDue(database.pool, now);

  // Baseline: the due rows' case columns the claim needs, fetched into Node.
  const bareSelect = async () => {
    const start = performance.now();
    const { rows } = await database.pool.query(
      `select id, tenant_id, debtor_id, stage, status, hold_reasons, opened_at, strategy_version_id,
         variant, next_evaluation_at
       from cases where status <> 'closed' and next_evaluation_at <= $1
       order by next_evaluation_at`,
      [now],
    );
    return { ms: performance.now() - start, rows: rows.length };
  };
  const selects = [await bareSelect(), await bareSelect(), await bareSelect()];
  const select = selects.reduce((a, b) => (b.ms < a.ms ? b : a));
  console.log(
    `bare SELECT:   ${select.rows} rows, ${(select.ms / 1000).toFixed(3)} s (runs: ${selects
      .map((s) => (s.ms / 1000).toFixed(3))
      .join(", ")} s)`,
  );

  // Other work on the machine skews every figure: say how busy it was.
  console.log(`load average before the sweep: ${loadavg()[0]?.toFixed(2)}`);
  // One full sweep, every statement timed by kind.
  const timed = timedDatabase(database);
  let peakRss = 0;
  const startRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const profiler = process.env.BENCH_CPU_PROFILE ? new Session() : undefined;
  if (profiler) {
    profiler.connect();
    await profiler.post("Profiler.enable");
    await profiler.post("Profiler.start");
  }
  t = performance.now();
  const summary = await runSweep({ database: timed.database, clock }, { batchSize });
  const sweepMs = performance.now() - t;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  if (profiler) {
    const { profile } = await profiler.post("Profiler.stop");
    printProfile(profile);
    profiler.disconnect();
  }
  const stillDue = await countDue();
  const actions = await countRows("case_actions");
  console.log(
    `sweep:         ${describe(summary)} in ${seconds(sweepMs)} s, ${int((summary.cases * 1000) / sweepMs)} cases/s; ${int(actions)} case_actions rows; still due ${stillDue}`,
  );
  console.log(
    `ratio (sweep / bare SELECT): ${(sweepMs / select.ms).toFixed(0)}x; goal: < 60 s and <= 5x`,
  );
  console.log(
    `rss: start ${(startRss / 1e6).toFixed(0)} MB, peak ${(peakRss / 1e6).toFixed(0)} MB`,
  );
  printPhases(timed.times, sweepMs);
  await writeFloor();

  // The claim's statement alone, for every due row at once (rolled back).
  await resetDue(database.pool);
  const client = await database.pool.connect();
  try {
    await client.query("begin");
    const start = performance.now();
    const claimed = await claimDueCases(client, now, portfolio.due);
    console.log(
      `claim SQL for all ${claimed.length} due rows in one statement: ${((performance.now() - start) / 1000).toFixed(3)} s`,
    );
    await client.query("rollback");
  } finally {
    client.release();
  }
  await database.pool.query("vacuum analyze cases");

  // Two workers at once over the same due set.
  console.log(`load average before two workers: ${loadavg()[0]?.toFixed(2)}`);
  t = performance.now();
  const [a, b] = await Promise.all([
    runSweep({ database, clock }, { batchSize }),
    runSweep({ database, clock }, { batchSize }),
  ]);
  const twoMs = performance.now() - t;
  console.log(
    `two workers:   ${describe(a)} + ${describe(b)} in ${seconds(twoMs)} s, ${int(((a.cases + b.cases) * 1000) / twoMs)} cases/s; ratio ${(twoMs / select.ms).toFixed(0)}x; duplicates ${await countDuplicates()}; still due ${await countDue()}`,
  );
  // Two worker processes (as `saldo worker` runs them), each with its own pool.
  await resetDue(database.pool);
  console.log(`load average before two processes: ${loadavg()[0]?.toFixed(2)}`);
  t = performance.now();
  const children = await Promise.all([1, 2].map(() => sweepInChild(database.url)));
  const processesMs = performance.now() - t;
  const processCases = children.reduce((n, c) => n + c.summary.cases, 0);
  console.log(
    `two processes: ${children.map((c) => `${describe(c.summary)} in ${seconds(c.ms)} s`).join(" + ")}; ${seconds(processesMs)} s from spawn to exit, ${int((processCases * 1000) / Math.max(...children.map((c) => c.ms)))} cases/s (slower sweep); duplicates ${await countDuplicates()}; still due ${await countDue()}`,
  );
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
  );
} finally {
  await database.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

/**
 * The same rows the sweep wrote, written again set-based, one statement per
 * table, in a transaction that is rolled back: what PostgreSQL alone charges
 * for the sweep's writes with this schema (indexes, foreign keys).
 */
async function writeFloor(): Promise<void> {
  const client = await database.pool.connect();
  const parts: string[] = [];
  const step = async (label: string, sql: string) => {
    const start = performance.now();
    const { rowCount } = await client.query(sql);
    parts.push(`${label} ${int(rowCount ?? 0)} rows ${int(performance.now() - start)} ms`);
  };
  try {
    await client.query("begin");
    await step(
      "case_actions",
      `insert into case_actions (tenant_id, case_id, idempotency_key, step_id, attempt, channel,
         template, status, due_at, rule, reason)
       select tenant_id, case_id, idempotency_key || ':floor', step_id, attempt, channel, template,
         status, due_at, rule, reason from case_actions`,
    );
    await step(
      "contact_events",
      `insert into contact_events (tenant_id, case_id, identity_id, debtor_id, channel, kind, at)
       select tenant_id, case_id, identity_id, debtor_id, channel, kind, at from contact_events
       where id > (select contact_events from bench_marks)`,
    );
    await step(
      "case_events",
      `insert into case_events (tenant_id, case_id, type, actor, data)
       select tenant_id, case_id, type, actor, data from case_events
       where id > (select case_events from bench_marks)`,
    );
    await step(
      "cases",
      `update cases c set next_evaluation_at = c.next_evaluation_at + interval '1 minute',
         evaluated_at = now(), updated_at = now()
       from bench_due d where c.id = d.id`,
    );
    await client.query("rollback");
  } finally {
    client.release();
  }
  console.log(`write floor (same rows, set-based, rolled back): ${parts.join("; ")}`);
}

/** A sweep in a child process, as a second `saldo worker` would run it. */
function sweepInChild(url: string): Promise<{ ms: number; summary: SweepSummary }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, process.argv[1]!, "--worker", "--batch", String(batchSize)],
      { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, BENCH_SWEEP_URL: url } },
    );
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = out.trim().split("\n").at(-1) ?? "";
      if (code === 0 && line.startsWith("{")) resolve(JSON.parse(line));
      else reject(new Error(`worker exited with ${code}: ${out.slice(-500)}`));
    });
  });
}

async function countDuplicates(): Promise<number> {
  const { rowCount } = await database.pool.query(
    "select idempotency_key from case_actions group by 1 having count(*) > 1",
  );
  return rowCount ?? 0;
}

async function countDue(): Promise<number> {
  const { rows } = await database.pool.query<{ n: string }>(
    "select count(*)::text as n from cases where status <> 'closed' and next_evaluation_at <= $1",
    [now],
  );
  return Number(rows[0]?.n);
}

async function countRows(table: string): Promise<number> {
  const { rows } = await database.pool.query<{ n: string }>(
    `select count(*)::text as n from ${table}`,
  );
  return Number(rows[0]?.n);
}

function describe(s: SweepSummary): string {
  return `${int(s.cases)} cases (${int(s.scheduled)} scheduled, ${int(s.deferred)} deferred, ${int(s.blocked)} blocked, ${int(s.stageChanges)} stage changes)`;
}

function printPhases(times: PhaseTimes, totalMs: number): void {
  const rows = [...times.phases.entries()].sort((x, y) => y[1].ms - x[1].ms);
  const sqlMs = rows.reduce((n, [, p]) => n + p.ms, 0);
  console.log("where the sweep's time goes (ms, share of the sweep):");
  for (const [kind, p] of rows) {
    console.log(
      `  ${kind.padEnd(24)} ${int(p.ms).padStart(8)}  ${((100 * p.ms) / totalMs).toFixed(1).padStart(5)}%  ${int(p.calls)} calls, ${int(p.rows)} rows`,
    );
  }
  console.log(`  ${"pool connect".padEnd(24)} ${int(times.connectMs).padStart(8)}`);
  const jsMs = totalMs - sqlMs - times.connectMs;
  console.log(
    `  ${"JavaScript (rest)".padEnd(24)} ${int(jsMs).padStart(8)}  ${((100 * jsMs) / totalMs).toFixed(1).padStart(5)}%  strategy + policy evaluation, row mapping, parameter building`,
  );
  const c = times.claims;
  if (c.length >= 10) {
    const tenth = Math.max(1, Math.floor(c.length / 10));
    const avg = (xs: number[]) => xs.reduce((n, x) => n + x, 0) / xs.length;
    console.log(
      `  claim per batch: first tenth ${avg(c.slice(0, tenth)).toFixed(1)} ms, last tenth ${avg(c.slice(-tenth)).toFixed(1)} ms, over ${c.length} batches`,
    );
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** Self time by function and by file from a V8 CPU profile. */
function printProfile(profile: {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}): void {
  const total = profile.nodes.reduce((n, node) => n + (node.hitCount ?? 0), 0);
  const msPerHit = (profile.endTime - profile.startTime) / 1000 / Math.max(1, total);
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (!hits) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^.*\/(node_modules\/[^/]+|src\/.*?|bench\/.*?)$/, "$1") || "(native)";
    const fn = `${functionName || "(anonymous)"} ${file}:${lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + hits);
    const group = url.includes("/node_modules/")
      ? url.replace(/^.*\/node_modules\/((@[^/]+\/)?[^/]+).*$/, "node_modules/$1")
      : url.includes("/src/")
        ? url.replace(/^.*\/src\//, "src/")
        : url
          ? "node internals"
          : `(${functionName || "native"})`;
    byFile.set(group, (byFile.get(group) ?? 0) + hits);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((x, y) => y[1] - x[1])
      .slice(0, n)
      .map(([k, hits]) => `  ${int(hits * msPerHit).padStart(7)} ms  ${k}`)
      .join("\n");
  console.log(`CPU profile of the sweep (self time), by file:\n${top(byFile, 15)}`);
  console.log(`by function:\n${top(byFunction, 25)}`);
}
