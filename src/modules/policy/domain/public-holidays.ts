/**
 * Public holidays of the debtor's country (and region, when known), from
 * date-holidays. Only holidays of type "public" count: observances such as
 * Mother's Day are working days. UK bank holidays are "public" there.
 */
import Holidays from "date-holidays";
import { formatLocalDate, type LocalDate } from "../../../platform/zoned-time.js";

/**
 * Subdivision codes people use that date-holidays spells differently. Italy's
 * data keys regions by ISTAT number; the autonomous province of Bolzano (BZ),
 * which keeps Whit Monday, is filed under Trentino-Alto Adige ("32").
 */
const SUBDIVISION_ALIASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  IT: { BZ: "32" },
};

// Holiday lists per country/subdivision/year: computing a year's rules is slow
// and the answer never changes, so memoising keeps the policy pure and fast.
const yearCache = new Map<string, ReadonlyMap<string, string>>();

interface Subdivision {
  state?: string;
  region?: string;
}

/**
 * Maps a free-form subdivision ("BZ", "IT-62", "RM", "NY") to date-holidays'
 * state/region. An unknown code falls back to the national calendar, so a bad
 * code can only miss a regional holiday, never invent one.
 */
function resolveSubdivision(country: string, region: string | undefined): Subdivision {
  if (!region) return {};
  const code = region.toUpperCase().replace(/^[A-Z]{2}-/, "");
  const catalogue = new Holidays();
  const states = catalogue.getStates(country) ?? {};
  if (code in states) return { state: code };
  for (const state of Object.keys(states)) {
    const regions = catalogue.getRegions(country, state) ?? {};
    if (code in regions) return { state, region: code };
  }
  const alias = SUBDIVISION_ALIASES[country]?.[code];
  return alias ? { state: alias } : {};
}

function holidaysOfYear(country: string, region: string | undefined, year: number) {
  const key = `${country}|${region ?? ""}|${year}`;
  let byDate = yearCache.get(key);
  if (!byDate) {
    const { state, region: subRegion } = resolveSubdivision(country, region);
    const calendar = new Holidays({ country, state, region: subRegion });
    const entries = new Map<string, string>();
    for (const holiday of calendar.getHolidays(year, "en") ?? []) {
      // "YYYY-MM-DD hh:mm:ss": the date part is the local calendar day.
      const date = holiday.date.slice(0, 10);
      if (holiday.type === "public" && !entries.has(date)) entries.set(date, holiday.name);
    }
    byDate = entries;
    yearCache.set(key, byDate);
  }
  return byDate;
}

/** The name of the public holiday on `date` in the country (and region), or null on a working day. */
export function publicHolidayOn(date: LocalDate, country: string, region?: string): string | null {
  const byDate = holidaysOfYear(country.toUpperCase(), region, date.year);
  return byDate.get(formatLocalDate(date)) ?? null;
}
