/**
 * A small table of real comuni: cadastral code (for the codice fiscale; checked
 * against codice-fiscale-js's own list in the tests), postal codes (CAP), the
 * telephone area code and the province's tax-office code (digits 8–10 of a
 * partita IVA). Lombardy and Veneto are dense because the demo creditors are there.
 */
import type { SeededRandom, Weighted } from "./random.js";

export type Region = "lombardia" | "veneto" | "north" | "centre_south";

export interface Place {
  name: string;
  province: string;
  cadastralCode: string;
  /** Inclusive CAP ranges; big cities have one CAP per district. */
  postalCodes: readonly (readonly [number, number])[];
  /** Italian trunk prefix with its 0, e.g. "02" for Milano. */
  areaCode: string;
  /** Province code used as the partita IVA office code (001–100). */
  taxOffice: string;
  region: Region;
  /** Relative population weight within its region. */
  weight: number;
}

type Row = [string, string, string, string, string, string, Region, number];

// name, province, cadastral code, CAP ranges ("a-b;c-d"), area code, tax office, region, weight
const ROWS: readonly Row[] = [
  ["Milano", "MI", "F205", "20121-20162", "02", "015", "lombardia", 40],
  ["Monza", "MB", "F704", "20900", "039", "015", "lombardia", 6],
  ["Bergamo", "BG", "A794", "24121-24129", "035", "016", "lombardia", 6],
  ["Brescia", "BS", "B157", "25121-25136", "030", "017", "lombardia", 8],
  ["Como", "CO", "C933", "22100", "031", "013", "lombardia", 4],
  ["Varese", "VA", "L682", "21100", "0332", "012", "lombardia", 4],
  ["Pavia", "PV", "G388", "27100", "0382", "018", "lombardia", 3],
  ["Cremona", "CR", "D150", "26100", "0372", "019", "lombardia", 3],
  ["Mantova", "MN", "E897", "46100", "0376", "020", "lombardia", 2],
  ["Lecco", "LC", "E507", "23900", "0341", "097", "lombardia", 2],
  ["Lodi", "LO", "E648", "26900", "0371", "098", "lombardia", 2],
  ["Sondrio", "SO", "I829", "23100", "0342", "014", "lombardia", 1],
  ["Busto Arsizio", "VA", "B300", "21052", "0331", "012", "lombardia", 3],
  ["Gallarate", "VA", "D869", "21013", "0331", "012", "lombardia", 2],
  ["Legnano", "MI", "E514", "20025", "0331", "015", "lombardia", 2],
  ["Cinisello Balsamo", "MI", "C707", "20092", "02", "015", "lombardia", 3],
  ["Sesto San Giovanni", "MI", "I690", "20099", "02", "015", "lombardia", 3],
  ["Rho", "MI", "H264", "20017", "02", "015", "lombardia", 2],
  ["Seregno", "MB", "I625", "20831", "0362", "015", "lombardia", 2],
  ["Desio", "MB", "D286", "20832", "0362", "015", "lombardia", 2],
  ["Vigevano", "PV", "L872", "27029", "0381", "018", "lombardia", 2],
  ["Crema", "CR", "D142", "26013", "0373", "019", "lombardia", 1],
  ["Saronno", "VA", "I441", "21047", "02", "012", "lombardia", 2],
  ["Cantù", "CO", "B639", "22063", "031", "013", "lombardia", 2],
  ["Venezia", "VE", "L736", "30121-30126;30170-30175", "041", "027", "veneto", 12],
  ["Padova", "PD", "G224", "35121-35143", "049", "028", "veneto", 12],
  ["Verona", "VR", "L781", "37121-37142", "045", "023", "veneto", 14],
  ["Vicenza", "VI", "L840", "36100", "0444", "024", "veneto", 6],
  ["Treviso", "TV", "L407", "31100", "0422", "026", "veneto", 5],
  ["Rovigo", "RO", "H620", "45100", "0425", "029", "veneto", 3],
  ["Belluno", "BL", "A757", "32100", "0437", "025", "veneto", 2],
  ["Bassano del Grappa", "VI", "A703", "36061", "0424", "024", "veneto", 3],
  ["Schio", "VI", "I531", "36015", "0445", "024", "veneto", 2],
  ["Castelfranco Veneto", "TV", "C111", "31033", "0423", "026", "veneto", 2],
  ["Conegliano", "TV", "C957", "31015", "0438", "026", "veneto", 2],
  ["Chioggia", "VE", "C638", "30015", "041", "027", "veneto", 3],
  ["San Donà di Piave", "VE", "H823", "30027", "0421", "027", "veneto", 2],
  ["Cittadella", "PD", "C743", "35013", "049", "028", "veneto", 1],
  ["Thiene", "VI", "L157", "36016", "0445", "024", "veneto", 1],
  ["Arzignano", "VI", "A459", "36071", "0444", "024", "veneto", 1],
  ["Legnago", "VR", "E512", "37045", "0442", "023", "veneto", 1],
  ["Villafranca di Verona", "VR", "L949", "37069", "045", "023", "veneto", 2],
  ["Montebelluna", "TV", "F443", "31044", "0423", "026", "veneto", 2],
  ["Abano Terme", "PD", "A001", "35031", "049", "028", "veneto", 1],
  ["Bologna", "BO", "A944", "40121-40141", "051", "037", "north", 8],
  ["Modena", "MO", "F257", "41121-41126", "059", "036", "north", 4],
  ["Parma", "PR", "G337", "43121-43126", "0521", "034", "north", 4],
  ["Ferrara", "FE", "D548", "44121-44124", "0532", "038", "north", 3],
  ["Trento", "TN", "L378", "38121-38123", "0461", "022", "north", 3],
  ["Udine", "UD", "L483", "33100", "0432", "030", "north", 3],
  ["Pordenone", "PN", "G888", "33170", "0434", "093", "north", 2],
  ["Trieste", "TS", "L424", "34121-34151", "040", "032", "north", 4],
  ["Torino", "TO", "L219", "10121-10156", "011", "001", "north", 10],
  ["Genova", "GE", "D969", "16121-16167", "010", "010", "north", 8],
  ["Firenze", "FI", "D612", "50121-50145", "055", "048", "centre_south", 6],
  ["Roma", "RM", "H501", "00118-00199", "06", "058", "centre_south", 20],
  ["Napoli", "NA", "F839", "80121-80147", "081", "063", "centre_south", 12],
  ["Bari", "BA", "A662", "70121-70132", "080", "072", "centre_south", 6],
  ["Palermo", "PA", "G273", "90121-90151", "091", "082", "centre_south", 8],
  ["Catania", "CT", "C351", "95121-95131", "095", "087", "centre_south", 5],
  ["Salerno", "SA", "H703", "84121-84135", "089", "065", "centre_south", 3],
  ["Lecce", "LE", "E506", "73100", "0832", "075", "centre_south", 2],
  ["Reggio di Calabria", "RC", "H224", "89121-89135", "0965", "080", "centre_south", 3],
  ["Messina", "ME", "F158", "98121-98168", "090", "083", "centre_south", 3],
  ["Cagliari", "CA", "B354", "09121-09134", "070", "092", "centre_south", 3],
  ["Foggia", "FG", "D643", "71121-71122", "0881", "071", "centre_south", 2],
  ["Cosenza", "CS", "D086", "87100", "0984", "078", "centre_south", 2],
  ["Caserta", "CE", "B963", "81100", "0823", "061", "centre_south", 2],
  ["Taranto", "TA", "L049", "74121-74123", "099", "073", "centre_south", 3],
  ["Pescara", "PE", "G482", "65121-65129", "085", "068", "centre_south", 2],
  ["Perugia", "PG", "G478", "06121-06135", "075", "054", "centre_south", 2],
  ["Ancona", "AN", "A271", "60121-60131", "071", "042", "centre_south", 2],
];

