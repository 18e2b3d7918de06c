/**
 * Helpers for bench/sweep: a synthetic portfolio built set-based with
 * generate_series (no import pipeline), the reset that makes the same cases due
 * again, and a pool wrapper that times every statement the sweep sends.
 */
import { performance } from "node:perf_hooks";
import type pg from "pg";
import { installDefaultStrategies } from "../src/modules/strategies/store/strategy-versions";
import type { Database } from "../src/platform/db/database";

export interface Portfolio {
  tenants: { policy: string; preset: string };
  cases: number;
  due: number;
  counts: Record<string, number>;
  timings: Record<string, number>;
}

/**
 * Two tenants (A with a stored Italy policy, B with none: Italy by its
 * country), `cases` debtors with one open case each, 60% at A and 40% at B;
 * the first 10% of B's debtors are the same people (identities) as A's. Every
 * 50th debtor has no identity. Contact points: e-mail for 90%, a mobile for
 * ~90% (5% opted out of SMS), a postal address for half, PEC for a third of
 * companies; 0.5% have none. One invoice per case, a second for half, due
 * between 85 days ago and 14 days ahead. 70% of cases already run a strategy
 * version (steady state), 30% get one at the sweep. 2% are on a dispute hold.
 * A contact in the last 10 days for 20% of people (5% of them a conversation),
 * and for 2% four in the last 4 hours (the Italian cap: 4 a day). 1% live in
 * New York (before 08:30 there at `now`). Cases whose due date is at most 2
 * days past are still pre_due (the sweep moves them on).
 * next_evaluation_at: 10% of cases in the 2 days before `now`, the rest
 * up to 30 days after.
 */
