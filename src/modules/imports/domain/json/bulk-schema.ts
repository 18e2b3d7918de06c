import { z } from "zod";
import { isoDateSchema } from "../../../../platform/iso-date";

/** The JSON bulk API's body: the same three record kinds as a CSV import. Amounts in minor units. */
const isoDate = isoDateSchema;
const text = (max = 500) => z.string().trim().min(1).max(max);
const channel = z.enum(["email", "sms", "call", "letter", "pec", "voice"]);

export const bulkDebtor = z.object({
  externalId: text(100),
  kind: z.enum(["person", "company"]).optional(),
  name: text().optional(),
  firstName: text(200).optional(),
  lastName: text(200).optional(),
  taxCode: z.string().optional(),
  vatNumber: z.string().optional(),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, "a two-letter language code such as it or en")
    .optional(),
  timeZone: z.string().optional(),
  segment: text(100).optional(),
  riskScore: z.number().min(0).max(1000).optional(),
  riskClass: text(20).optional(),
});

const address = z.object({
  line1: text(),
  line2: text().optional(),
  postalCode: text(20),
  city: text(200),
  province: z.string().max(10).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .default("IT"),
});

export const bulkContact = z.object({
  debtorExternalId: text(100),
  kind: z.enum(["phone", "email", "pec", "postal"]),
  value: z.string().optional(),
  address: address.optional(),
  mobile: z.boolean().optional(),
  verified: z.boolean().optional(),
  consent: z.record(channel, z.enum(["granted", "denied", "unknown"])).optional(),
  optOut: z.array(channel).optional(),
});

const installment = z.object({
  dueDate: isoDate,
  amountMinor: z.number().int().positive(),
  paymentMethod: z.string().max(20).optional(),
  iban: z.string().max(34).optional(),
});

export const bulkInvoice = z.object({
  externalId: text(200),
  debtorExternalId: text(100),
  number: text(100).optional(),
  issueDate: isoDate.optional(),
  dueDate: isoDate,
  amountMinor: z.number().int(),
  openAmountMinor: z.number().int().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  status: z.enum(["open", "paid", "cancelled"]).default("open"),
  documentType: z.enum(["invoice", "credit_note"]).default("invoice"),
  installments: z.array(installment).max(120).optional(),
  relatedExternalIds: z.array(text(200)).max(50).optional(),
});

export const bulkBody = z.object({
  debtors: z.array(z.unknown()).max(100_000).default([]),
  contacts: z.array(z.unknown()).max(200_000).default([]),
  invoices: z.array(z.unknown()).max(200_000).default([]),
});
export type BulkBody = z.input<typeof bulkBody>;
