/** The call report as CSV: RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */

export const CALL_REPORT_COLUMNS = [
  "ended_at",
  "started_at",
  "duration_seconds",
  "agent",
  "case_reference",
  "debtor",
  "outcome",
  "promise_amount_minor",
  "callback_at",
  "phone",
  "source",
  "notes",
] as const;

/** "+39…" in E.164 is a number to a spreadsheet, never a formula: dialers need it as it is. */
const E164 = /^\+[1-9]\d{1,14}$/;

export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  // A leading = + - @ would be a formula in Excel or LibreOffice (CSV injection).
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text) && !E164.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: (string | number | null)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

export function callsCsv(
  calls: {
    endedAt: string;
    at: string;
    durationSeconds: number | null;
    agentName: string | null;
    caseReference: string;
    debtorName: string;
    outcome: string;
    promiseAmountMinor: number | null;
    callbackAt: string | null;
    phone: string | null;
    source: string;
    notes: string | null;
  }[],
): string {
  return (
    csvLine([...CALL_REPORT_COLUMNS]) +
    calls
      .map((c) =>
        csvLine([
          c.endedAt,
          c.at,
          c.durationSeconds,
          c.agentName,
          c.caseReference,
          c.debtorName,
          c.outcome,
          c.promiseAmountMinor,
          c.callbackAt,
          c.phone,
          c.source,
          c.notes,
        ]),
      )
      .join("")
  );
}
