import { describe, expect, it } from "vitest";
import { importStatement } from "../../src/modules/payments/app/import-statement";
import {
  caseCreditorReference,
  caseIuvBase,
  pagoPaNoticeNumber,
} from "../../src/modules/payments/domain";
import { unbalancedPayments } from "../../src/modules/payments/store/allocate-payments";
import { fixedClock } from "../../src/platform/clock";
import { camt053 } from "../support/camt-builder";
import { timelineOf } from "../support/channel-harness";
import { balanceOf, caseRow, seedPortfolio } from "../support/payment-harness";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();
const clock = fixedClock("2026-11-24T10:00:00Z");
const deps = { database, clock };

const importXml = (tenantId: string, xml: string, fileName = "statement.xml") =>
  importStatement(deps, { tenantId, fileName, content: Buffer.from(xml) });

const noticeOf = (reference: string) =>
  pagoPaNoticeNumber({
    segregationCode: "02",
    iuvBase: caseIuvBase(BigInt(reference.replace(/\D/g, ""))),
  });

describe("reconciling a bank statement", () => {
  it("matches by RF reference, pagoPA IUV, case reference in text and amount + name; the rest waits", async () => {
    const { tenantId, cases } = await seedPortfolio(database, [
      { name: "Mario Rossi", invoices: [{ amountMinor: 10_000n, dueDate: "2026-10-01" }] },
      { name: "Giulia Bianchi", invoices: [{ amountMinor: 20_000n, dueDate: "2026-10-05" }] },
      { name: "Luca Verdi", invoices: [{ amountMinor: 30_000n, dueDate: "2026-10-10" }] },
      { name: "Anna Neri", invoices: [{ amountMinor: 41_234n, dueDate: "2026-10-15" }] },
      { name: "Paolo Gialli", invoices: [{ amountMinor: 50_000n, dueDate: "2026-10-20" }] },
    ]);
    const [rossi, bianchi, verdi, neri, gialli] = cases as [
      (typeof cases)[0],
      (typeof cases)[0],
      (typeof cases)[0],
      (typeof cases)[0],
      (typeof cases)[0],
    ];
    const xml = camt053({
      entries: [
        {
          bankRef: "B1",
          amountMinor: 10_000n,
          rf: caseCreditorReference(rossi.reference),
          payerName: "ROSSI MARIO",
        },
        {
          bankRef: "B2",
          amountMinor: 20_000n,
          rf: noticeOf(bianchi.reference).slice(1),
          payerName: "Bianchi G.",
        },
        {
          bankRef: "B3",
          amountMinor: 5_000n,
          remittance: `Acconto pratica ${verdi.reference} grazie`,
          payerName: "L. Verdi",
        },
        {
          bankRef: "B4",
          amountMinor: 41_234n,
          remittance: "saldo fattura",
          payerName: "NERI ANNA",
        },
        { bankRef: "B5", amountMinor: 12_345n, remittance: "bonifico", payerName: "Someone Else" },
        { bankRef: "B6", amountMinor: 999n, direction: "debit", remittance: "commissioni" },
      ],
    });
    const result = await importXml(tenantId, xml);
    expect(result).toMatchObject({
      credits: 5,
      duplicates: 0,
      matched: 4,
      unmatched: 1,
      closedCases: 3,
    });
    expect(await balanceOf(database, rossi.caseId)).toBe(0n);
    expect(await balanceOf(database, bianchi.caseId)).toBe(0n);
    expect(await balanceOf(database, verdi.caseId)).toBe(25_000n);
    expect(await balanceOf(database, neri.caseId)).toBe(0n);
    expect(await balanceOf(database, gialli.caseId)).toBe(50_000n);
    const { rows } = await database.pool.query(
      "select p.match_method, p.match_confidence, p.status, c.reference from payments p left join cases c on c.id = p.case_id where p.tenant_id = $1 order by p.statement_line",
      [tenantId],
    );
    expect(rows.map((r) => [r.match_method, r.reference])).toEqual([
      ["rf", rossi.reference],
      ["iuv", bianchi.reference],
      ["case_reference", verdi.reference],
      ["amount_name", neri.reference],
      [null, null],
    ]);
    expect(rows[4]).toMatchObject({ status: "unmatched" });
    expect(await unbalancedPayments(database.pool, tenantId)).toEqual([]);
  });

  it("books nothing twice when the same statement, or an overlapping one, is imported again", async () => {
    const { tenantId, cases } = await seedPortfolio(database, [
      { name: "Carla Blu", invoices: [{ amountMinor: 30_000n, dueDate: "2026-10-01" }] },
    ]);
    const rf = caseCreditorReference(cases[0]!.reference);
    const first = camt053({ id: "DAY-1", entries: [{ bankRef: "X1", amountMinor: 10_000n, rf }] });
    const overlap = camt053({
      id: "DAY-1-2",
      entries: [
        { bankRef: "X1", amountMinor: 10_000n, rf },
        { bankRef: "X2", amountMinor: 5_000n, rf, bookingDate: "2026-11-24" },
      ],
    });
    expect(await importXml(tenantId, first)).toMatchObject({
      credits: 1,
      matched: 1,
      duplicates: 0,
    });
    expect(await importXml(tenantId, first)).toMatchObject({
      credits: 1,
      matched: 0,
      duplicates: 1,
    });
    expect(await importXml(tenantId, overlap)).toMatchObject({
      credits: 2,
      matched: 1,
      duplicates: 1,
    });
    expect(await balanceOf(database, cases[0]!.caseId)).toBe(15_000n);
    const { rows } = await database.pool.query(
      "select count(*)::int as n from payments where tenant_id = $1",
      [tenantId],
    );
    expect(rows[0].n).toBe(2);
  });

  it("two imports of the same statement at the same moment book each credit once", async () => {
    const { tenantId, cases } = await seedPortfolio(database, [
      { name: "Dario Fumo", invoices: [{ amountMinor: 50_000n, dueDate: "2026-10-01" }] },
    ]);
    const rf = caseCreditorReference(cases[0]!.reference);
    const xml = camt053({
      entries: Array.from({ length: 20 }, (_, i) => ({
        bankRef: `C${i}`,
        amountMinor: 1_000n,
        rf,
      })),
    });
    const results = await Promise.all([
      importXml(tenantId, xml, "a.xml"),
      importXml(tenantId, xml, "b.xml"),
    ]);
    expect(results.map((r) => r.matched).sort()).toEqual([0, 20]);
    expect(await balanceOf(database, cases[0]!.caseId)).toBe(30_000n);
    expect(await unbalancedPayments(database.pool, tenantId)).toEqual([]);
  });

  it("settles invoices oldest first, keeps an overpayment as credit, and the ledger balances", async () => {
    const { tenantId, cases } = await seedPortfolio(database, [
      {
        name: "Elena Viola",
        invoices: [
          { amountMinor: 7_000n, dueDate: "2026-09-01" },
          { amountMinor: 3_000n, dueDate: "2026-08-01" },
          { amountMinor: 5_000n, dueDate: "2026-10-01" },
        ],
      },
    ]);
    const rf = caseCreditorReference(cases[0]!.reference);
    await importXml(tenantId, camt053({ entries: [{ bankRef: "O1", amountMinor: 4_000n, rf }] }));
    const { rows: open } = await database.pool.query(
      "select due_date, open_amount_minor, status from invoices where case_id = $1 order by due_date",
      [cases[0]!.caseId],
    );
    expect(open.map((r) => [r.due_date, r.open_amount_minor, r.status])).toEqual([
      ["2026-08-01", 0n, "paid"],
      ["2026-09-01", 6_000n, "open"],
      ["2026-10-01", 5_000n, "open"],
    ]);
    await importXml(tenantId, camt053({ entries: [{ bankRef: "O2", amountMinor: 12_000n, rf }] }));
    const { rows: ledger } = await database.pool.query(
      "select a.kind, a.amount_minor from payment_allocations a join payments p on p.id = a.payment_id where p.tenant_id = $1 and p.amount_minor = 12000 order by a.kind desc, a.amount_minor desc",
      [tenantId],
    );
    expect(ledger.map((r) => [r.kind, r.amount_minor])).toEqual([
      ["invoice", 6_000n],
      ["invoice", 5_000n],
      ["credit", 1_000n],
    ]);
    expect((await caseRow(database, cases[0]!.caseId)).status).toBe("closed");
    expect(await unbalancedPayments(database.pool, tenantId)).toEqual([]);
  });

  it("closes a paid case at once: pending contacts are withdrawn and payment.received and case.closed fire", async () => {
    const { tenantId, cases } = await seedPortfolio(database, [
      {
        name: "Sara Rosa",
        invoices: [{ amountMinor: 8_000n, dueDate: "2026-11-01" }],
        email: "sara@example.org",
      },
    ]);
    const { caseId, reference } = cases[0]!;
    await database.pool.query(
      `insert into case_actions (tenant_id, case_id, idempotency_key, step_id, attempt, channel, template, status, due_at)
       values ($1, $2, $3, 'reminder', 1, 'email', 'reminder.first', 'scheduled', '2026-11-25T09:00:00Z')`,
      [tenantId, caseId, `k-${caseId}`],
    );
    await importXml(
      tenantId,
      camt053({
        entries: [{ bankRef: "S1", amountMinor: 8_000n, rf: caseCreditorReference(reference) }],
      }),
    );
    expect(await caseRow(database, caseId)).toMatchObject({
      status: "closed",
      stage: "closed",
      close_reason: "paid",
    });
    const { rows: actions } = await database.pool.query(
      "select status from case_actions where case_id = $1",
      [caseId],
    );
    expect(actions.map((a) => a.status)).toEqual(["cancelled"]);
    const { rows: events } = await database.pool.query(
      "select type from domain_events where tenant_id = $1 order by id",
      [tenantId],
    );
    expect(events.map((e) => e.type)).toEqual(["payment.received", "case.closed"]);
    const timeline = (await timelineOf(database, caseId)).map((e) => e.type);
    expect(timeline).toEqual(expect.arrayContaining(["payment.received", "case.closed"]));
  });

  it("a reversal undoes the allocation and reopens the case where it stood", async () => {
    const { tenantId, cases } = await seedPortfolio(database, [
      { name: "Marco Oro", invoices: [{ amountMinor: 6_000n, dueDate: "2026-10-01" }] },
    ]);
    const { caseId, reference } = cases[0]!;
    const rf = caseCreditorReference(reference);
    const stageBefore = (await caseRow(database, caseId)).stage;
    await importXml(
      tenantId,
      camt053({
        entries: [
          {
            bankRef: "R1",
            amountMinor: 6_000n,
            rf,
            endToEndId: "E2E-77",
            payerIban: "IT60X0542811101000000123456",
          },
        ],
      }),
    );
    expect((await caseRow(database, caseId)).status).toBe("closed");
    const returned = camt053({
      entries: [
        {
          bankRef: "R2",
          amountMinor: 6_000n,
          direction: "debit",
          reversal: true,
          endToEndId: "E2E-77",
          returnReason: "AC04",
        },
      ],
    });
    expect(await importXml(tenantId, returned)).toMatchObject({ reversals: 1 });
    expect(await importXml(tenantId, returned)).toMatchObject({ reversals: 0 });
    expect(await balanceOf(database, caseId)).toBe(6_000n);
    expect(await caseRow(database, caseId)).toMatchObject({ status: "open", stage: stageBefore });
    const { rows } = await database.pool.query(
      "select status, reversal_reason from payments where tenant_id = $1",
      [tenantId],
    );
    expect(rows).toEqual([{ status: "reversed", reversal_reason: "returned (AC04)" }]);
    expect(await unbalancedPayments(database.pool, tenantId)).toEqual([]);
  });
});
