/**
 * Companies: a believable Italian trading name with its legal form, a partita IVA
 * that is also the codice fiscale, a seat in a real comune, and the contacts a
 * firm has (a switchboard, an accounts mailbox, the PEC every company must have).
 */
import type { PostalAddress } from "../../imports/domain/records.js";
import { businessAddress } from "./addresses.js";
import {
  asciiSlug,
  businessEmail,
  italianLandline,
  italianMobile,
  pecAddress,
} from "./contact-points.js";
import { ITALIAN_FEMALE_NAMES, ITALIAN_MALE_NAMES, ITALIAN_SURNAMES } from "./names.js";
import { type Place, pickPlace, type Region } from "./places.js";
import type { SeededRandom, Weighted } from "./random.js";
import type { UniquenessRegistry } from "./registry.js";
import { vatNumber } from "./tax-codes.js";

export type Trade = "building" | "shop";

export interface CompanyIdentity {
  name: string;
  vatNumber: string;
  place: Place;
  address: PostalAddress;
  landline?: string;
  mobile?: string;
  email?: string;
  pec?: string;
}

export interface CompanyOptions {
  regions: Weighted<Region>;
  trade: Trade;
  /** Key accounts: bigger firms, mostly S.p.A. */
  large: boolean;
}

/** The customers of a building-supply wholesaler. */
const BUILDING_TRADES = [
  "Impianti",
  "Impianti Elettrici",
  "Termoidraulica",
  "Edilizia",
  "Costruzioni",
  "Carpenteria Metallica",
  "Serramenti",
  "Infissi",
  "Trasporti",
  "Manutenzioni",
  "Officina Meccanica",
  "Falegnameria",
  "Coperture",
  "Scavi",
  "Ristrutturazioni",
  "Idraulica",
  "Lattoneria",
  "Pavimenti",
  "Automazioni",
];

/** The small businesses on a utility's books. */
const SHOP_TRADES = [
  "Bar",
  "Ristorante",
  "Pizzeria",
  "Panificio",
  "Pasticceria",
  "Macelleria",
  "Lavanderia",
  "Tabaccheria",
  "Studio Tecnico",
  "Autofficina",
  "Gelateria",
  "Albergo",
  "Parrucchieria",
  "Ottica",
  "Cartoleria",
];

const AREAS = ["del Brenta", "del Garda", "del Piave", "dell'Adige", "del Ticino", "del Sile"];
const AREAS_MORE = ["della Brianza", "delle Prealpi", "del Nord-Est", "della Valpolicella"];
const SHOP_SIGNS = [
  "Centrale",
  "Stazione",
  "Il Portico",
  "La Piazzetta",
  "Da Gino",
  "Al Duomo",
  "Bellavista",
];

const FORMS_SMALL: Weighted<string> = [
  ["S.r.l.", 50],
  ["S.r.l.s.", 8],
  ["S.n.c.", 16],
  ["S.a.s.", 14],
  ["S.p.A.", 5],
  ["Soc. Coop.", 3],
];
const FORMS_LARGE: Weighted<string> = [
  ["S.p.A.", 55],
  ["S.r.l.", 45],
];
const FORMS_SHOP: Weighted<string> = [
  ["S.n.c.", 30],
  ["S.a.s.", 25],
  ["S.r.l.", 35],
  ["S.r.l.s.", 10],
];

function tradingName(rng: SeededRandom, trade: Trade, form: string): string {
  const surname = rng.pick(ITALIAN_SURNAMES);
  const partners = form === "S.n.c." || form === "S.a.s.";
  if (partners && rng.chance(0.4)) {
    // Partnerships often carry a partner's name: "Rossi Mario & C.", "Ferri & Bianchi".
    return rng.chance(0.5)
      ? `${surname} ${rng.pick(rng.chance(0.8) ? ITALIAN_MALE_NAMES : ITALIAN_FEMALE_NAMES)} & C.`
      : `${surname} & ${rng.pick(ITALIAN_SURNAMES)}`;
  }
  if (trade === "shop") {
    const kind = rng.pick(SHOP_TRADES);
    return rng.chance(0.6) ? `${kind} ${surname}` : `${kind} ${rng.pick(SHOP_SIGNS)}`;
  }
  const kind = rng.pick(BUILDING_TRADES);
  return rng.weighted<string>([
    [`${surname} ${kind}`, 4],
    [`${kind} ${surname}`, 3],
    [`${kind} ${rng.pick(rng.chance(0.6) ? AREAS : AREAS_MORE)}`, 1],
    [`${surname} ${rng.pick(ITALIAN_MALE_NAMES)} & Figli`, 1],
  ]);
}

/**
 * A partita IVA with a company number nobody else in the portfolio has; the office
 * code is the province's, or now and then one of the special offices 120/121.
 */
export function newVatNumber(
  rng: SeededRandom,
  registry: UniquenessRegistry,
  taxOffice: string,
): string {
  const office = rng.chance(0.03) ? rng.pick(["120", "121"]) : taxOffice;
  const number = registry.claimFirst(
    "companyNumber",
    () => String(rng.int(100_000, 4_999_999)),
    100,
  );
  if (!number) throw new Error("demo generator ran out of company numbers");
  return vatNumber(Number(number), office);
}

export function createCompany(
  rng: SeededRandom,
  registry: UniquenessRegistry,
  options: CompanyOptions,
): CompanyIdentity {
  const forms = options.trade === "shop" ? FORMS_SHOP : options.large ? FORMS_LARGE : FORMS_SMALL;
  let name: string | undefined;
  let core = "";
  for (let attempt = 0; attempt < 30 && !name; attempt++) {
    const form = rng.weighted(forms);
    core = tradingName(rng, options.trade, form);
    if (registry.claim("companyName", core)) name = `${core} ${form}`;
  }
  if (!name) throw new Error("demo generator ran out of company names");

  const place = pickPlace(rng, options.regions);
  const key = asciiSlug(core).slice(0, 24);
  const company: CompanyIdentity = {
    name,
    vatNumber: newVatNumber(rng, registry, place.taxOffice),
    place,
    address: businessAddress(rng, place),
  };
  const phones = rng.weighted<"none" | "landline" | "both" | "mobile">([
    ["none", 3],
    ["landline", 50],
    ["both", 35],
    ["mobile", 12],
  ]);
  if (phones === "landline" || phones === "both") {
    company.landline = italianLandline(rng, registry, place.areaCode);
  }
  if (phones === "mobile" || phones === "both") company.mobile = italianMobile(rng, registry);
  if (rng.chance(0.78)) company.email = businessEmail(rng, registry, key);
  if (rng.chance(0.9)) company.pec = pecAddress(registry, key);
  return company;
}
