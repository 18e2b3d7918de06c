/**
 * Helpers for bench/next-case: the call queue and the agents over the sweep's
 * synthetic portfolio, a pool whose statements are timed by phase for the claim
 * in progress (AsyncLocalStorage, so 200 concurrent claims keep apart), the bare
 * SKIP LOCKED claim of the baseline, and the double-assignment checks.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type pg from "pg";
import type { Database } from "../src/platform/db/database";
import { inTransaction } from "../src/platform/db/transaction";

export interface Agent {
  userId: string;
  skills: string[];
}

/**
 * One queued task per open case (INSERT … SELECT): priority 0–1000 and
 * `not_before` up to a day before `now`, both from a hash of the case id; a skill
 * for English-speaking debtors (`lang:en`) and half the companies (`b2b`); no
 * team (every team may take it). `agents` users (agency staff, all tenants) in
 * team 'default', every fourth with the skills `{lang:en,b2b}`.
 */
export async function loadCallQueue(
  pool: pg.Pool,
  options: { now: Date; agents: number },
): Promise<{ tasks: number; skilled: number; agents: Agent[] }> {
  const hash = (salt: string, mod: number) =>
    `((hashtextextended(c.id::text, ${salt}) % ${mod} + ${mod}) % ${mod})`;
  const tasks = await pool.query(
    `insert into call_tasks (tenant_id, case_id, source, reasons, skill, not_before, priority, scored_at,
       created_at)
     select c.tenant_id, c.id, 'strategy', array['bench'],
       case when d.language = 'en' then 'lang:en' when d.kind = 'company' and ${hash("2", 2)} = 0 then 'b2b' end,
       $1::timestamptz - make_interval(secs => 60 + ${hash("3", 86340)}), ${hash("1", 1001)}, $1, $1
     from cases c join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
     where c.status <> 'closed'`,
    [options.now],
  );
  const users = await pool.query<{ id: string; n: number }>(
    `insert into users (email, name, password_hash, role, all_tenants)
     select 'agent' || g || '@bench.invalid', 'Agent ' || g, 'x', 'agent', true
     from generate_series(1, $1) g returning id, substring(email from '[0-9]+')::int as n`,
    [options.agents],
  );
  const agents = users.rows
    .sort((a, b) => a.n - b.n)
    .map((u) => ({ userId: u.id, skills: u.n % 4 === 0 ? ["lang:en", "b2b"] : [] }));
  await pool.query(
    `insert into agents (user_id, team, skills, state, state_since)
     select u, 'default', case when s = '' then '{}'::text[] else string_to_array(s, ',') end, 'available', $3
     from unnest($1::uuid[], $2::text[]) as x(u, s)`,
    [agents.map((a) => a.userId), agents.map((a) => a.skills.join(",")), options.now],
  );
  await pool.query("vacuum (analyze) call_tasks, users, agents");
  const { rows } = await pool.query<{ n: number }>(
    "select count(*)::int as n from call_tasks where skill is not null",
  );
  return { tasks: tasks.rowCount ?? 0, skilled: rows[0]?.n ?? 0, agents };
}

const KINDS: Array<[RegExp, string]> = [
  [/where t\.claimed_by = \$1 and t\.status = 'claimed'/, "find open claim"],
  [/^\s*with expired as/, "release expired claims"],
  [/from users u left join agents/, "load agent profile"],
  [/where t\.assigned_user_id = \$1/, "lock assigned candidates"],
  [/t\.assigned_user_id is null/, "lock queue candidates"],
  [/where c\.id = any\(\$1::uuid\[\]\)/, "load case facts"],
  [/saldo\.person:/, "lock people"],
  [/saldo\.agent:/, "lock agent"],
  [/from tenant_policies/, "load tenant policies"],
  [/from contact_events/, "load contact history"],
  [/set not_before = |into call_blocks|update case_actions|set status = \$2/, "record refusals"],
  [/set status = 'claimed'/, "mark claimed"],
  [/^\s*insert into contact_events/, "reserve call attempt"],
  [/^\s*insert into agents/, "set agent state"],
  [/^(begin|commit|rollback)$/, "begin/commit"],
];

