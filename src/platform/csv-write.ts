/** One CSV line (RFC 4180): quoted where needed, CRLF-terminated as spreadsheets expect. */
export function csvLine(cells: ReadonlyArray<string | number | null | undefined>): string {
  return `${cells
    .map((cell) => {
      const text = cell === null || cell === undefined ? "" : String(cell);
      // A leading = + - @ would run as a formula in a spreadsheet: neutralise it.
      const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
      return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    })
    .join(",")}\r\n`;
}

/** Byte-order mark: Excel then reads the file as UTF-8. */
export const UTF8_BOM = "\uFEFF";
