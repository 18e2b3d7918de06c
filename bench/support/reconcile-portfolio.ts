/**
 * Helpers for bench/reconcile: one Italian tenant with payment details, N debtors,
 * N open cases SAL-00000001… and one open invoice each, built set-based with
 * generate_series (no import pipeline); the chosen cases read back for the
 * statement; and the invariants checked after the import.
 */
import { performance } from "node:perf_hooks";
import type pg from "pg";

/** The tenant's payment details, as the channels module stores them. */
export const RECONCILE_CHANNEL_SETTINGS = {
  payment: {
    iban: "IT60X0542811101000000123456",
    pagoPa: { creditorFiscalCode: "01234567890", segregationCode: "02" },
  },
};

const FIRST_NAMES =
  "Mario,Luca,Giuseppe,Giovanni,Marco,Francesco,Alessandro,Andrea,Matteo,Lorenzo,Stefano,Paolo,Roberto,Davide,Simone,Antonio,Salvatore,Vincenzo,Fabio,Riccardo,Giulia,Francesca,Chiara,Sara,Anna,Laura,Valentina,Elena,Alessandra,Martina,Federica,Silvia,Maria,Paola,Roberta,Elisa,Ilaria,Claudia,Monica,Barbara".split(
    ",",
  );
const LAST_NAMES =
  "Rossi,Russo,Ferrari,Esposito,Bianchi,Romano,Colombo,Ricci,Marino,Greco,Bruno,Gallo,Conti,De Luca,Mancini,Costa,Giordano,Rizzo,Lombardi,Moretti,Barbieri,Fontana,Santoro,Mariani,Rinaldi,Caruso,Ferrara,Galli,Martini,Leone,Longo,Gentile,Martinelli,Vitale,Lombardo,Serra,Coppola,De Santis,D'Angelo,Marchetti,Parisi,Villa,Conte,Ferraro,Ferri,Fabbri,Bianco,Marini,Grasso,Valentini,Messina,Sala,De Angelis,Gatti,Pellegrini,Palumbo,Sanna,Farina,Rizzi,Monti".split(
    ",",
  );
const TRADES = "Impianti,Servizi,Costruzioni,Trasporti,Commerciale,Edilizia".split(",");

export interface ReconcilePortfolio {
  tenantId: string;
  counts: Record<string, number>;
}

/**
 * `cases` debtors (90% people "Nome Cognome" from 40 × 60 Italian names, 10%
 * companies "Cognome Attività S.r.l."), one open case each with reference
 * 'SAL-' || lpad(n, 8, '0') and one open invoice of 10.00–2,000.00 EUR
 * (pseudo-random from hashint4 with a fixed seed). Then VACUUM (FREEZE,
 * ANALYZE) and a checkpoint, so the import does not pay for hint bits.
 */