export async function loadPortfolio(
  pool: pg.Pool,
  options: { cases: number; now: Date; log: (m: string) => void },
): Promise<Portfolio> {
  const { cases, now, log } = options;
  const nA = Math.round(cases * 0.6);
  const nB = cases - nA;
  const shared = Math.round(cases * 0.1);
  const timings: Record<string, number> = {};
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const t = performance.now();
    const result = await pool.query(sql, params);
    timings[label] = Math.round(performance.now() - t);
    log(`  ${label}: ${result.rowCount ?? 0} rows, ${timings[label]} ms`);
    return result;
  };

  const tenants = await pool.query<{ id: string; slug: string }>(
    `insert into tenants (slug, name, legal_name, country, time_zone)
     values ('bench-a', 'Bench A', 'Bench A S.p.A.', 'IT', 'Europe/Rome'),
            ('bench-b', 'Bench B', 'Bench B S.r.l.', 'IT', 'Europe/Rome')
     returning id, slug`,
  );
  const tenantA = tenants.rows.find((t) => t.slug === "bench-a")!.id;
  const tenantB = tenants.rows.find((t) => t.slug === "bench-b")!.id;
  await pool.query(
    "insert into tenant_policies (tenant_id, preset, overrides) values ($1, 'IT', '{}')",
    [tenantA],
  );
  for (const tenantId of [tenantA, tenantB]) {
    const client = await pool.connect();
    try {
      await client.query("begin");
      await installDefaultStrategies(client, tenantId);
      await client.query("commit");
    } finally {
      client.release();
    }
  }

  // One row per debtor with every derived value, so all tables agree.
  await step(
    "plan",
    `create unlogged table bench_people as
     select t.no as tenant_no, t.id as tenant_id, g, i.ident,
       md5('d' || t.no || ':' || g)::uuid as debtor_id,
       md5('c' || t.no || ':' || g)::uuid as case_id,
       case when g % 50 = 7 then null else md5('i' || i.ident)::uuid end as identity_id,
       case when i.ident % 10 = 0 then 'company' else 'person' end as kind,
       abs(hashint4(g * 7 + t.no)) % 10 = 0 as due,
       abs(hashint4(g * 11 + t.no)) % 100 - 85 as due_offset,
       abs(hashint4(g * 13 + t.no)) as h
     from (values (1, $1::uuid, $3::int), (2, $2::uuid, $4::int)) as t(no, id, n)
       cross join lateral generate_series(1, t.n) g
       cross join lateral (select case when t.no = 1 or g <= $5 then g else $3 + g end as ident) i`,
    [tenantA, tenantB, nA, nB, shared],
  );
  await step(
    "identities",
    `insert into identities (id, kind, tax_key)
     select distinct on (ident) identity_id, kind, 'K' || lpad(ident::text, 10, '0')
     from bench_people where identity_id is not null order by ident`,
  );
  await step(
    "debtors",
    `insert into debtors (id, tenant_id, external_id, identity_id, kind, name, first_name, last_name,
       tax_code, language, time_zone, segment, risk_class)
     select debtor_id, tenant_id, 'C' || g, identity_id, kind,
       case when kind = 'company' then 'Impresa ' || g || ' S.r.l.' else 'Nome' || g || ' Cognome' || g end,
       case when kind = 'person' then 'Nome' || g end, case when kind = 'person' then 'Cognome' || g end,
       'K' || lpad(ident::text, 10, '0'),
       case when g % 10 = 3 then 'en' else 'it' end,
       case when g % 100 = 42 then 'America/New_York' end,
       case when h % 4 = 0 then 'utility' end,
       (array['A', 'B', 'C'])[1 + h % 3]
     from bench_people`,
  );
  await step(
    "contact points",
    `insert into contact_points (tenant_id, debtor_id, kind, value, phone_type, address, opt_out)
     select tenant_id, debtor_id, 'email', 'p' || g || '@example.it', null::text, null::jsonb, '{}'::jsonb
       from bench_people where g % 10 <> 9
     union all
     select tenant_id, debtor_id, 'phone', '+39347' || lpad(g::text, 7, '0'), 'mobile', null,
       case when g % 20 = 1 then jsonb_build_object('sms', $1::timestamptz) else '{}'::jsonb end
       from bench_people where g % 10 <> 4 and g % 200 <> 99
     union all
     select tenant_id, debtor_id, 'postal', 'Via Roma ' || g || ', 20121 Milano (MI), IT', null,
       jsonb_build_object('line1', 'Via Roma ' || g, 'postalCode', '20121', 'city', 'Milano',
         'province', 'MI', 'country', 'IT'), '{}'::jsonb
       from bench_people where g % 2 = 0
     union all
     select tenant_id, debtor_id, 'pec', 'p' || g || '@pec.example.it', null, null, '{}'::jsonb
       from bench_people where kind = 'company' and g % 3 = 0`,
    [now],
  );
  await step(
    "cases",
    `insert into cases (id, tenant_id, debtor_id, reference, stage, status, hold_reasons, opened_at,
       next_evaluation_at, evaluated_at)
     select case_id, tenant_id, debtor_id, 'B' || tenant_no || '-' || g,
       case when due_offset >= -2 then 'pre_due' when due_offset > -30 then 'early' else 'late' end,
       'open', case when g % 50 = 13 then '{dispute}'::text[] else '{}' end,
       $1::date + due_offset - 40,
       case when due then $2::timestamptz - make_interval(secs => h % 172800)
            else $2::timestamptz + make_interval(secs => 60 + h % (30 * 86400)) end,
       $2::timestamptz - interval '1 day'
     from bench_people`,
    [isoDate(now), now],
  );
  await step(
    "invoices",
    `insert into invoices (tenant_id, debtor_id, case_id, external_id, number, issue_date, due_date,
       amount_minor, open_amount_minor, currency)
     select tenant_id, debtor_id, case_id, 'F' || g || '-' || k, 'F' || g || '-' || k,
       $1::date + due_offset + (k - 1) * 30 - 30, $1::date + due_offset + (k - 1) * 30,
       1000 + (h / (k + 1)) % 300000, 1000 + (h / (k + 1)) % 300000, 'EUR'
     from bench_people cross join lateral generate_series(1, 1 + (g % 2 = 0)::int) k`,
    [isoDate(now)],
  );
  await step(
    "case events",
    `insert into case_events (tenant_id, case_id, at, type, actor, data)
     select tenant_id, case_id, $1::date + due_offset - 40, 'case.opened', 'import', '{}'::jsonb
     from bench_people`,
    [isoDate(now)],
  );
  await step(
    "contact history",
    `insert into contact_events (tenant_id, case_id, identity_id, debtor_id, channel, kind, at)
     select tenant_id, case_id, identity_id, debtor_id,
       case when h % 100 < 5 then 'call' when h % 2 = 0 then 'email' else 'sms' end,
       case when h % 100 < 5 then 'conversation' else 'attempt' end,
       $1::timestamptz - make_interval(secs => 3600 + (h / 7) % (10 * 86400))
     from bench_people where (h / 3) % 5 = 0
     union all
     select tenant_id, case_id, identity_id, debtor_id, case when k % 2 = 0 then 'email' else 'sms' end,
       'attempt', $1::timestamptz - make_interval(secs => k * 3600)
     from bench_people cross join generate_series(1, 4) k where (h / 3) % 50 = 1`,
    [now],
  );
  // Steady state: most cases already run the default strategy for their kind.
  await step(
    "assign strategies",
    `update cases c set strategy_version_id = v.id,
       variant = case when s.key = 'consumer-utility' and p.h % 5 = 0 then 'sms_first' else 'champion' end
     from bench_people p
       join strategies s on s.tenant_id = p.tenant_id
         and s.key = case when p.kind = 'company' then 'b2b-supplier' else 'consumer-utility' end
       join strategy_versions v on v.strategy_id = s.id and v.version = 1
     where c.id = p.case_id and (p.h / 11) % 10 < 7`,
  );
  await step("drop plan", "drop table bench_people");
  await step("vacuum analyze", "vacuum (freeze, analyze)");
  await step("checkpoint", "checkpoint");

  const counts: Record<string, number> = {};
  for (const table of [
    "identities",
    "debtors",
    "contact_points",
    "cases",
    "invoices",
    "case_events",
    "contact_events",
  ]) {
    const { rows } = await pool.query<{ n: string }>(`select count(*)::text as n from ${table}`);
    counts[table] = Number(rows[0]?.n);
  }
  const { rows } = await pool.query<{ n: string }>(
    "select count(*)::text as n from cases where status <> 'closed' and next_evaluation_at <= $1",
    [now],
  );
  return {
    tenants: { policy: tenantA, preset: tenantB },
    cases,
    due: Number(rows[0]?.n),
    counts,
    timings,
  };
}

