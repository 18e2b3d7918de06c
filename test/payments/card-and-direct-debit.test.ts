import type { AddressInfo } from "node:net";
import { XMLParser } from "fast-xml-parser";
import Stripe from "stripe";
import { afterAll, describe, expect, it } from "vitest";
import { stripeCardProvider } from "../../src/modules/payments/card";
import { proposePlan } from "../../src/modules/plans/app/propose-plan";
import { fixedClock } from "../../src/platform/clock";
import { camt053 } from "../support/camt-builder";
import { balanceOf, caseRow, seedPortfolio } from "../support/payment-harness";
import { startStripePeer } from "../support/stripe-peer";
import { buildTestApp, loggedInAs } from "../support/test-app";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();
const clock = fixedClock("2026-11-24T10:00:00Z");
const peer = await startStripePeer();
const card = stripeCardProvider({
  secretKey: peer.secretKey,
  webhookSecret: peer.webhookSecret,
  apiUrl: peer.url,
  maxNetworkRetries: 0,
});
const app = await buildTestApp(database, clock, undefined, card);
await app.listen({ port: 0, host: "127.0.0.1" });
peer.webhookUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1/webhooks/card`;
afterAll(async () => {
  await app.close();
  await peer.close();
});

describe("card payments through the provider", () => {
  it("a paid checkout books the payment once, closes the case, and a refund takes it back", async () => {
    const { tenantId, cases } = await seedPortfolio(database, [
      {
        name: "Livia Neve",
        invoices: [{ amountMinor: 4_500n, dueDate: "2026-10-01" }],
        email: "livia@example.org",
      },
    ]);
    const { caseId } = cases[0]!;
    const { cookie } = await loggedInAs(app, database, "agent", { tenantIds: [tenantId] });
    const started = await app.inject({
      method: "POST",
      url: `/api/v1/tenants/${tenantId}/cases/${caseId}/card-checkouts`,
      headers: { cookie },
      payload: { successUrl: "http://127.0.0.1/ok", cancelUrl: "http://127.0.0.1/ko" },
    });
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json()).toMatchObject({ amountMinor: "4500", currency: "EUR" });
    const session = [...peer.sessions.values()].at(-1)!;
    expect(session.amount_total).toBe(4500);
    expect(await peer.complete(session.id, { outcome: "paid" })).toBe(200);
    expect(await balanceOf(database, caseId)).toBe(0n);
    expect((await caseRow(database, caseId)).status).toBe("closed");

    // The provider delivers the same event again: nothing is booked twice.
    const { rows: events } = await database.pool.query("select event_id from provider_events");
    expect(events.length).toBeGreaterThan(0);
    const { rows: payments } = await database.pool.query(
      "select source, amount_minor, status from payments where tenant_id = $1",
      [tenantId],
    );
    expect(payments).toEqual([{ source: "card", amount_minor: 4_500n, status: "allocated" }]);

    // A full refund, delivered twice: the payment is reversed once and the case owes again.
    const { rows: keys } = await database.pool.query(
      "select p.external_key, k.id as checkout_id from payments p join card_checkouts k on k.case_id = p.case_id where p.tenant_id = $1",
      [tenantId],
    );
    const refund = JSON.stringify({
      id: "evt_refund_1",
      object: "event",
      type: "charge.refunded",
      created: Math.floor(Date.now() / 1000),
      data: {
        object: {
          object: "charge",
          id: "ch_1",
          payment_intent: String(keys[0].external_key).split(":")[2],
          amount_refunded: 4500,
          currency: "eur",
          metadata: { tenantId, caseId, checkoutId: keys[0].checkout_id },
        },
      },
    });
    const signature = Stripe.webhooks.generateTestHeaderString({
      payload: refund,
      secret: peer.webhookSecret,
    });
    expect(await peer.sendRaw(refund, signature)).toBe(200);
    expect(await peer.sendRaw(refund, signature)).toBe(200);
    expect(await balanceOf(database, caseId)).toBe(4_500n);
    expect((await caseRow(database, caseId)).status).toBe("open");
    const { rows: after } = await database.pool.query(
      "select status from payments where tenant_id = $1",
      [tenantId],
    );
    expect(after).toEqual([{ status: "reversed" }]);
  });

  it("refuses a webhook whose signature is wrong", async () => {
    const status = await peer.sendRaw(
      JSON.stringify({ id: "evt_forged", type: "checkout.session.completed" }),
      "t=1,v1=00",
    );
    expect(status).toBe(401);
  });
});

describe("SEPA Direct Debit for plans", () => {
  it("makes the pain.008 for due installments once, and the bank's credit marks them collected", async () => {
    const { tenantId, cases } = await seedPortfolio(
      database,
      [{ name: "Bruno Lago", invoices: [{ amountMinor: 60_000n, dueDate: "2026-10-01" }] }],
      {
        paymentSettings: {
          directDebit: {
            creditorId: "IT21ZZZ0000006363391001",
            creditorName: "Acqua Chiara S.p.A.",
            iban: "IT60X0542811101000000123456",
          },
        },
      },
    );
    const { caseId } = cases[0]!;
    const { cookie } = await loggedInAs(app, database, "supervisor", { tenantIds: [tenantId] });
    const plan = await proposePlan(
      { database, clock },
      {
        tenantId,
        caseId,
        count: 3,
        frequency: "monthly",
        firstDueDate: "2026-12-10",
        source: "agent",
        proposedBy: "user:x",
      },
    );
    await database.pool.query("update plans set status = 'active' where id = $1", [plan.planId]);
    const mandate = await app.inject({
      method: "POST",
      url: `/api/v1/tenants/${tenantId}/plans/${plan.planId}/mandate`,
      headers: { cookie },
      payload: {
        debtorName: "Bruno Lago",
        iban: "IT25O0306909606100000012345",
        signedOn: "2026-11-20",
      },
    });
    expect(mandate.statusCode, mandate.body).toBe(201);
    const batch = await app.inject({
      method: "POST",
      url: `/api/v1/tenants/${tenantId}/direct-debit/batches`,
      headers: { cookie },
      payload: { dueUntil: "2027-01-31" },
    });
    expect(batch.json()).toMatchObject({ collections: 2, totalMinor: "40000" });
    const again = await app.inject({
      method: "POST",
      url: `/api/v1/tenants/${tenantId}/direct-debit/batches`,
      headers: { cookie },
      payload: { dueUntil: "2027-01-31" },
    });
    expect(again.json()).toMatchObject({ collections: 0, batchId: null });
    const file = await app.inject({
      url: `/api/v1/tenants/${tenantId}/direct-debit/batches/${batch.json().batchId}/pain008.xml`,
      headers: { cookie },
    });
    const doc = new XMLParser({ processEntities: false }).parse(file.body);
    const groups = [doc.Document.CstmrDrctDbtInitn.PmtInf].flat();
    expect(groups.map((g: { PmtTpInf: { SeqTp: string } }) => g.PmtTpInf.SeqTp)).toEqual([
      "FRST",
      "RCUR",
    ]);
    const { rows } = await database.pool.query(
      "select end_to_end_id, amount_minor from sdd_collections order by due_date",
    );
    const first = rows.find((r) => r.amount_minor === 20_000n)!;
    const statement = camt053({
      entries: [
        {
          bankRef: "DD1",
          amountMinor: 20_000n,
          endToEndId: first.end_to_end_id,
          payerName: "Bruno Lago",
        },
      ],
    });
    const imported = await app.inject({
      method: "POST",
      url: `/api/v1/tenants/${tenantId}/statements?fileName=dd.xml`,
      headers: { cookie, "content-type": "application/xml" },
      payload: statement,
    });
    expect(imported.json()).toMatchObject({ matched: 1 });
    const { rows: collected } = await database.pool.query(
      "select status from sdd_collections where end_to_end_id = $1",
      [first.end_to_end_id],
    );
    expect(collected[0].status).toBe("collected");
    expect(await balanceOf(database, caseId)).toBe(40_000n);
  });
});
