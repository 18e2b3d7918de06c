/**
 * A tenant with a few debtors and cases for payment tests, imported the way real
 * data arrives, with IBAN and pagoPA settings so every way to pay exists.
 */
import { runImport } from "../../src/modules/imports/app/run-import";
import type { IntakeRecord } from "../../src/modules/imports/domain/records";
import { fixedClock } from "../../src/platform/clock";
import type { Database } from "../../src/platform/db/database";
import { createTenant, emailContact, invoice, person, phone, sourceOf } from "./factories";

export const TENANT_IBAN = "IT60X0542811101000000123456";

export interface SeedDebtor {
  name: string;
  invoices: Array<{ amountMinor: bigint; dueDate: string }>;
  email?: string;
  phone?: string;
}

export interface SeededCase {
  caseId: string;
  reference: string;
  debtorName: string;
  debtorId: string;
}

let n = 0;

export async function seedPortfolio(
  database: Database,
  debtors: SeedDebtor[],
  options: { paymentSettings?: unknown; at?: string } = {},
): Promise<{ tenantId: string; cases: SeededCase[] }> {
  const tenant = await createTenant(database.db);
  await database.pool.query("update tenants set legal_name = $2, vat_number = $3 where id = $1", [
    tenant.id,
    "Acqua Chiara S.p.A.",
    "IT01234567890",
  ]);
  await database.pool.query(
    "insert into tenant_channel_settings (tenant_id, settings) values ($1, $2)",
    [
      tenant.id,
      JSON.stringify({
        payment: {
          iban: TENANT_IBAN,
          beneficiary: "Acqua Chiara S.p.A.",
          pagoPa: { creditorFiscalCode: "01234567897", segregationCode: "02" },
        },
        letter: {
          email: "privacy@acquachiara.example",
          addressLines: ["Via Roma 1", "20121 Milano MI"],
        },
      }),
    ],
  );
  if (options.paymentSettings) {
    await database.pool.query(
      "insert into tenant_payment_settings (tenant_id, settings) values ($1, $2)",
      [tenant.id, JSON.stringify(options.paymentSettings)],
    );
  }
  const records: IntakeRecord[] = [];
  debtors.forEach((debtor, d) => {
    n++;
    const external = `P${n}`;
    records.push(person(2, external, debtor.name));
    debtor.invoices.forEach((inv, i) => {
      records.push(invoice(2, `I${n}-${i}`, external, inv.amountMinor, inv.dueDate));
    });
    if (debtor.email) records.push(emailContact(2, external, debtor.email));
    if (debtor.phone) records.push(phone(2, external, debtor.phone));
    void d;
  });
  await runImport(
    { database, clock: fixedClock(options.at ?? "2026-11-24T09:00:00Z") },
    { tenantId: tenant.id, kind: "csv", sourceName: "seed", sources: [sourceOf("seed", records)] },
  );
  const { rows } = await database.pool.query<
    SeededCase & { debtor_name: string; debtor_id: string; case_id: string }
  >(
    `select c.id as case_id, c.reference, d.name as debtor_name, d.id as debtor_id
     from cases c join debtors d on d.id = c.debtor_id where c.tenant_id = $1 order by c.reference`,
    [tenant.id],
  );
  const byName = new Map(rows.map((r) => [r.debtor_name, r]));
  return {
    tenantId: tenant.id,
    cases: debtors.map((debtor) => {
      const row = byName.get(debtor.name);
      if (!row) throw new Error(`no case for ${debtor.name}`);
      return {
        caseId: row.case_id,
        reference: row.reference,
        debtorName: row.debtor_name,
        debtorId: row.debtor_id,
      };
    }),
  };
}

export async function balanceOf(database: Database, caseId: string): Promise<bigint> {
  const { rows } = await database.pool.query<{ balance: bigint }>(
    "select coalesce(sum(open_amount_minor), 0)::bigint as balance from invoices where case_id = $1 and status = 'open'",
    [caseId],
  );
  return rows[0]?.balance ?? 0n;
}

export async function caseRow(database: Database, caseId: string) {
  const { rows } = await database.pool.query<{
    status: string;
    stage: string;
    priority: number;
    close_reason: string | null;
  }>("select status, stage, priority, close_reason from cases where id = $1", [caseId]);
  return rows[0]!;
}
