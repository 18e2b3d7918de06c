/**
 * One tenant's book as intake records: each debtor with its contacts and invoices,
 * listed debtors first, then contacts, then invoices, so every reference points back.
 */
import type {
  ContactRecord,
  DebtorRecord,
  IntakeRecord,
  InvoiceRecord,
} from "../../imports/domain/records.js";
import { createCompany, newVatNumber } from "./companies.js";
import { asciiSlug, pecAddress } from "./contact-points.js";
import { type ContactPoints, contactRecords } from "./contacts.js";
import { creditNoteFor, type InvoiceDraft, numberDocuments } from "./invoice-drafts.js";
import { createPerson, type PersonIdentity, personDisplayName } from "./people.js";
import type { SeededRandom } from "./random.js";
import type { UniquenessRegistry } from "./registry.js";
import { assessRisk } from "./risk.js";
import type { DebtorShape, TenantProfile } from "./tenant-profiles.js";

interface BookContext {
  profile: TenantProfile;
  invoicePrefix: string;
  rng: SeededRandom;
  registry: UniquenessRegistry;
  today: number;
}

/** Customer codes as an ERP prints them: C000001, C000002… */
export function debtorExternalId(index: number): string {
  return `C${String(index + 1).padStart(6, "0")}`;
}

function personDebtor(
  ctx: BookContext,
  externalId: string,
  person: PersonIdentity,
  shape: DebtorShape & { kind: "person" },
): { debtor: DebtorRecord; points: ContactPoints } {
  const debtor: DebtorRecord = {
    externalId,
    kind: "person",
    name: personDisplayName(person),
    firstName: person.firstName,
    lastName: person.lastName,
    taxCode: person.taxCode,
    language: person.language,
    timeZone: person.timeZone,
    segment: shape.segment,
  };
  const points: ContactPoints = {
    ...(person.mobile ? { mobile: person.mobile } : {}),
    ...(person.landline ? { landline: person.landline } : {}),
    ...(person.email ? { email: person.email } : {}),
  };
  // A household's address is the supply address, known for nearly everyone; for
  // someone who moved abroad it is the forwarding address, always on file.
  if (shape.soleTrader || !person.residencePlace || ctx.rng.chance(0.99)) {
    points.address = person.residence;
  }
  if (shape.soleTrader) {
    // Sole traders have a partita IVA of their own and, mostly, a PEC.
    const office = person.residencePlace?.taxOffice ?? "120";
    debtor.vatNumber = newVatNumber(ctx.rng, ctx.registry, office);
    if (ctx.rng.chance(0.85)) {
      points.pec = pecAddress(
        ctx.registry,
        `${asciiSlug(person.firstName)}.${asciiSlug(person.lastName)}`,
      );
    }
  }
  return { debtor, points };
}

function companyDebtor(
  ctx: BookContext,
  externalId: string,
  shape: DebtorShape & { kind: "company" },
): { debtor: DebtorRecord; points: ContactPoints } {
  const company = createCompany(ctx.rng, ctx.registry, {
    regions: shape.regions,
    trade: shape.trade,
    large: shape.large,
  });
  const debtor: DebtorRecord = {
    externalId,
    kind: "company",
    name: company.name,
    // A company's codice fiscale is its partita IVA.
    taxCode: company.vatNumber,
    vatNumber: company.vatNumber,
    language: "it",
    timeZone: "Europe/Rome",
    segment: shape.segment,
  };
  const points: ContactPoints = {
    address: company.address,
    ...(company.landline ? { landline: company.landline } : {}),
    ...(company.mobile ? { mobile: company.mobile } : {}),
    ...(company.email ? { email: company.email } : {}),
    ...(company.pec ? { pec: company.pec } : {}),
  };
  return { debtor, points };
}

/**
 * Builds `size` debtors; `shared` maps a debtor position to a person who is also a
 * debtor of another tenant (same codice fiscale, own customer code here).
 */
export function buildTenantBook(
  ctx: BookContext,
  size: number,
  shared: ReadonlyMap<number, PersonIdentity>,
): IntakeRecord[] {
  const debtors: DebtorRecord[] = [];
  const contacts: ContactRecord[] = [];
  const drafts: InvoiceDraft[] = [];

  for (let index = 0; index < size; index++) {
    const externalId = debtorExternalId(index);
    const sharedPerson = shared.get(index);
    const shape = sharedPerson ? ctx.profile.sharedShape : ctx.profile.pickShape(ctx.rng);
    const { debtor, points } =
      shape.kind === "company"
        ? companyDebtor(ctx, externalId, shape)
        : personDebtor(
            ctx,
            externalId,
            sharedPerson ?? createPerson(ctx.rng, ctx.registry, ctx.today, shape.people),
            shape,
          );

    const bucket = ctx.rng.weighted(ctx.profile.buckets);
    const invoices = ctx.profile.invoices(ctx.rng, externalId, shape.segment, ctx.today, bucket);
    if (ctx.rng.chance(ctx.profile.creditNoteChance)) {
      const candidates = invoices.filter((d) => d.status === "open" && d.open >= 2_000n);
      if (candidates.length > 0)
        invoices.push(creditNoteFor(ctx.rng, ctx.rng.pick(candidates), ctx.today));
    }
    Object.assign(debtor, assessRisk(ctx.rng, invoices, ctx.today));

    debtors.push(debtor);
    contacts.push(...contactRecords(ctx.rng, externalId, points));
    drafts.push(...invoices);
  }

  const invoices: InvoiceRecord[] = numberDocuments(ctx.invoicePrefix, drafts);
  let line = 0;
  return [
    ...debtors.map((record): IntakeRecord => ({ type: "debtor", line: ++line, record })),
    ...contacts.map((record): IntakeRecord => ({ type: "contact", line: ++line, record })),
    ...invoices.map((record): IntakeRecord => ({ type: "invoice", line: ++line, record })),
  ];
}