function parseRanges(text: string): (readonly [number, number])[] {
  return text.split(";").map((range) => {
    const [from, to = from] = range.split("-");
    return [Number(from), Number(to)] as const;
  });
}

export const PLACES: readonly Place[] = ROWS.map(
  ([name, province, cadastralCode, caps, areaCode, taxOffice, region, weight]) => ({
    name,
    province,
    cadastralCode,
    postalCodes: parseRanges(caps),
    areaCode,
    taxOffice,
    region,
    weight,
  }),
);

/** Countries of birth for people born abroad: Agenzia delle Entrate's "Z" codes. */
export const FOREIGN_BIRTH_COUNTRIES = [
  { name: "Regno Unito", cadastralCode: "Z114" },
  { name: "Irlanda", cadastralCode: "Z116" },
  { name: "Stati Uniti d'America", cadastralCode: "Z404" },
  { name: "Australia", cadastralCode: "Z700" },
] as const;

const PLACES_BY_REGION = new Map<Region, Weighted<Place>>();
for (const place of PLACES) {
  const list = (PLACES_BY_REGION.get(place.region) ?? []) as [Place, number][];
  list.push([place, place.weight]);
  PLACES_BY_REGION.set(place.region, list);
}

/** A comune in one of `regions`, big cities more often than small towns. */
export function pickPlace(rng: SeededRandom, regions: Weighted<Region>): Place {
  return rng.weighted(PLACES_BY_REGION.get(rng.weighted(regions))!);
}