export type Phases = Map<string, number>;
export const POOL_WAIT = "pool wait";
/** Counts, not times, kept beside the phases. */
export const [STATEMENTS, CONNECTIONS] = ["#statements", "#connections"];
const current = new AsyncLocalStorage<Phases>();
/** The first statement of each kind, with its parameters, for EXPLAIN. */
const firstSeen = new Map<string, { sql: string; params: unknown[] }>();

type QueryFn = (...args: unknown[]) => Promise<{ rowCount: number | null }>;
/** An experiment: every statement with parameters sent as a named prepared statement. */
export const experiment = { prepared: false };
const names = new Map<string, string>();

/**
 * Times every statement and every wait for a connection made inside
 * `timed(…)`, by kind. pool.query is replaced by connect + query + release (what
 * pg-pool does) so that its wait for a connection is timed too.
 */
export function instrumentPool(pool: pg.Pool): void {
  const add = (phases: Phases | undefined, kind: string, ms: number) => {
    if (phases) phases.set(kind, (phases.get(kind) ?? 0) + ms);
  };
  const patch = (client: pg.Client) => {
    const target = client as unknown as { query: QueryFn };
    const original = target.query.bind(client) as QueryFn;
    target.query = (...args: unknown[]) => {
      const phases = current.getStore();
      if (typeof args.at(-1) === "function") return original(...args);
      const sql =
        typeof args[0] === "string" ? args[0] : String((args[0] as { text?: string }).text);
      if (experiment.prepared && typeof args[0] === "string" && Array.isArray(args[1])) {
        if (!names.has(sql)) names.set(sql, `bench_${names.size}`);
        return query(phases, sql, [{ name: names.get(sql), text: sql, values: args[1] }]);
      }
      return query(phases, sql, args);
    };
    const query = (phases: Phases | undefined, sql: string, args: unknown[]) => {
      if (!phases) return original(...args);
      const kind = KINDS.find(([pattern]) => pattern.test(sql))?.[1] ?? "other";
      const params = (args[1] ?? (args[0] as { values?: unknown[] }).values) as unknown[];
      if (!firstSeen.has(kind)) firstSeen.set(kind, { sql, params: params ?? [] });
      const t = performance.now();
      add(phases, STATEMENTS, 1);
      return original(...args).finally(() => add(phases, kind, performance.now() - t));
    };
  };
  pool.on("connect", patch);
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  const timedConnect = async () => {
    const phases = current.getStore();
    const t = performance.now();
    const client = await connect();
    add(phases, POOL_WAIT, performance.now() - t);
    add(phases, CONNECTIONS, 1);
    return client;
  };
  Object.assign(pool, {
    connect: (...args: unknown[]) =>
      args.length ? connect.apply(pool, args as []) : timedConnect(),
    query: async (...args: unknown[]) => {
      const client = await timedConnect();
      try {
        const result = await (client.query as unknown as QueryFn)(...args);
        client.release();
        return result;
      } catch (error) {
        client.release(error as Error);
        throw error;
      }
    },
  });
}

/** EXPLAIN ANALYZE of the first statement of this kind, with its parameters, rolled back. */
export async function explainFirst(pool: pg.Pool, kind: string): Promise<string[]> {
  const seen = firstSeen.get(kind);
  if (!seen) return [];
  const client = await pool.connect();
  try {
    await client.query("begin");
    const plan = await client.query(`explain (analyze, buffers) ${seen.sql}`, seen.params);
    return plan.rows.map((r: { "QUERY PLAN": string }) => r["QUERY PLAN"]);
  } finally {
    await client.query("rollback");
    client.release();
  }
}

/** Runs `work`, recording the time of each of its statements by kind. */
export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; phases: Phases }> {
  const phases: Phases = new Map();
  const value = await current.run(phases, work);
  return { value, phases };
}

/** The baseline: one row, `FOR UPDATE SKIP LOCKED`, marked claimed, committed. */
export async function bareClaim(
  database: Database,
  userId: string,
  now: Date,
): Promise<{ id: string; tenantId: string } | null> {
  return inTransaction(database, async (client) => {
    const { rows } = await client.query<{ id: string; tenant_id: string }>(
      `select id, tenant_id from call_tasks where status = 'queued' and not_before <= $1
       order by priority desc limit 1 for update skip locked`,
      [now],
    );
    const row = rows[0];
    if (!row) return null;
    await client.query(
      `update call_tasks set status = 'claimed', claimed_by = $2, claimed_via = 'agent', claimed_at = $3,
         claim_expires_at = $3::timestamptz + interval '15 minutes' where id = $1`,
      [row.id, userId, now],
    );
    return { id: row.id, tenantId: row.tenant_id };
  });
}

