import { csvLine, UTF8_BOM } from "../../../platform/csv-write.js";
import type { LetterInput } from "./letter.js";
import { findPostalDestination } from "./postal-address.js";

export interface PrintedLetterPages {
  id: string;
  /** 1-based page number in the batch PDF. */
  firstPage: number;
  pageCount: number;
}

const HEADER = [
  "seq",
  "letter_id",
  "first_page",
  "page_count",
  "recipient_name",
  "address",
  "postal_code",
  "city",
  "province",
  "country",
  "registered",
  "tracking_number",
];

/**
 * The print shop's list of what is in the batch PDF. UTF-8 with a BOM and CRLF, cells quoted
 * and formula-neutralised, because it gets opened in Excel.
 */
export function buildPrintManifest(
  letters: ReadonlyArray<{ id: string; input: LetterInput }>,
  pages: ReadonlyArray<PrintedLetterPages>,
): string {
  const rows = letters.map((letter, index) => {
    const placed = pages[index];
    if (!placed || placed.id !== letter.id) throw new Error(`No pages for letter ${letter.id}`);
    const { recipient, registered } = letter.input;
    const destination = findPostalDestination(recipient.lines);
    return csvLine([
      index + 1,
      letter.id,
      placed.firstPage,
      placed.pageCount,
      recipient.name,
      recipient.lines.join(" | "),
      destination?.postalCode,
      destination?.city,
      destination?.province,
      destination?.country,
      registered ? "yes" : "no",
      registered?.trackingNumber,
    ]);
  });
  return UTF8_BOM + csvLine(HEADER) + rows.join("");
}
