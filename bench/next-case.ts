/**
 * bench/next-case: "next case" (claimNextCall: the best queued tasks locked with
 * SKIP LOCKED, the contact policy asked under per-person locks, the first allowed
 * one claimed and a call attempt reserved) for 200 agents at once over a queue of
 * 1,000,000 call tasks, against a bare `SELECT … FOR UPDATE SKIP LOCKED` of one
 * row by the same agents on the same pool in the same run. Modes: solo (one agent:
 * a claim with no queue), burst (all ask at the same instant, closed loop, no think
 * time), paced (a 0.5–1.5 s "call" between claims, start spread over a second).
 * Usage: npx tsx bench/next-case.ts [--tasks N] [--agents N] [--rounds N (burst)]
 * [--paced-rounds N] [--pool N] [--prepared (experiment: named prepared statements)]
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { claimNextCall } from "../src/modules/calls/app/claim-next-call";
import { recordDisposition } from "../src/modules/calls/app/record-disposition";
import { releaseCall } from "../src/modules/calls/app/release-call";
import { fixedClock } from "../src/platform/clock";
import { openDatabase } from "../src/platform/db/database";
import { startEmbeddedPostgres } from "../src/platform/db/embedded";
import { migrate } from "../src/platform/db/migrate";
import {
  type Agent,
  bareClaim,
  bareFinish,
  cpuMs,
  databaseChecks,
  experiment,
  explainFirst,
  type Hold,
  instrumentPool,
  loadCallQueue,
  overlappingHolds,
  type Phases,
  POOL_WAIT,
  percentiles,
  random,
  restoreBare,
  timed,
} from "./next-case-support";
import { loadPortfolio } from "./sweep-support";

const { values } = parseArgs({
  options: {
    tasks: { type: "string", default: "1000000" },
    agents: { type: "string", default: "200" },
    rounds: { type: "string", default: "10" },
    "paced-rounds": { type: "string", default: "5" },
    pool: { type: "string", default: "20" },
    prepared: { type: "boolean", default: false },
  },
});
const [tasks, agentCount, rounds, pacedRounds, poolSize] = (
  ["tasks", "agents", "rounds", "paced-rounds", "pool"] as const
).map((k) => Number(values[k])) as [number, number, number, number, number];
type Mode = "solo" | "burst" | "paced";
// A Tuesday, 10:00 in Rome: inside the Italian hours for calls (08:30–21:00).
const now = new Date("2026-11-24T09:00:00Z");
const int = (n: number) => Math.round(n).toLocaleString("en");
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
const SOLO_ROUNDS = 50;
const REST = "JavaScript, event loop";

type Claim = { taskId: string; tenantId: string } | null;
interface Side {
  claim(agent: Agent): Promise<{ claim: Claim; phases?: Phases }>;
  /** Ends the held task; true when a disposition (a calls row) was recorded. */
  finish(agent: Agent, claim: NonNullable<Claim>, draw: number): Promise<boolean>;
}
interface Phase {
  samples: Array<{ ms: number; phases?: Phases }>;
  /** How long each finish (disposition, release) took: not in the figure, but it shares the server. */
  finishMs: number[];
  wallMs: number;
  claims: number;
  errors: string[];
  refused: Array<{ kind: string; rule: string; n: number }>;
  /** CPU per claim cycle (claim and finish), ms. */
  cpu: { postgres: number; node: number };
}

const dataDir = mkdtempSync(path.join(tmpdir(), "saldo-bench-"));
chmodSync(dataDir, 0o755);
const server = await startEmbeddedPostgres({
  dataDir,
  port: 55000 + (process.pid % 500),
  log: (m) => {
    if (/FATAL|PANIC|ERROR/.test(m) && !/administrator command/.test(m))
      console.error("postgres:", m.slice(0, 300));
  },
  lock: false,
});
const database = openDatabase(server.urlFor("saldo"), { max: poolSize });
const deps = { database, clock: fixedClock(now) };
instrumentPool(database.pool);
experiment.prepared = values.prepared;
const pool = database.pool;
const agents: Agent[] = [];
const holds: Hold[] = [];
/** "taskId/userId" of every claim that ended in a recorded disposition. */
const disposed = new Set<string>();