export async function bareFinish(pool: pg.Pool, taskId: string, now: Date): Promise<void> {
  await pool.query(
    `update call_tasks set status = 'done', claim_expires_at = null, closed_at = $2,
       close_reason = 'bench:bare' where id = $1`,
    [taskId, now],
  );
}

/** Puts back what the baseline took, so the next phase sees the same queue. */
export async function restoreBare(pool: pg.Pool): Promise<void> {
  await pool.query(
    `update call_tasks set status = 'queued', claimed_by = null, claimed_via = null, claimed_at = null,
       claim_expires_at = null, closed_at = null, close_reason = null where close_reason = 'bench:bare'`,
  );
  await pool.query("vacuum (analyze) call_tasks");
}

/** heldFrom: the claim had committed (it returned); heldUntil: still held (its finish not begun). */
export interface Hold {
  taskId: string;
  userId: string;
  heldFrom: number;
  heldUntil: number;
}

/** Pairs of holds of one task by two agents whose certain intervals overlap. */
export function overlappingHolds(holds: readonly Hold[]): number {
  const byTask = new Map<string, Hold[]>();
  for (const h of holds) byTask.set(h.taskId, [...(byTask.get(h.taskId) ?? []), h]);
  let overlaps = 0;
  for (const list of byTask.values()) {
    list.sort((a, b) => a.heldFrom - b.heldFrom);
    let until = -Infinity;
    for (const h of list) {
      if (h.heldFrom < until) overlaps++;
      until = Math.max(until, h.heldUntil);
    }
  }
  return overlaps;
}

/** What the database says: each must be 0. `claims`: "taskId/userId" of every disposition sent. */
export async function databaseChecks(
  pool: pg.Pool,
  claims: ReadonlySet<string>,
): Promise<Record<string, number>> {
  const count = async (sql: string) =>
    (await pool.query<{ n: number }>(`select count(*)::int as n from (${sql}) x`)).rows[0]?.n ?? -1;
  const { rows } = await pool.query<{ key: string }>(
    "select task_id || '/' || agent_user_id as key from calls where task_id is not null",
  );
  const recorded = new Set(rows.map((r) => r.key));
  return {
    "calls of one claim recorded twice (calls_task_claim)": await count(
      "select task_id, started_at from calls where task_id is not null group by 1, 2 having count(*) > 1",
    ),
    "cases with two claimed tasks": await count(
      "select case_id from call_tasks where status = 'claimed' group by 1 having count(*) > 1",
    ),
    "tasks still claimed after the run": await count(
      "select 1 from call_tasks where status = 'claimed'",
    ),
    "calls by an agent who did not hold the task": [...recorded].filter((k) => !claims.has(k))
      .length,
    "dispositions sent with no call row": [...claims].filter((k) => !recorded.has(k)).length,
  };
}

/**
 * CPU used so far (ms) by this PostgreSQL cluster (the postmaster, its live
 * children, and the children it has reaped) and by this Node process. Linux
 * /proc, 100 ticks a second.
 */
export function cpuMs(dataDir: string): { postgres: number; node: number } {
  const stat = (pid: string) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      // After the name: state ppid … utime(14) stime(15) cutime(16) cstime(17), counted from 3.
      return { ppid: fields[1], ticks: fields.slice(11, 15).map(Number) };
    } catch {
      return null;
    }
  };
  const pidFile = path.join(dataDir, "pg", "postmaster.pid");
  const postmaster = readFileSync(pidFile, "utf8").split("\n")[0]!;
  let ticks = (stat(postmaster)?.ticks ?? []).reduce((a, b) => a + b, 0);
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    const s = stat(pid);
    if (s?.ppid === postmaster) ticks += (s.ticks[0] ?? 0) + (s.ticks[1] ?? 0);
  }
  const own = process.cpuUsage();
  return { postgres: ticks * 10, node: (own.user + own.system) / 1000 };
}

export function percentiles(
  values: readonly number[],
): Record<"p50" | "p95" | "p99" | "max", number> {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}

/** A small deterministic generator (an LCG): the same run draws the same outcomes. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    return a / 2 ** 32;
  };
}
