import type { PostalAddress } from "../../imports/domain/records.js";
import type { Place } from "./places.js";
import type { SeededRandom } from "./random.js";

/** Street names found in almost every Italian town; business parks for companies. */
const HOME_STREETS = [
  "Via Roma",
  "Via Garibaldi",
  "Corso Italia",
  "Via Mazzini",
  "Via Dante Alighieri",
  "Piazza della Repubblica",
  "Via Giuseppe Verdi",
  "Via Guglielmo Marconi",
  "Viale Europa",
  "Via XX Settembre",
  "Via Cavour",
  "Via Giacomo Matteotti",
  "Via Antonio Gramsci",
  "Via Alessandro Manzoni",
  "Via San Francesco d'Assisi",
  "Via Giacomo Leopardi",
  "Via Giosuè Carducci",
  "Via dei Mille",
  "Corso Vittorio Emanuele II",
  "Via Alessandro Volta",
  "Via Galileo Galilei",
  "Via Trieste",
  "Via Trento",
  "Via Piave",
  "Via Don Giovanni Minzoni",
  "Via IV Novembre",
  "Via Papa Giovanni XXIII",
  "Via Aldo Moro",
  "Viale della Libertà",
  "Via Monte Grappa",
  "Via Giovanni Pascoli",
  "Via Giacomo Puccini",
  "Via Cesare Battisti",
  "Via Nazionale",
  "Via Santa Maria",
  "Via Sandro Pertini",
] as const;

const BUSINESS_STREETS = [
  "Via dell'Industria",
  "Via dell'Artigianato",
  "Via del Lavoro",
  "Via dell'Innovazione",
  "Via Enrico Fermi",
  "Via dei Mestieri",
  "Via del Commercio",
  "Viale delle Industrie",
  "Via Primo Maggio",
  "Via della Tecnica",
  "Via Galileo Ferraris",
  "Via Antonio Meucci",
] as const;

const APARTMENT_DETAILS = ["Scala A", "Scala B, Int. 4", "Int. 7", "Piano 3", "Scala C, Int. 12"];

/** Real-looking UK addresses for debtors who moved abroad; the postcode matches the area. */
const UK_ADDRESSES = [
  { street: "Kensington Park Road", city: "London", postcode: "W11 3BU" },
  { street: "Camden High Street", city: "London", postcode: "NW1 7JE" },
  { street: "Brixton Road", city: "London", postcode: "SW9 6DE" },
  { street: "Holloway Road", city: "London", postcode: "N7 8JG" },
  { street: "Mare Street", city: "London", postcode: "E8 4RP" },
  { street: "Fulham Palace Road", city: "London", postcode: "W6 9PL" },
  { street: "Oxford Road", city: "Manchester", postcode: "M13 9PL" },
  { street: "Leith Walk", city: "Edinburgh", postcode: "EH6 8RT" },
  { street: "Whiteladies Road", city: "Bristol", postcode: "BS8 2PH" },
] as const;

function pickPostalCode(rng: SeededRandom, place: Place): string {
  const [from, to] = rng.pick(place.postalCodes);
  return String(rng.int(from, to)).padStart(5, "0");
}

function houseNumber(rng: SeededRandom): string {
  const n = rng.chance(0.7) ? rng.int(1, 60) : rng.int(61, 240);
  return rng.chance(0.06) ? `${n}/${rng.pick(["A", "B", "C"])}` : String(n);
}

export function homeAddress(rng: SeededRandom, place: Place): PostalAddress {
  const address: PostalAddress = {
    line1: `${rng.pick(HOME_STREETS)} ${houseNumber(rng)}`,
    postalCode: pickPostalCode(rng, place),
    city: place.name,
    province: place.province,
    country: "IT",
  };
  if (rng.chance(0.15)) address.line2 = rng.pick(APARTMENT_DETAILS);
  return address;
}

export function businessAddress(rng: SeededRandom, place: Place): PostalAddress {
  const street = rng.chance(0.75) ? rng.pick(BUSINESS_STREETS) : rng.pick(HOME_STREETS);
  const address: PostalAddress = {
    line1: `${street} ${houseNumber(rng)}`,
    postalCode: pickPostalCode(rng, place),
    city: place.name,
    province: place.province,
    country: "IT",
  };
  if (rng.chance(0.1)) address.line2 = "Zona Industriale";
  return address;
}

export function ukAddress(rng: SeededRandom): PostalAddress {
  const uk = rng.pick(UK_ADDRESSES);
  const flat = rng.chance(0.4) ? `Flat ${rng.int(1, 24)}` : undefined;
  return {
    line1: `${rng.int(1, 220)} ${uk.street}`,
    ...(flat ? { line2: flat } : {}),
    postalCode: uk.postcode,
    city: uk.city,
    country: "GB",
  };
}

/** The one-line rendering stored as the contact's value, as it would be printed on an envelope. */
export function renderAddress(address: PostalAddress): string {
  const lines = [address.line1, address.line2].filter(Boolean).join(", ");
  if (address.country === "IT") {
    return `${lines}, ${address.postalCode} ${address.city} (${address.province})`;
  }
  return `${lines}, ${address.city} ${address.postalCode}, United Kingdom`;
}