/** Remembers the due cases as they are, and the high-water marks of the append-only tables. */
export async function snapshotDue(pool: pg.Pool, now: Date): Promise<void> {
  await pool.query(
    `create table bench_due as
     select id, stage, strategy_version_id, variant, next_evaluation_at, evaluated_at, updated_at
     from cases where status <> 'closed' and next_evaluation_at <= $1`,
    [now],
  );
  await pool.query(
    `create table bench_marks as select
       (select coalesce(max(id), 0) from case_events) as case_events,
       (select coalesce(max(id), 0) from contact_events) as contact_events`,
  );
}

/** Undoes a sweep: the due cases as they were, and nothing it wrote. */
export async function resetDue(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    await client.query(
      `update cases c set stage = d.stage, strategy_version_id = d.strategy_version_id,
         variant = d.variant, next_evaluation_at = d.next_evaluation_at,
         evaluated_at = d.evaluated_at, updated_at = d.updated_at
       from bench_due d where c.id = d.id`,
    );
    await client.query("delete from case_actions");
    await client.query(
      "delete from contact_events where id > (select contact_events from bench_marks)",
    );
    // The timeline is append-only by trigger; the benchmark's throwaway copy may undo itself.
    await client.query("alter table case_events disable trigger case_events_append_only");
    await client.query("delete from case_events where id > (select case_events from bench_marks)");
    await client.query("alter table case_events enable trigger case_events_append_only");
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  await pool.query("vacuum analyze cases, case_actions, contact_events, case_events");
  await pool.query("checkpoint");
}

export interface PhaseTimes {
  /** Per statement kind: total ms, calls, rows. */
  phases: Map<string, { ms: number; calls: number; rows: number }>;
  /** The claim's duration, batch by batch. */
  claims: number[];
  /** Time spent waiting for a pool connection. */
  connectMs: number;
}

const KINDS: Array<[RegExp, string]> = [
  [/^\s*with due as/, "claim due cases"],
  [/saldo\.person:/, "lock people"],
  [/saldo\.strategies:|from strategies where|insert into strateg/, "install strategies"],
  [/from strategy_versions v join strategies/, "load strategy versions"],
  [/from tenant_policies/, "load tenant policies"],
  [/from case_actions/, "load case actions"],
  [/from contact_events/, "load contact history"],
  [/^\s*insert into case_actions/, "insert actions"],
  [/^\s*insert into contact_events/, "insert contact attempts"],
  [/^\s*insert into case_events/, "insert timeline"],
  [/^\s*update cases/, "update cases"],
  [/^(begin|commit|rollback)$/, "begin/commit"],
];

function kindOf(sql: string): string {
  for (const [pattern, kind] of KINDS) if (pattern.test(sql)) return kind;
  return "other";
}

type QueryFn = (text: unknown, ...rest: unknown[]) => Promise<{ rowCount: number | null }>;
type Recorder = (kind: string, ms: number, rows: number) => void;
const RECORD = Symbol("bench.record");

/**
 * The same database, but every statement sent through a client from
 * `pool.connect()` is timed by kind. The sweep's own code runs unchanged.
 */
export function timedDatabase(database: Database): { database: Database; times: PhaseTimes } {
  const times: PhaseTimes = { phases: new Map(), claims: [], connectMs: 0 };
  const record: Recorder = (kind, ms, rows) => {
    const entry = times.phases.get(kind) ?? { ms: 0, calls: 0, rows: 0 };
    entry.ms += ms;
    entry.calls++;
    entry.rows += rows;
    times.phases.set(kind, entry);
    if (kind === "claim due cases") times.claims.push(ms);
  };
  const instrument = (client: pg.PoolClient) => {
    const target = client as unknown as { query: QueryFn; [RECORD]?: Recorder };
    if (!target[RECORD]) {
      // Patched once per pooled client; the recorder of the latest wrapper wins.
      const original = target.query.bind(client) as QueryFn;
      target.query = (text: unknown, ...rest: unknown[]) => {
        // pool.query() passes a callback: only the promise style (the sweep's) is timed.
        if (typeof rest.at(-1) === "function") return original(text, ...rest);
        const sql = typeof text === "string" ? text : String((text as { text?: string }).text);
        const t = performance.now();
        return original(text, ...rest).then((result) => {
          target[RECORD]?.(kindOf(sql), performance.now() - t, result?.rowCount ?? 0);
          return result;
        });
      };
    }
    target[RECORD] = record;
    return client;
  };
  const pool = database.pool;
  const connect = async () => {
    const t = performance.now();
    const client = await pool.connect();
    times.connectMs += performance.now() - t;
    return instrument(client);
  };
  const proxied = new Proxy(pool, {
    get(target, property) {
      if (property === "connect") return connect;
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { database: { ...database, pool: proxied }, times };
}

export function isoDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
