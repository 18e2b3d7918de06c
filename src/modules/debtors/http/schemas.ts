import { z } from "zod";

export const debtorOut = z.object({
  id: z.string(),
  externalId: z.string(),
  kind: z.enum(["person", "company"]),
  name: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  taxCode: z.string().nullable(),
  vatNumber: z.string().nullable(),
  language: z.string(),
  timeZone: z.string().nullable(),
  segment: z.string().nullable(),
  riskScore: z.number().nullable(),
  riskClass: z.string().nullable(),
  identityId: z.string().nullable(),
});

export const contactOut = z.object({
  id: z.string(),
  kind: z.enum(["phone", "email", "pec", "postal"]),
  value: z.string(),
  phoneType: z.string().nullable(),
  address: z.unknown().nullable(),
  source: z.string(),
  verifiedAt: z.string().nullable(),
  consent: z.record(z.string(), z.string()),
  optOut: z.record(z.string(), z.string()),
});

type DebtorRow = {
  id: string;
  external_id: string;
  kind: string;
  name: string;
  first_name: string | null;
  last_name: string | null;
  tax_code: string | null;
  vat_number: string | null;
  language: string;
  time_zone: string | null;
  segment: string | null;
  risk_score: number | null;
  risk_class: string | null;
  identity_id: string | null;
};

export const toDebtor = (d: DebtorRow): z.infer<typeof debtorOut> => ({
  id: d.id,
  externalId: d.external_id,
  kind: d.kind as "person" | "company",
  name: d.name,
  firstName: d.first_name,
  lastName: d.last_name,
  taxCode: d.tax_code,
  vatNumber: d.vat_number,
  language: d.language,
  timeZone: d.time_zone,
  segment: d.segment,
  riskScore: d.risk_score,
  riskClass: d.risk_class,
  identityId: d.identity_id,
});

type ContactRow = {
  id: string;
  kind: string;
  value: string;
  phone_type: string | null;
  address: unknown;
  source: string;
  verified_at: Date | null;
  consent: Record<string, string>;
  opt_out: Record<string, string>;
};

export const toContact = (c: ContactRow): z.infer<typeof contactOut> => ({
  id: c.id,
  kind: c.kind as z.infer<typeof contactOut>["kind"],
  value: c.value,
  phoneType: c.phone_type,
  address: c.address ?? null,
  source: c.source,
  verifiedAt: c.verified_at?.toISOString() ?? null,
  consent: c.consent,
  optOut: c.opt_out,
});
