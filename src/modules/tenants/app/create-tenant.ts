import { z } from "zod";
import type { Db } from "../../../platform/db/database";
import { AppError } from "../../../platform/errors";
import { isValidVatNumber, normalizeTaxId } from "../../debtors/domain/tax-ids";

export const createTenantInput = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "lower-case letters, digits and dashes"),
  name: z.string().trim().min(1).max(200),
  legalName: z.string().trim().max(200).optional(),
  vatNumber: z
    .string()
    .transform(normalizeTaxId)
    .refine(isValidVatNumber, "not a valid partita IVA")
    .optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default("EUR"),
  locale: z
    .string()
    .regex(/^[a-z]{2}-[A-Z]{2}$/)
    .default("it-IT"),
  timeZone: z
    .string()
    .refine(
      (tz) => Intl.supportedValuesOf("timeZone").includes(tz) || tz === "UTC",
      "unknown IANA time zone",
    )
    .default("Europe/Rome"),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .default("IT"),
});
export type CreateTenantInput = z.input<typeof createTenantInput>;

export async function createTenant(deps: { db: Db }, raw: CreateTenantInput) {
  const input = createTenantInput.parse(raw);
  const taken = await deps.db
    .selectFrom("tenants")
    .select("id")
    .where("slug", "=", input.slug)
    .executeTakeFirst();
  if (taken) throw new AppError("conflict", `a tenant with slug ${input.slug} already exists`);
  const agency = await deps.db
    .selectFrom("agencies")
    .select("id")
    .orderBy("created_at")
    .executeTakeFirst();
  return deps.db
    .insertInto("tenants")
    .values({
      agency_id: agency?.id ?? null,
      slug: input.slug,
      name: input.name,
      legal_name: input.legalName ?? null,
      vat_number: input.vatNumber ?? null,
      currency: input.currency,
      locale: input.locale,
      time_zone: input.timeZone,
      country: input.country,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
