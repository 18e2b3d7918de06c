/**
 * Everything a plan's documents and messages say, loaded at once: creditor,
 * debtor, the case's open invoices, the installments, and the payment details.
 */
import type pg from "pg";
import { channelSettingsSchema } from "../../channels/domain/channel-settings.js";
import { paymentSettingsOf } from "../../payments/domain/payment-settings.js";
import { caseCreditorReference } from "../../payments/domain/rf-reference.js";
import type { AcknowledgmentInput } from "../documents/index.js";
import type { PlanFrequency } from "../domain/index.js";

/** One invoice as the plan's snapshot keeps it (amounts as strings: JSON has no bigint). */
export interface SnapshotInvoice {
  number: string;
  issueDate: string;
  dueDate: string;
  openMinor: string;
}

export interface PlanContext {
  planId: string;
  tenantId: string;
  caseId: string;
  status: string;
  language: "it" | "en";
  debtorId: string;
  timeZone: string;
  acknowledgment: AcknowledgmentInput;
}

export async function loadPlanContext(
  client: pg.PoolClient | pg.Pool,
  tenantId: string,
  planId: string,
): Promise<PlanContext | null> {
  const { rows } = await client.query(
    `select pl.id, pl.case_id, pl.status, pl.language, pl.debt_snapshot, pl.frequency, pl.created_at, pl.currency,
       c.reference, c.debtor_id, d.name as debtor_name, d.tax_code, d.vat_number as debtor_vat,
       coalesce(d.time_zone, t.time_zone) as time_zone, t.name as tenant_name, t.legal_name,
       t.vat_number as tenant_vat, cs.settings as channel_settings, ps.settings as payment_settings,
       (select p.address from contact_points p where p.tenant_id = d.tenant_id and p.debtor_id = d.id
          and p.kind = 'postal' order by p.created_at limit 1) as address
     from plans pl join cases c on c.id = pl.case_id
     join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
     join tenants t on t.id = pl.tenant_id
     left join tenant_channel_settings cs on cs.tenant_id = pl.tenant_id
     left join tenant_payment_settings ps on ps.tenant_id = pl.tenant_id
     where pl.tenant_id = $1 and pl.id = $2`,
    [tenantId, planId],
  );
  const row = rows[0];
  if (!row) return null;
  const { rows: installments } = await client.query(
    "select seq, kind, due_date, amount_minor from plan_installments where plan_id = $1 order by seq",
    [planId],
  );
  const channel = channelSettingsSchema.safeParse(row.channel_settings ?? {});
  const stored = channel.success ? channel.data : channelSettingsSchema.parse({});
  const planSettings = paymentSettingsOf(row.payment_settings).plans;
  const language = row.language === "en" ? "en" : "it";
  const letter = stored.letter;
  return {
    planId,
    tenantId,
    caseId: row.case_id,
    status: row.status,
    language,
    debtorId: row.debtor_id,
    timeZone: row.time_zone,
    acknowledgment: {
      language,
      generatedAt: row.created_at,
      timeZone: row.time_zone,
      currency: row.currency,
      caseReference: row.reference,
      creditor: {
        name: row.tenant_name,
        legalName: row.legal_name ?? row.tenant_name,
        vatNumber: row.tenant_vat ?? "",
        addressLines: letter.addressLines ?? [],
        ...(letter.email ? { email: letter.email } : {}),
        ...(letter.phone ? { phone: letter.phone } : {}),
        ...(letter.colour ? { colour: letter.colour } : {}),
      },
      debtor: {
        name: row.debtor_name,
        ...(row.tax_code ? { taxCode: row.tax_code } : {}),
        ...(row.debtor_vat ? { vatNumber: row.debtor_vat } : {}),
        ...(row.address ? { addressLines: addressOf(row.address) } : {}),
      },
      invoices: (row.debt_snapshot as SnapshotInvoice[]).map((i) => ({
        number: i.number,
        issueDate: i.issueDate,
        dueDate: i.dueDate,
        openMinor: BigInt(i.openMinor),
      })),
      plan: {
        frequency: row.frequency as PlanFrequency,
        installments: installments.map(
          (i: { seq: number; kind: string; due_date: string; amount_minor: bigint }) => ({
            seq: i.seq,
            kind: i.kind === "down_payment" ? "down_payment" : "installment",
            dueDate: i.due_date,
            amountMinor: i.amount_minor,
          }),
        ),
        breakRule: {
          graceDays: planSettings.graceDays,
          missedInstallments: 2,
          brokenAfterDays: planSettings.brokenAfterDays,
        },
      },
      payment: {
        beneficiary: stored.payment.beneficiary ?? row.legal_name ?? row.tenant_name,
        iban: stored.payment.iban ?? "",
        ...(stored.payment.bic ? { bic: stored.payment.bic } : {}),
        rfReference: caseCreditorReference(row.reference),
      },
    },
  };
}

function addressOf(address: Record<string, string>): string[] {
  const street = [address.street, address.number].filter(Boolean).join(" ");
  const city = [
    address.postalCode ?? address.cap,
    address.city,
    address.province ? `(${address.province})` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return [street, city].filter((line) => line.trim().length > 0);
}