const bare: Side = {
  claim: async (agent) => {
    const row = await bareClaim(database, agent.userId, now);
    return { claim: row && { taskId: row.id, tenantId: row.tenantId } };
  },
  finish: async (_agent, claim) => {
    await bareFinish(pool, claim.taskId, now);
    return false;
  },
};
const saldo: Side = {
  claim: async (agent) => {
    const { value, phases } = await timed(() =>
      claimNextCall(deps, { userId: agent.userId, tenantIds: null }),
    );
    if (value.kind === "empty") return { claim: null, phases };
    if (value.resumed) throw new Error(`handed back a claim already held: ${value.claim.id}`);
    return { claim: { taskId: value.claim.id, tenantId: value.claim.tenant_id }, phases };
  },
  // 5% given back unanswered, 55% no answer, 10% busy (both retried later), 30% reached.
  finish: async (agent, claim, draw) => {
    const input = { tenantId: claim.tenantId, taskId: claim.taskId, userId: agent.userId };
    if (draw < 0.05) {
      await releaseCall(deps, input);
      return false;
    }
    const outcome = draw < 0.6 ? "no_answer" : draw < 0.7 ? "busy" : "right_party_contact";
    await recordDisposition(deps, { ...input, source: "agent", outcome, durationSeconds: 60 });
    return true;
  },
};

