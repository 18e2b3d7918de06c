import type { z } from "zod";
import { checkEmail, checkTaxCode, checkTimeZone, checkVatNumber } from "../csv/cell-checks";
import { checkPhone } from "../csv/phone-numbers";
import type { IntakeRecord, RowError } from "../records";
import { bulkContact, bulkDebtor, bulkInvoice } from "./bulk-schema";

type Result = { records: IntakeRecord[]; errors: RowError[] };
export type BulkList = "debtors" | "contacts" | "invoices";

/**
 * Validates the items of one list of a bulk body. Each item is a "row": its
 * line is its 1-based position in the list, its field a path like taxCode.
 */
export function bulkItemsToRecords(
  list: BulkList,
  items: unknown[],
  defaultCurrency: string,
): Result {
  const out: Result = { records: [], errors: [] };
  const source = `api:${list}`;
  items.forEach((raw, index) => {
    const line = index + 1;
    const fail = (field: string, reason: string, value?: unknown) =>
      out.errors.push({
        source,
        line,
        field,
        reason,
        value: value === undefined ? undefined : String(value),
      });
    const schema =
      list === "debtors" ? bulkDebtor : list === "contacts" ? bulkContact : bulkInvoice;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        fail(issue.path.join(".") || "(item)", issue.message);
      return;
    }
    if (list === "debtors") debtor(parsed.data as z.infer<typeof bulkDebtor>, line, fail, out);
    else if (list === "contacts")
      contact(parsed.data as z.infer<typeof bulkContact>, line, fail, out);
    else invoice(parsed.data as z.infer<typeof bulkInvoice>, line, defaultCurrency, fail, out);
  });
  return out;
}

type Fail = (field: string, reason: string, value?: unknown) => void;

function debtor(d: z.infer<typeof bulkDebtor>, line: number, fail: Fail, out: Result) {
  const taxCode = d.taxCode ? checkTaxCode(d.taxCode) : undefined;
  const vat = d.vatNumber ? checkVatNumber(d.vatNumber) : undefined;
  const tz = d.timeZone ? checkTimeZone(d.timeZone) : undefined;
  if (taxCode && !taxCode.ok) return fail("taxCode", taxCode.reason, d.taxCode);
  if (vat && !vat.ok) return fail("vatNumber", vat.reason, d.vatNumber);
  if (tz && !tz.ok) return fail("timeZone", tz.reason, d.timeZone);
  const name = d.name ?? [d.firstName, d.lastName].filter(Boolean).join(" ");
  if (!name) return fail("name", "a debtor needs a name, or a first and last name");
  const code = taxCode?.value;
  const kind = d.kind ?? (code?.length === 16 ? "person" : code || vat ? "company" : "person");
  out.records.push({
    type: "debtor",
    line,
    record: {
      externalId: d.externalId,
      kind,
      name,
      firstName: d.firstName,
      lastName: d.lastName,
      taxCode: code,
      vatNumber: vat?.value,
      language: d.language,
      timeZone: tz?.value,
      segment: d.segment,
      riskScore: d.riskScore,
      riskClass: d.riskClass,
    },
  });
}

function contact(c: z.infer<typeof bulkContact>, line: number, fail: Fail, out: Result) {
  const base = {
    debtorExternalId: c.debtorExternalId,
    verified: c.verified,
    consent: c.consent,
    optOut: c.optOut,
    source: "api",
  };
  if (c.kind === "postal") {
    if (!c.address) return fail("address", "a postal contact needs an address");
    const a = c.address;
    const value = [
      a.line1,
      a.line2,
      `${a.postalCode} ${a.city}${a.province ? ` (${a.province})` : ""}`,
      a.country,
    ]
      .filter(Boolean)
      .join(", ");
    out.records.push({
      type: "contact",
      line,
      record: { ...base, kind: "postal", value, address: a },
    });
    return;
  }
  if (!c.value) return fail("value", `a ${c.kind} contact needs a value`);
  if (c.kind === "phone") {
    const phone = checkPhone(c.value, "IT", c.mobile === true);
    if (!phone.ok) return fail("value", phone.reason, c.value);
    out.records.push({
      type: "contact",
      line,
      record: { ...base, kind: "phone", value: phone.value.e164, phoneType: phone.value.phoneType },
    });
    return;
  }
  const email = checkEmail(c.value);
  if (!email.ok) return fail("value", email.reason, c.value);
  out.records.push({
    type: "contact",
    line,
    record: { ...base, kind: c.kind, value: email.value },
  });
}

function invoice(
  i: z.infer<typeof bulkInvoice>,
  line: number,
  currency: string,
  fail: Fail,
  out: Result,
) {
  const credit = i.documentType === "credit_note";
  const amount = BigInt(credit ? -Math.abs(i.amountMinor) : i.amountMinor);
  const settled = i.status !== "open";
  const open = settled
    ? 0n
    : BigInt(
        i.openAmountMinor === undefined
          ? amount
          : credit
            ? -Math.abs(i.openAmountMinor)
            : i.openAmountMinor,
      );
  if (
    (amount >= 0n && (open < 0n || open > amount)) ||
    (amount < 0n && (open > 0n || open < amount))
  ) {
    return fail(
      "openAmountMinor",
      "the open amount must lie between 0 and the amount",
      i.openAmountMinor,
    );
  }
  if (i.installments) {
    const sum = i.installments.reduce((s, x) => s + BigInt(x.amountMinor), 0n);
    if (sum !== (amount < 0n ? -amount : amount)) {
      return fail("installments", `installments add up to ${sum}, the amount is ${amount}`);
    }
  }
  out.records.push({
    type: "invoice",
    line,
    record: {
      externalId: i.externalId,
      debtorExternalId: i.debtorExternalId,
      number: i.number ?? i.externalId,
      issueDate: i.issueDate ?? i.dueDate,
      dueDate: i.installments?.map((x) => x.dueDate).sort()[0] ?? i.dueDate,
      amountMinor: amount,
      openAmountMinor: open,
      currency: i.currency ?? currency,
      status: i.status,
      documentType: i.documentType,
      installments: i.installments?.map((x, n) => ({
        seq: n + 1,
        dueDate: x.dueDate,
        amountMinor: BigInt(x.amountMinor),
        paymentMethod: x.paymentMethod,
        iban: x.iban,
      })),
      relatedExternalIds: i.relatedExternalIds,
    },
  });
}