export async function loadReconcilePortfolio(
  pool: pg.Pool,
  options: { cases: number; seed: number; now: Date; log: (m: string) => void },
): Promise<ReconcilePortfolio> {
  const { cases, seed, now, log } = options;
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const t = performance.now();
    const result = await pool.query(sql, params);
    log(`  ${label}: ${result.rowCount ?? 0} rows, ${Math.round(performance.now() - t)} ms`);
    return result;
  };
  const { rows } = await pool.query<{ id: string }>(
    `insert into tenants (slug, name, legal_name, vat_number, country, time_zone)
     values ('bench-reconcile', 'Bench Reconcile', 'Bench Reconcile S.p.A.', '01234567890', 'IT',
       'Europe/Rome')
     returning id`,
  );
  const tenantId = rows[0]!.id;
  await pool.query("insert into tenant_channel_settings (tenant_id, settings) values ($1, $2)", [
    tenantId,
    JSON.stringify(RECONCILE_CHANNEL_SETTINGS),
  ]);
  // One row per debtor with every derived value, so the three tables agree.
  // hashint4 is stable across servers; shifting it to 0..2^32-1 avoids abs(-2^31).
  await step(
    "plan",
    `create unlogged table bench_plan as
     select g, md5('d' || g)::uuid as debtor_id, md5('c' || g)::uuid as case_id,
       hashint4(g + $2)::bigint + 2147483648 as h1,
       hashint4(g * 7 + $2)::bigint + 2147483648 as h2,
       hashint4(g * 13 + $2)::bigint + 2147483648 as h3
     from generate_series(1, $1::int) g`,
    [cases, seed],
  );
  await step(
    "debtors",
    `insert into debtors (id, tenant_id, external_id, kind, name, first_name, last_name, tax_code)
     select debtor_id, $1, 'C' || g, case when company then 'company' else 'person' end,
       case when company then last || ' ' || trade || ' S.r.l.' else first || ' ' || last end,
       case when not company then first end, case when not company then last end,
       'K' || lpad(g::text, 10, '0')
     from (select g, debtor_id, h1 % 10 = 0 as company,
             ($2::text[])[1 + (h1 / 10) % cardinality($2::text[])] as first,
             ($3::text[])[1 + (h1 / 1000) % cardinality($3::text[])] as last,
             ($4::text[])[1 + (h1 / 100000) % cardinality($4::text[])] as trade
           from bench_plan) p`,
    [tenantId, FIRST_NAMES, LAST_NAMES, TRADES],
  );
  await step(
    "cases",
    `insert into cases (id, tenant_id, debtor_id, reference, stage, status, opened_at,
       next_evaluation_at, evaluated_at)
     select case_id, $1, debtor_id, 'SAL-' || lpad(g::text, 8, '0'),
       case when h3 % 3 = 0 then 'pre_due' when h3 % 3 = 1 then 'early' else 'late' end, 'open',
       $2::timestamptz - make_interval(days => 30 + (h3 % 90)::int),
       $2::timestamptz + make_interval(secs => 60 + (h3 % (30 * 86400))::int),
       $2::timestamptz - interval '1 day'
     from bench_plan`,
    [tenantId, now],
  );
  await step("reference sequence", "select setval('case_reference_seq', $1::bigint)", [cases]);
  await step(
    "invoices",
    `insert into invoices (tenant_id, debtor_id, case_id, external_id, number, issue_date, due_date,
       amount_minor, open_amount_minor, currency)
     select $1, debtor_id, case_id, 'F' || g, 'F' || g,
       $2::date - (60 + h3 % 90)::int, $2::date - (30 + h3 % 90)::int,
       1000 + h2 % 199001, 1000 + h2 % 199001, 'EUR'
     from bench_plan`,
    [tenantId, now.toISOString().slice(0, 10)],
  );
  await step("drop plan", "drop table bench_plan");
  await step("vacuum analyze", "vacuum (freeze, analyze)");
  await step("checkpoint", "checkpoint");
  return { tenantId, counts: await countRows(pool, ["debtors", "cases", "invoices"]) };
}

export interface ChosenCase {
  caseNumber: number;
  reference: string;
  debtorName: string;
  openAmountMinor: bigint;
}

/** The chosen cases as stored: reference, debtor's name and open amount (one invoice each). */
export async function readChosenCases(
  pool: pg.Pool,
  tenantId: string,
  caseNumbers: readonly number[],
): Promise<Map<number, ChosenCase>> {
  const { rows } = await pool.query<{
    n: number;
    reference: string;
    name: string;
    open: bigint;
  }>(
    `select x.n, c.reference, d.name, sum(i.open_amount_minor)::bigint as open
     from unnest($2::int[]) as x(n)
     join cases c on c.reference = 'SAL-' || lpad(x.n::text, 8, '0') and c.tenant_id = $1
     join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
     join invoices i on i.case_id = c.id and i.status = 'open'
     group by x.n, c.reference, d.name`,
    [tenantId, caseNumbers],
  );
  return new Map(
    rows.map((r) => [
      r.n,
      { caseNumber: r.n, reference: r.reference, debtorName: r.name, openAmountMinor: r.open },
    ]),
  );
}

export async function countRows(pool: pg.Pool, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await pool.query<{ n: string }>(`select count(*)::text as n from ${table}`);
    counts[table] = Number(rows[0]?.n);
  }
  return counts;
}

