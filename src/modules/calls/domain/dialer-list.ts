/**
 * The call list an outbound dialer (VICIdial, a cloud predictive dialer) works
 * from: one row per task, the number to dial and the window in which the contact
 * policy allows the call, both in the debtor's own time and in UTC. The layout is
 * documented in docs/calls.md ("Dialer"); columns are only ever added at the end.
 */
import { formatLocalDate, wallClockAt } from "../../../platform/zoned-time";
import { csvCell } from "./call-report-csv";

export const DIALER_LIST_COLUMNS = [
  "task_id",
  "case_reference",
  "debtor_name",
  "phone_e164",
  "language",
  "time_zone",
  "window_start_local",
  "window_end_local",
  "window_start_utc",
  "window_end_utc",
  "priority",
  "balance_minor",
  "currency",
  "attempt",
] as const;

export interface DialerListRow {
  taskId: string;
  caseReference: string;
  debtorName: string;
  phoneE164: string;
  language: string;
  timeZone: string;
  windowStart: Date;
  windowEnd: Date;
  priority: number;
  balanceMinor: bigint;
  currency: string;
  /** 1 for the first call of the task, 2 for the first retry, … */
  attempt: number;
}

const pad = (value: number) => String(value).padStart(2, "0");

/** "2026-11-24T21:00": what the debtor's wall clock reads at that instant (no seconds, no offset). */
export function localMinute(instant: Date, timeZone: string): string {
  const wall = wallClockAt(instant, timeZone);
  return `${formatLocalDate(wall)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** "2026-11-24T20:00:00Z": an instant in UTC without milliseconds. */
export function utcSecond(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function dialerListLine(row: DialerListRow): string {
  const cells = [
    csvCell(row.taskId),
    csvCell(row.caseReference),
    csvCell(row.debtorName),
    csvCell(row.phoneE164),
    csvCell(row.language),
    csvCell(row.timeZone),
    csvCell(localMinute(row.windowStart, row.timeZone)),
    csvCell(localMinute(row.windowEnd, row.timeZone)),
    csvCell(utcSecond(row.windowStart)),
    csvCell(utcSecond(row.windowEnd)),
    csvCell(row.priority),
    csvCell(row.balanceMinor.toString()),
    csvCell(row.currency),
    csvCell(row.attempt),
  ];
  return `${cells.join(",")}\r\n`;
}

/** The whole list: a header row, then one CRLF-terminated line per row (RFC 4180). */
export function dialerListCsv(rows: readonly DialerListRow[]): string {
  return [`${DIALER_LIST_COLUMNS.join(",")}\r\n`, ...rows.map(dialerListLine)].join("");
}
