import type { ImportSource, IntakeChunk } from "../../src/modules/imports/app/run-import";
import type { IntakeRecord, RowError } from "../../src/modules/imports/domain/records";
import type { Db } from "../../src/platform/db/database";

let counter = 0;

export async function createTenant(db: Db, overrides: { slug?: string; timeZone?: string } = {}) {
  counter++;
  return db
    .insertInto("tenants")
    .values({
      slug: overrides.slug ?? `tenant-${process.pid}-${counter}`,
      name: `Tenant ${counter}`,
      time_zone: overrides.timeZone ?? "Europe/Rome",
    })
    .returning(["id", "slug"])
    .executeTakeFirstOrThrow();
}

/** A single-chunk import source, the way a parser would produce it. */
export function sourceOf(
  name: string,
  records: IntakeRecord[],
  errors: RowError[] = [],
): ImportSource {
  const lines = new Set([...records.map((r) => r.line), ...errors.map((e) => e.line)]);
  const chunk: IntakeChunk = { records, errors, rowsRead: lines.size, bytesRead: 0 };
  return {
    name,
    chunks: (async function* () {
      yield chunk;
    })(),
  };
}

export function person(
  line: number,
  externalId: string,
  name: string,
  taxCode?: string,
): IntakeRecord {
  const [firstName, lastName] = name.split(" ");
  return {
    type: "debtor",
    line,
    record: { externalId, kind: "person", name, firstName, lastName, taxCode },
  };
}

export function invoice(
  line: number,
  externalId: string,
  debtorExternalId: string,
  amountMinor: bigint,
  dueDate: string,
  extra: Partial<Extract<IntakeRecord, { type: "invoice" }>["record"]> = {},
): IntakeRecord {
  return {
    type: "invoice",
    line,
    record: {
      externalId,
      debtorExternalId,
      number: externalId,
      issueDate: dueDate,
      dueDate,
      amountMinor,
      openAmountMinor: amountMinor,
      currency: "EUR",
      status: "open",
      documentType: "invoice",
      ...extra,
    },
  };
}

export function phone(
  line: number,
  debtorExternalId: string,
  value: string,
  optOut?: ("sms" | "call")[],
): IntakeRecord {
  return {
    type: "contact",
    line,
    record: { debtorExternalId, kind: "phone", value, phoneType: "mobile", optOut },
  };
}

export function emailContact(
  line: number,
  debtorExternalId: string,
  value: string,
  optOut?: "email"[],
): IntakeRecord {
  return { type: "contact", line, record: { debtorExternalId, kind: "email", value, optOut } };
}

export function postalContact(line: number, debtorExternalId: string): IntakeRecord {
  return {
    type: "contact",
    line,
    record: {
      debtorExternalId,
      kind: "postal",
      value: "Via Roma 1, 00184 Roma RM",
      address: {
        line1: "Via Roma 1",
        postalCode: "00184",
        city: "Roma",
        province: "RM",
        country: "IT",
      },
    },
  };
}
