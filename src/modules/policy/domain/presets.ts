/**
 * Presets: the law's floor per country, as data. Tenants start from one and may
 * only tighten it (see tighten.ts). Where the law gives a principle and no
 * number, the number is Saldo's choice and says so.
 */
import {
  ALL_HOLDS,
  type ContactPolicy,
  type HourWindow,
  mergeWeeks,
  type Weekday,
  weekly,
} from "./policy.js";

const MON_FRI: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri"];
const MON_SAT: readonly Weekday[] = [...MON_FRI, "sat"];
const EVERY_DAY: readonly Weekday[] = [...MON_SAT, "sun"];
const hours = (from: string, to: string): HourWindow => ({ from, to });

/**
 * Italy.
 * - Garante per la protezione dei dati personali, general provision of
 *   30 November 2005 on the lawfulness, fairness and relevance of debt
 *   collection ("recupero crediti", doc. web n. 1213644): no contact at
 *   inappropriate times, no insistent or repeated calls, respect for the debtor.
 * - UNIREC code of conduct for credit-protection firms: telephone contact
 *   Mon–Fri 08:30–21:00 and Sat 08:30–15:00 local time, never on Sundays or
 *   public holidays; at most one conversation a day with the debtor; no further
 *   contact after the debtor states a dispute, until it is resolved.
 * Saldo's choices (neither source gives a number): SMS, email and PEC
 * Mon–Sat 08:30–20:00, no Sundays or holidays; at most 3 live attempts and
 * 4 contacts on any channel per person in any 24 hours, across creditors.
 * Posted letters have no hours: delivery time is the post's.
 */
export const ITALY: ContactPolicy = {
  id: "italy",
  source: "Garante privacy, provision of 30 Nov 2005 on debt collection; UNIREC code of conduct",
  hours: [
    {
      id: "italy.hours.call",
      channels: ["call", "voice"],
      week: mergeWeeks(
        weekly(MON_FRI, hours("08:30", "21:00")),
        weekly(["sat"], hours("08:30", "15:00")),
      ),
      excludeSundays: true,
      excludePublicHolidays: true,
    },
    {
      id: "italy.hours.written",
      channels: ["sms", "email", "pec"],
      week: weekly(MON_SAT, hours("08:30", "20:00")),
      excludeSundays: true,
      excludePublicHolidays: true,
    },
  ],
  caps: [
    {
      id: "cap.person.live.1d",
      channels: ["call", "voice"],
      max: 3,
      windowHours: 24,
      scope: "person",
    },
    { id: "cap.person.all.1d", channels: "all", max: 4, windowHours: 24, scope: "person" },
  ],
  maxConversationsPerDay: 1,
  cooldownAfterConversation: null,
  blockingHolds: ALL_HOLDS,
  requiresOptOutInElectronicMessages: false,
};

/**
 * United States: Regulation F, 12 CFR part 1006 (FDCPA).
 * - §1006.6(b)(1)(i): communicating before 08:00 or after 21:00 local time at
 *   the consumer's location is presumed inconvenient; it applies to every
 *   communication, electronic ones included, every day of the week.
 * - §1006.14(b)(2)(i)(A): placing telephone calls more than 7 times within
 *   7 consecutive days about a particular debt is presumed harassment — so at
 *   most 7 call attempts per case in any 168 hours (voice messages are calls).
 * - §1006.14(b)(2)(i)(B): no call within 7 consecutive days after a telephone
 *   conversation about that debt — a 168-hour cool-down per case on live channels.
 * - §1006.6(e): every electronic communication must offer a clear way to opt
 *   out; requiresOptOutInElectronicMessages tells templates to include it.
 * - FDCPA §809(b) (15 U.S.C. 1692g(b)): collection stops while a dispute awaits
 *   verification — the dispute hold blocks.
 * Reg F sets no Sunday or holiday rule.
 */
export const US: ContactPolicy = {
  id: "us",
  source: "Regulation F, 12 CFR 1006.6(b)(1)(i), 1006.6(e), 1006.14(b)(2)",
  hours: [
    {
      id: "us.hours.call",
      channels: ["call", "voice"],
      week: weekly(EVERY_DAY, hours("08:00", "21:00")),
      excludeSundays: false,
      excludePublicHolidays: false,
    },
    {
      id: "us.hours.electronic",
      channels: ["sms", "email", "pec"],
      week: weekly(EVERY_DAY, hours("08:00", "21:00")),
      excludeSundays: false,
      excludePublicHolidays: false,
    },
  ],
  caps: [
    {
      id: "cap.case.call.7d",
      channels: ["call", "voice"],
      max: 7,
      windowHours: 168,
      scope: "case",
    },
  ],
  maxConversationsPerDay: null,
  cooldownAfterConversation: { hours: 168, appliesTo: "live", scope: "case" },
  blockingHolds: ALL_HOLDS,
  requiresOptOutInElectronicMessages: true,
};

/**
 * United Kingdom: FCA Handbook, CONC 7 (arrears, default and recovery).
 * - CONC 7.9.4 R: a firm must not contact customers at unreasonable times and
 *   must respect reasonable requests about when and how to be contacted. Saldo
 *   reads this, with the OFT Debt Collection Guidance CONC 7 was built from, as
 *   08:00–21:00 Mon–Sat and never on Sundays or bank holidays, on every
 *   real-time and electronic channel.
 * - CONC 7.3.4 R and CONC 7.9 (forbearance, no pressure or harassment): contact
 *   must be proportionate. The FCA gives no number; Saldo's floor is at most
 *   3 live attempts and 4 contacts on any channel per person in any 24 hours,
 *   and one conversation per local day.
 */
export const UK: ContactPolicy = {
  id: "uk",
  source: "FCA Handbook CONC 7.3.4 R and CONC 7.9.4 R",
  hours: [
    {
      id: "uk.hours.call",
      channels: ["call", "voice"],
      week: weekly(MON_SAT, hours("08:00", "21:00")),
      excludeSundays: true,
      excludePublicHolidays: true,
    },
    {
      id: "uk.hours.electronic",
      channels: ["sms", "email", "pec"],
      week: weekly(MON_SAT, hours("08:00", "21:00")),
      excludeSundays: true,
      excludePublicHolidays: true,
    },
  ],
  caps: [
    {
      id: "cap.person.live.1d",
      channels: ["call", "voice"],
      max: 3,
      windowHours: 24,
      scope: "person",
    },
    { id: "cap.person.all.1d", channels: "all", max: 4, windowHours: 24, scope: "person" },
  ],
  maxConversationsPerDay: 1,
  cooldownAfterConversation: null,
  blockingHolds: ALL_HOLDS,
  requiresOptOutInElectronicMessages: false,
};

/** Presets by ISO 3166-1 alpha-2 country. */
export const PRESETS: Readonly<Record<"IT" | "US" | "GB", ContactPolicy>> = {
  IT: ITALY,
  US: US,
  GB: UK,
};

/** The preset for a country ("IT", "us", "UK" as an alias of GB), or null when Saldo has none. */
export function presetFor(country: string): ContactPolicy | null {
  const code = country.toUpperCase();
  if (code === "IT" || code === "US" || code === "GB") return PRESETS[code];
  if (code === "UK") return PRESETS.GB;
  return null;
}
