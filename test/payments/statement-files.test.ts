import { readdirSync, readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/platform/clock";
import { camt053 } from "../support/camt-builder";
import { seedPortfolio } from "../support/payment-harness";
import { buildTestApp, loggedInAs } from "../support/test-app";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();
const app = await buildTestApp(database, fixedClock("2026-11-24T10:00:00Z"));
afterAll(() => app.close());
const SAMPLES = new URL("../../../shared/samples/camt/", import.meta.url);

async function tenantWithUser() {
  const { tenantId } = await seedPortfolio(database, [
    { name: "Teo Pini", invoices: [{ amountMinor: 5_000n, dueDate: "2026-10-01" }] },
  ]);
  const { cookie } = await loggedInAs(app, database, "supervisor", { tenantIds: [tenantId] });
  const post = (fileName: string, body: string | Buffer, contentType = "application/xml") =>
    app.inject({
      method: "POST",
      url: `/api/v1/tenants/${tenantId}/statements?fileName=${encodeURIComponent(fileName)}`,
      headers: { cookie, "content-type": contentType },
      payload: body,
    });
  const count = async () =>
    (
      await database.pool.query("select count(*)::int as n from payments where tenant_id = $1", [
        tenantId,
      ])
    ).rows[0].n as number;
  return { tenantId, post, count };
}

describe("statement files over HTTP", () => {
  it("imports every euro camt sample in the shared folder, each credit once", async () => {
    const { post, count } = await tenantWithUser();
    const euro = readdirSync(SAMPLES).filter((f) =>
      readFileSync(new URL(f, SAMPLES), "utf8").includes('Ccy="EUR"'),
    );
    expect(euro.length).toBeGreaterThanOrEqual(6);
    for (const file of euro) {
      const response = await post(file, readFileSync(new URL(file, SAMPLES)));
      expect(response.statusCode, `${file}: ${response.body}`).toBe(201);
    }
    const booked = await count();
    for (const file of euro) await post(file, readFileSync(new URL(file, SAMPLES)));
    expect(await count()).toBe(booked);
  });

  it("refuses a statement in another currency, naming file, line and element, and books nothing", async () => {
    const { post, count } = await tenantWithUser();
    const response = await post(
      "chf.xml",
      readFileSync(new URL("dvbern_camt.053.001.04_CH_PostFinance.xml", SAMPLES)),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/chf\.xml line \d+.*Ccy.*CHF/);
    expect(await count()).toBe(0);
  });

  it.each([
    [
      "xxe.xml",
      `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">&x;</Document>`,
      /xxe\.xml.*(DOCTYPE|entit)/i,
    ],
    [
      "truncated.xml",
      camt053({ entries: [{ bankRef: "T1", amountMinor: 100n }] }).slice(0, 600),
      /truncated\.xml/,
    ],
    ["not-xml.xml", "<Document><BkToCstmrStmt><<<", /not-xml\.xml/],
    [
      "unknown.xml",
      camt053({ entries: [{ bankRef: "U1", amountMinor: 100n }] }).replace(
        "camt.053.001.08",
        "camt.053.001.99",
      ),
      /unknown\.xml.*camt\.053\.001\.99/,
    ],
    [
      "bad-iban.xml",
      camt053({
        iban: "IT60X0542811101000000123457",
        entries: [{ bankRef: "I1", amountMinor: 100n }],
      }),
      /bad-iban\.xml line \d+.*IBAN/,
    ],
    [
      "mixed.xml",
      camt053({ entries: [{ bankRef: "M1", amountMinor: 100n, currency: "USD" }] }),
      /mixed\.xml line \d+.*USD/,
    ],
  ])("refuses %s with a clear error and books nothing", async (fileName, body, message) => {
    const { post, count } = await tenantWithUser();
    const response = await post(fileName, body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(message);
    expect(await count()).toBe(0);
  });

  it("keeps the good rows of a CSV statement and reports the bad ones by line and field", async () => {
    const { post, count } = await tenantWithUser();
    const csv = [
      "data contabile;data valuta;importo;divisa;causale;ordinante",
      "23/11/2026;23/11/2026;50,00;EUR;pagamento fattura;Teo Pini",
      "32/11/2026;23/11/2026;10,00;EUR;data sbagliata;Qualcuno",
      "23/11/2026;23/11/2026;abc;EUR;importo sbagliato;Qualcuno",
    ].join("\n");
    const response = await post("banca.csv", csv, "text/csv");
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body.credits).toBe(1);
    expect(body.problems.map((p: { line: number; field: string }) => [p.line, p.field])).toEqual([
      [3, "data contabile"],
      [4, "importo"],
    ]);
    expect(await count()).toBe(1);
  });
});