export interface LedgerFigures {
  payments: number;
  allocated: number;
  unmatched: number;
  paymentsMinor: bigint;
  allocationsMinor: bigint;
  invoicePartMinor: bigint;
  creditMinor: bigint;
  invoicesPaidDownMinor: bigint;
  closedCases: number;
  timelineEvents: number;
  domainEvents: number;
}

/** Totals that must agree after the import: what came in, the ledger, and the invoices it paid. */
export async function ledgerFigures(pool: pg.Pool, tenantId: string): Promise<LedgerFigures> {
  const { rows } = await pool.query(
    `select
       (select count(*) from payments where tenant_id = $1) as payments,
       (select count(*) from payments where tenant_id = $1 and status = 'allocated') as allocated,
       (select count(*) from payments where tenant_id = $1 and status = 'unmatched') as unmatched,
       (select coalesce(sum(amount_minor), 0) from payments
        where tenant_id = $1 and status = 'allocated') as payments_minor,
       (select coalesce(sum(amount_minor), 0) from payment_allocations where tenant_id = $1)
         as allocations_minor,
       (select coalesce(sum(amount_minor), 0) from payment_allocations
        where tenant_id = $1 and kind = 'invoice') as invoice_part_minor,
       (select coalesce(sum(amount_minor), 0) from payment_allocations
        where tenant_id = $1 and kind = 'credit') as credit_minor,
       (select coalesce(sum(amount_minor - open_amount_minor), 0) from invoices where tenant_id = $1)
         as invoices_paid_down_minor,
       (select count(*) from cases where tenant_id = $1 and status = 'closed') as closed_cases,
       (select count(*) from case_events where tenant_id = $1) as timeline_events,
       (select count(*) from domain_events where tenant_id = $1) as domain_events`,
    [tenantId],
  );
  const r = rows[0] as Record<string, bigint>;
  return {
    payments: Number(r.payments),
    allocated: Number(r.allocated),
    unmatched: Number(r.unmatched),
    paymentsMinor: BigInt(r.payments_minor ?? 0),
    allocationsMinor: BigInt(r.allocations_minor ?? 0),
    invoicePartMinor: BigInt(r.invoice_part_minor ?? 0),
    creditMinor: BigInt(r.credit_minor ?? 0),
    invoicesPaidDownMinor: BigInt(r.invoices_paid_down_minor ?? 0),
    closedCases: Number(r.closed_cases),
    timelineEvents: Number(r.timeline_events),
    domainEvents: Number(r.domain_events),
  };
}

/**
 * Each payment against the case its entry meant (the end-to-end id carries the
 * entry number): matched there, matched elsewhere (must be 0), left unmatched.
 */
export async function matchAccuracy(
  pool: pg.Pool,
  tenantId: string,
  intended: ReadonlyMap<number, { kind: string; reference: string | null }>,
): Promise<Array<{ kind: string; entries: number; right: number; wrong: number; left: number }>> {
  const numbers = [...intended.keys()];
  const { rows } = await pool.query<{
    kind: string;
    entries: string;
    right: string;
    wrong: string;
    left: string;
  }>(
    `select x.kind, count(*)::text as entries,
       count(*) filter (where c.reference = x.reference)::text as right,
       count(*) filter (where p.case_id is not null
         and c.reference is distinct from x.reference)::text as wrong,
       count(*) filter (where p.case_id is null)::text as left
     from unnest($2::int[], $3::text[], $4::text[]) as x(n, kind, reference)
     left join payments p on p.tenant_id = $1 and p.end_to_end_id = 'BENCH-' || x.n
     left join cases c on c.id = p.case_id
     group by x.kind order by count(*) desc`,
    [
      tenantId,
      numbers,
      numbers.map((n) => intended.get(n)!.kind),
      numbers.map((n) => intended.get(n)!.reference),
    ],
  );
  return rows.map((r) => ({
    kind: r.kind,
    entries: Number(r.entries),
    right: Number(r.right),
    wrong: Number(r.wrong),
    left: Number(r.left),
  }));
}
