/**
 * Reads the day a debtor names ("venerdì", "il 15", "fine mese", "15/12") and
 * resolves it against their own calendar. Choices, so the agent knows what a
 * promise date means:
 * - a weekday is the next such day after today ("venerdì" said on a Friday is
 *   a week later; they would have said "oggi"); "prossimo"/"next" changes nothing;
 * - a day of the month ("il 15", "the 30th") is the next such day from today
 *   on, clamped to the month's last day ("il 31" in November is the 30th);
 * - a date without a year ("15/12") is its nearest occurrence, read day
 *   first as Italians write it (month first only when day first is impossible);
 *   a written date in the past ("pagato il 18/11") is never a promise date;
 * - a period resolves to its last day, so a debtor who pays anywhere within
 *   the period they named is never chased early: "fine mese" and "mese
 *   prossimo" are the month's last day, "settimana prossima" is next week's
 *   Sunday, "questa settimana"/"weekend" this week's Sunday, "inizio mese" the 10th.
 */
import {
  addDays,
  formatLocalDate,
  isoWeekday,
  type LocalDate,
} from "../../../../platform/zoned-time.js";
import { alternation, amountOfWord, MONTHS, NUMBER_WORDS, WEEKDAYS } from "./calendar-words.js";

export interface DateMention {
  date: string;
  expression: string;
  index: number;
}

type Resolve = (groups: string[], today: LocalDate) => LocalDate | undefined;

const MONTH = `(${alternation(MONTHS)})`;
const WEEKDAY = `(${alternation(WEEKDAYS)})`;
const COUNT = String.raw`(\d{1,3}|${alternation(NUMBER_WORDS)})`;
const ORDINAL = `(?:st|nd|rd|th)?`;
/** After a bare day number: what shows it is an amount, a time or a count, not a date. */
const NOT_A_DAY = String.raw`(?! ?(?:\d|[/.,:]\d|euro|eur|€|%|gg|giorni|days?|ore|hours?|rat\w*|mes\w*|months?|settiman\w*|weeks?|anni|years?|volte|times|pm|am))`;

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Month arithmetic that keeps the day when it exists and clamps it when it does not. */
function inMonth(today: LocalDate, monthsAhead: number, day: number | "last"): LocalDate {
  const first = new Date(Date.UTC(today.year, today.month - 1 + monthsAhead, 1));
  const year = first.getUTCFullYear();
  const month = first.getUTCMonth() + 1;
  const last = lastDayOfMonth(year, month);
  return { year, month, day: day === "last" ? last : Math.min(day, last) };
}

const onOrAfter = (a: LocalDate, b: LocalDate) => formatLocalDate(a) >= formatLocalDate(b);

function nextDayOfMonth(today: LocalDate, day: number): LocalDate | undefined {
  if (day < 1 || day > 31) return undefined;
  const thisMonth = inMonth(today, 0, day);
  return onOrAfter(thisMonth, today) ? thisMonth : inMonth(today, 1, day);
}

function calendarDate(year: number, month: number, day: number): LocalDate | undefined {
  if (month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return undefined;
  return { year, month, day };
}

/** A written date, or undefined when it is not a real day or already past. */
function explicitDate(today: LocalDate, day: number, month: number, yearText?: string) {
  const date = yearText
    ? calendarDate(yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText), month, day)
    : nearestOccurrence(today, month, day);
  return date && onOrAfter(date, today) ? date : undefined;
}

/** "18/11" on 24 November is six days ago, not next year; "10/01" is next January. */
function nearestOccurrence(today: LocalDate, month: number, day: number): LocalDate | undefined {
  const distance = (date: LocalDate) =>
    Math.abs(
      Date.UTC(date.year, date.month - 1, date.day) -
        Date.UTC(today.year, today.month - 1, today.day),
    );
  return [today.year - 1, today.year, today.year + 1]
    .map((year) => calendarDate(year, month, day))
    .filter((date): date is LocalDate => date !== undefined)
    .sort((a, b) => distance(a) - distance(b))[0];
}

function nextWeekday(today: LocalDate, weekday: number): LocalDate {
  return addDays(today, (weekday - isoWeekday(today) + 7) % 7 || 7);
}

function sundayOfWeek(today: LocalDate, weeksAhead: number): LocalDate {
  return addDays(today, 7 - isoWeekday(today) + 7 * weeksAhead);
}

function afterCount(today: LocalDate, countWord: string, unit: string): LocalDate | undefined {
  const count = amountOfWord(countWord);
  if (count === undefined) return undefined;
  if (/^(giorn|day)/.test(unit)) return addDays(today, count);
  if (/^(settiman|week)/.test(unit)) return addDays(today, 7 * count);
  return inMonth(today, count, today.day);
}

const num = (text: string | undefined) => Number(text ?? Number.NaN);

