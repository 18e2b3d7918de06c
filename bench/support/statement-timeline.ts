/**
 * For bench/reconcile: the same database, but every statement a use case sends
 * through `pool.connect()` clients is timed and named, in order, so one run says
 * where an import's time goes without touching its code. With `explainOverMs`,
 * each such client also loads auto_explain: statements slower than that have
 * their EXPLAIN ANALYZE plan written to the server log.
 */
import { performance } from "node:perf_hooks";
import type pg from "pg";
import type { Database } from "../../src/platform/db/database";

export interface TimedStatement {
  label: string;
  /** performance.now() at the start. */
  at: number;
  ms: number;
  rows: number;
}

export interface Timeline {
  statements: TimedStatement[];
  /** When the first client was handed out (the transaction's start). */
  firstConnectAt?: number;
  connectMs: number;
}

/** Names for the statements of a statement import; anything else is named by its first words. */
const LABELS: Array<[RegExp, string]> = [
  [/^(begin|commit|rollback)$/, "begin/commit"],
  [/^insert into statement_imports/, "record the import"],
  [/^update statement_imports/, "record the counts"],
  [/^create temporary table staged_tx/, "stage: create temp tables"],
  [/^insert into staged_tx_keys/, "stage: insert case keys"],
  [/^insert into staged_tx/, "stage: insert transactions"],
  [/^analyze staged_tx/, "stage: analyze"],
  [/^insert into payments/, "book new credits"],
  [/k\.method, k\.confidence/, "match: keyed candidates"],
  [/'amount_name' as method/, "match: same-amount candidates"],
  [/^select id, payer_name from payments/, "match: payments to match"],
  [/from plans pl join plan_installments/, "match: live installments"],
  [/^update payments p set case_id/, "match: record matches"],
  [/^select id, case_id, amount_minor from payments/, "settle: portions"],
  [/^select id from cases where id = any.*for (no key )?update$/, "settle: lock cases"],
  [/^create temporary table new_allocations/, "settle: compute allocations"],
  [/^insert into payment_allocations/, "settle: insert ledger rows"],
  [/^update invoices i set open_amount_minor/, "settle: update invoices"],
  [/join plans pl on pl\.case_id = p\.case_id/, "settle: payments on plans"],
  [/update sdd_collections sc set status = 'collected'/, "settle: collections"],
  [/^create temporary table received/, "settle: payment.received rows"],
  [/^insert into case_events .* from received/, "settle: timeline events"],
  [/^insert into domain_events .* from received/, "settle: domain events"],
  [/^update promises pr set paid_minor/, "settle: promises"],
  [/^update cases c set status = 'closed'/, "settle: close paid cases"],
  [/^update cases set next_evaluation_at/, "settle: re-evaluate the rest"],
  [/^delete from contact_events/, "close: withdraw contacts"],
  [/^update case_actions/, "close: cancel actions"],
  [/^update messages/, "close: suppress messages"],
  [/^update promises set status = 'kept'/, "close: promises kept"],
  [/^update plans set status/, "close: end plans"],
  [/^insert into case_events/, "close: timeline events"],
  [/^insert into domain_events/, "close: domain events"],
  [/from staged_tx s\s+left join lateral/, "reversals: find targets"],
  [/^drop table/, "drop temp tables"],
];

export function labelOf(sql: string): string {
  const text = sql.replace(/\s+/g, " ").trim();
  for (const [pattern, label] of LABELS) if (pattern.test(text)) return label;
  return text.slice(0, 48);
}

type QueryFn = (text: unknown, ...rest: unknown[]) => Promise<{ rowCount: number | null }>;
const RECORD = Symbol("bench.reconcile.record");

export function timedDatabase(
  database: Database,
  options: { explainOverMs?: number } = {},
): { database: Database; timeline: Timeline } {
  const timeline: Timeline = { statements: [], connectMs: 0 };
  const record = (entry: TimedStatement) => void timeline.statements.push(entry);
  const instrument = async (client: pg.PoolClient) => {
    const target = client as unknown as {
      query: QueryFn;
      [RECORD]?: (entry: TimedStatement) => void;
    };
    if (!target[RECORD]) {
      if (options.explainOverMs !== undefined) {
        await client.query(
          `load 'auto_explain'; set auto_explain.log_min_duration = ${Math.round(options.explainOverMs)};
           set auto_explain.log_analyze = on; set auto_explain.log_buffers = on;
           set auto_explain.log_parameter_max_length = 0; set auto_explain.log_triggers = on`,
        );
      }
      const original = target.query.bind(client) as QueryFn;
      target.query = (text: unknown, ...rest: unknown[]) => {
        if (typeof rest.at(-1) === "function") return original(text, ...rest);
        const sql = typeof text === "string" ? text : String((text as { text?: string }).text);
        const at = performance.now();
        return original(text, ...rest).then((result) => {
          const ms = performance.now() - at;
          target[RECORD]?.({ label: labelOf(sql), at, ms, rows: result?.rowCount ?? 0 });
          return result;
        });
      };
    }
    target[RECORD] = record;
    return client;
  };
  const pool = database.pool;
  const connect = async () => {
    const at = performance.now();
    timeline.firstConnectAt ??= at;
    const client = await pool.connect();
    timeline.connectMs += performance.now() - at;
    return instrument(client);
  };
  const proxied = new Proxy(pool, {
    get(target, property) {
      if (property === "connect") return connect;
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { database: { ...database, pool: proxied }, timeline };
}

/**
 * Where a use case's time went, from `start` to `end`: the part before it took a
 * connection (for an import: load the tenant, parse, flatten), then each kind of
 * statement in the order it first ran, then the JavaScript between statements.
 */
export function phaseLines(timeline: Timeline, start: number, end: number): string[] {
  const total = end - start;
  const share = (ms: number) => `${((100 * ms) / total).toFixed(1).padStart(5)}%`;
  const ms = (n: number) => Math.round(n).toLocaleString("en").padStart(8);
  const firstAt = timeline.firstConnectAt ?? end;
  const byLabel = new Map<string, { ms: number; calls: number; rows: number }>();
  for (const s of timeline.statements) {
    const entry = byLabel.get(s.label) ?? { ms: 0, calls: 0, rows: 0 };
    entry.ms += s.ms;
    entry.calls++;
    entry.rows += s.rows;
    byLabel.set(s.label, entry);
  }
  const lines = [
    `  ${"before the transaction".padEnd(32)} ${ms(firstAt - start)}  ${share(firstAt - start)}  load tenant, parse the file, flatten, find case keys`,
  ];
  for (const [label, p] of byLabel) {
    lines.push(
      `  ${label.padEnd(32)} ${ms(p.ms)}  ${share(p.ms)}  ${p.calls} calls, ${p.rows.toLocaleString("en")} rows`,
    );
  }
  const sqlMs = timeline.statements.reduce((n, s) => n + s.ms, 0);
  const restMs = end - firstAt - sqlMs - timeline.connectMs;
  lines.push(`  ${"pool connect".padEnd(32)} ${ms(timeline.connectMs)}`);
  lines.push(
    `  ${"JavaScript between statements".padEnd(32)} ${ms(restMs)}  ${share(restMs)}  parameters, decisions, rows to objects`,
  );
  return lines;
}