try {
  await migrate(pool);
  let t = performance.now();
  await loadPortfolio(pool, { cases: tasks, now, log: () => {} });
  const portfolioMs = performance.now() - t;
  t = performance.now();
  const queue = await loadCallQueue(pool, { now, agents: agentCount });
  agents.push(...queue.agents);
  console.log(
    `loaded: portfolio of ${int(tasks)} cases in ${(portfolioMs / 1000).toFixed(1)} s; ${int(queue.tasks)} queued call tasks (${int(queue.skilled)} asking for a skill) and ${agents.length} agents in ${((performance.now() - t) / 1000).toFixed(1)} s; pool of ${poolSize} connections; load average ${loadavg()[0]?.toFixed(2)}`,
  );

  // One agent alone first (also warms the caches): what a claim costs with no queue.
  const solo = [await runPhase(bare, "solo", 5), await runSaldo("solo", 6)] as const;
  await restoreBare(pool);
  const burst = [await runPhase(bare, "burst", 1), await runSaldo("burst", 2)] as const;
  await restoreBare(pool);
  const paced = [await runPhase(bare, "paced", 3), await runSaldo("paced", 4)] as const;
  await restoreBare(pool);

  console.log(`\nnext case latency (ms); pool of ${poolSize} connections`);
  report(`solo  1 agent x ${SOLO_ROUNDS}`, ...solo);
  report(`burst ${agents.length} agents x ${rounds}`, ...burst);
  report(`paced ${agents.length} agents x ${pacedRounds}`, ...paced);
  console.log("goal: next case p99 < 50 ms");
  printPhases([
    ["solo", solo[1]],
    ["burst", burst[1]],
    ["paced", paced[1]],
  ]);
  for (const kind of ["lock queue candidates", "find open claim", "load case facts"]) {
    console.log(`\nEXPLAIN ANALYZE of "${kind}" as first sent, on the tables after the run:`);
    for (const line of await explainFirst(pool, kind)) console.log(`  ${line}`);
  }
  console.log(
    `\ndouble assignments: ${overlappingHolds(holds)} (in memory, ${int(holds.length)} holds)`,
  );
  for (const [check, n] of Object.entries(await databaseChecks(pool, disposed))) {
    console.log(`  ${check}: ${n}`);
  }
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
} finally {
  await database.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

/** Every agent claims, holds (a "call" in paced mode) and finishes, round after round. */
async function runPhase(side: Side, mode: Mode, seed: number): Promise<Phase> {
  const cpu = cpuMs(dataDir);
  const phase: Phase = {
    ...{ samples: [], finishMs: [], wallMs: 0, claims: 0, errors: [], refused: [] },
    cpu: { postgres: 0, node: 0 },
  };
  const who = mode === "solo" ? agents.slice(0, 1) : agents;
  const n = mode === "solo" ? SOLO_ROUNDS : mode === "paced" ? pacedRounds : rounds;
  const start = performance.now();
  await Promise.all(
    who.map(async (agent, i) => {
      const draw = random(seed * 100_003 + i);
      const think = () => (mode === "paced" ? sleep(500 + 1000 * draw()) : Promise.resolve());
      if (mode === "paced") await sleep(1000 * draw());
      for (let round = 0; round < n; round++) {
        try {
          const t0 = performance.now();
          const { claim, phases } = await side.claim(agent);
          const t1 = performance.now();
          phase.samples.push({ ms: t1 - t0, ...(phases ? { phases } : {}) });
          if (!claim) {
            await think();
            continue;
          }
          phase.claims++;
          await think();
          const heldUntil = performance.now();
          if (await side.finish(agent, claim, draw()))
            disposed.add(`${claim.taskId}/${agent.userId}`);
          phase.finishMs.push(performance.now() - heldUntil);
          holds.push({ taskId: claim.taskId, userId: agent.userId, heldFrom: t1, heldUntil });
        } catch (error) {
          phase.errors.push(String((error as Error).message ?? error));
        }
      }
    }),
  );
  phase.wallMs = performance.now() - start;
  const after = cpuMs(dataDir);
  phase.cpu.postgres = (after.postgres - cpu.postgres) / Math.max(1, phase.samples.length);
  phase.cpu.node = (after.node - cpu.node) / Math.max(1, phase.samples.length);
  return phase;
}

/** A Saldo phase, with what the contact policy refused during it. */
async function runSaldo(mode: Mode, seed: number): Promise<Phase> {
  const { rows } = await pool.query<{ id: number }>(
    "select coalesce(max(id), 0)::int as id from call_blocks",
  );
  const phase = await runPhase(saldo, mode, seed);
  const refused = await pool.query<{ kind: string; rule: string; n: number }>(
    `select kind, coalesce(rule, reason) as rule, count(*)::int as n from call_blocks where id > $1
     group by 1, 2 order by 3 desc`,
    [rows[0]?.id ?? 0],
  );
  phase.refused = refused.rows;
  await pool.query("vacuum (analyze) call_tasks");
  return phase;
}

function report(label: string, bareRun: Phase, saldoRun: Phase): void {
  console.log(label);
  const line = (name: string, run: Phase) => {
    const p = percentiles(run.samples.map((x) => x.ms));
    const finish = run.finishMs.reduce((a, b) => a + b, 0) / Math.max(1, run.finishMs.length);
    console.log(
      `  ${name.padEnd(18)} p50 ${ms(p.p50)}  p95 ${ms(p.p95)}  p99 ${ms(p.p99)}  max ${ms(p.max)};  ${int(run.claims)} claims, ${run.samples.length - run.claims} empty, ${run.errors.length} errors, ${(run.wallMs / 1000).toFixed(1)} s, ${int((run.samples.length * 1000) / run.wallMs)} asks/s; finish ${ms(finish)} ms avg; CPU per cycle: postgres ${ms(run.cpu.postgres)} ms, node ${ms(run.cpu.node)} ms`,
    );
    if (run.errors.length) console.log(`    first error: ${run.errors[0]}`);
    return p;
  };
  const b = line("bare SKIP LOCKED", bareRun);
  const s = line("next case (Saldo)", saldoRun);
  const refused = saldoRun.refused.map((r) => `${r.kind} ${r.rule} ${r.n}`).join(", ");
  console.log(
    `  ratio Saldo/bare: p50 ${(s.p50 / b.p50).toFixed(1)}x, p99 ${(s.p99 / b.p99).toFixed(1)}x; refused by the policy: ${saldoRun.refused.reduce((n, r) => n + r.n, 0)} (${refused})`,
  );
}

/** Average ms per claim by statement kind: solo, and all claims and the slowest 1% of the others. */
function printPhases(runs: Array<[string, Phase]>): void {
  const average = (samples: Phase["samples"]) => {
    const sums = new Map<string, number>();
    for (const x of samples) {
      let sql = 0;
      for (const [kind, v] of x.phases ?? []) {
        sums.set(kind, (sums.get(kind) ?? 0) + v);
        if (!kind.startsWith("#")) sql += v;
      }
      sums.set(REST, (sums.get(REST) ?? 0) + x.ms - sql);
    }
    sums.set(
      "total",
      samples.reduce((n, x) => n + x.ms, 0),
    );
    return new Map([...sums].map(([k, v]) => [k, v / Math.max(1, samples.length)]));
  };
  const columns: Array<[string, Map<string, number>]> = [];
  for (const [mode, run] of runs) {
    const sorted = [...run.samples].sort((a, b) => a.ms - b.ms);
    columns.push([mode, average(sorted)]);
    if (mode !== "solo")
      columns.push([`${mode} 1%`, average(sorted.slice(-Math.ceil(sorted.length / 100)))]);
  }
  console.log(
    `\nwhere a claim's time goes (ms per claim; "1%": the slowest 1%; ${POOL_WAIT}: for one of ${poolSize} connections)`,
  );
  console.log(`  ${"".padEnd(26)}${columns.map(([c]) => c.padStart(10)).join("")}`);
  const last = (k: string) => Number(k.startsWith("#")); // counts after the times
  const kinds = [...(columns[1]?.[1] ?? new Map<string, number>())].sort(
    (a, b) => last(a[0]) - last(b[0]) || b[1] - a[1],
  );
  for (const [kind] of kinds) {
    console.log(
      `  ${kind.padEnd(26)}${columns.map(([, m]) => ms(m.get(kind) ?? 0).padStart(10)).join("")}`,
    );
  }
}