/** Most specific first: each match hides its words from the rules after it. */
const DATE_RULES: Array<[RegExp, Resolve]> = [
  [
    /(?<![\d/.,-])(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}|\d{2}))?(?![\d/-])|(?<![\d/.,-])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d)/,
    ([d1, m1, y1, d2, m2, y2], today) => {
      const [day, month, year] = d1 ? [num(d1), num(m1), y1] : [num(d2), num(m2), y2];
      if (month > 12 && day <= 12) return explicitDate(today, month, day, year);
      return explicitDate(today, day, month, year);
    },
  ],
  [
    new RegExp(String.raw`(\d{1,2})${ORDINAL} (?:di |of )?${MONTH}(?: (\d{4}))?`),
    ([day, month, year], today) => explicitDate(today, num(day), MONTHS[month ?? ""] ?? 0, year),
  ],
  [
    new RegExp(String.raw`${MONTH} (?:the )?(\d{1,2})${ORDINAL}(?: (\d{4}))?${NOT_A_DAY}`),
    ([month, day, year], today) => explicitDate(today, num(day), MONTHS[month ?? ""] ?? 0, year),
  ],
  [
    /fine (?:del )?(?:mese )?prossimo|fine del prossimo mese|end of next month/,
    (_, today) => inMonth(today, 1, "last"),
  ],
  [
    /inizio (?:del )?(?:mese )?prossimo|inizio del prossimo mese|primi del (?:mese )?prossimo|(?:beginning|start) of next month|early next month/,
    (_, today) => inMonth(today, 1, 10),
  ],
  [/inizio (?:del )?mese|primi del mese/, (_, today) => nextDayOfMonth(today, 10)],
  [
    /fine (?:del )?mese|end of (?:the )?month|entro il mese|this month|questo mese/,
    (_, today) => inMonth(today, 0, "last"),
  ],
  [/fine (?:dell )?anno|end of (?:the )?year/, (_, today) => inMonth(today, 12 - today.month, 31)],
  [
    new RegExp(`${WEEKDAY} (?:della |of )?(?:prossima settimana|settimana prossima|next week)`),
    ([weekday], today) => addDays(sundayOfWeek(today, 0), WEEKDAYS[weekday ?? ""] ?? 1),
  ],
  [/settimana prossima|prossima settimana|next week/, (_, today) => sundayOfWeek(today, 1)],
  [
    /fine settimana|weekend|this week|questa settimana|entro la settimana|in settimana/,
    (_, today) => sundayOfWeek(today, 0),
  ],
  [/mese prossimo|prossimo mese|next month/, (_, today) => inMonth(today, 1, "last")],
  [
    new RegExp(
      `(?:tra|fra|entro|in|within) (?:un |a )?${COUNT} (?:di |of )?(giorn[oi]|days?|settiman[ae]|weeks?|mes[ei]|months?)`,
    ),
    ([count, unit], today) => afterCount(today, count ?? "", unit ?? ""),
  ],
  [/dopodomani|day after tomorrow/, (_, today) => addDays(today, 2)],
  [/domani|tomorrow/, (_, today) => addDays(today, 1)],
  [/oggi|stasera|stamattina|in giornata|today|tonight|this evening/, (_, today) => today],
  [
    new RegExp(`(?<!last )${WEEKDAY}(?! scors| passat| ago)`),
    ([weekday], today) => nextWeekday(today, WEEKDAYS[weekday ?? ""] ?? 1),
  ],
  [
    new RegExp(
      String.raw`(?:il|entro il|per il|al|giorno|on the|on|by the|the|entro) (\d{1,2})${ORDINAL}${NOT_A_DAY}`,
    ),
    ([day], today) => nextDayOfMonth(today, num(day)),
  ],
  [/(\d{1,2})(?:st|nd|rd|th)/, ([day], today) => nextDayOfMonth(today, num(day))],
];

const bounded = DATE_RULES.map(
  ([pattern, resolve]) =>
    [
      new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${pattern.source})(?![\p{L}\p{N}])`, "gu"),
      resolve,
    ] as const,
);

/** Every day named in a normalised clause, in the order they appear. */
export function findDateMentions(clause: string, today: LocalDate): DateMention[] {
  let remaining = clause;
  const mentions: DateMention[] = [];
  for (const [pattern, resolve] of bounded) {
    for (const match of remaining.matchAll(pattern)) {
      const date = resolve(match.slice(1) as string[], today);
      const index = match.index ?? 0;
      if (date) mentions.push({ date: formatLocalDate(date), expression: match[0], index });
      remaining =
        remaining.slice(0, index) +
        " ".repeat(match[0].length) +
        remaining.slice(index + match[0].length);
    }
  }
  return mentions.sort((a, b) => a.index - b.index);
}
