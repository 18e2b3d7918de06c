import {
  FatturaParseError,
  fatturaDocuments,
  fatturaToIntakeRecords,
  parseFattura,
  unwrapFatturaFile,
} from "../domain/fatturapa";
import type { RowError } from "../domain/records";
import type { ImportSource, IntakeChunk } from "./run-import";

/** SdI caps an e-invoice file at 5 MB; anything far larger is not one. */
export const MAX_FATTURA_BYTES = 20 * 1024 * 1024;

/**
 * E-invoices are small: each file is read whole, unwrapped (p7m), parsed and mapped,
 * and kept (with any PDF it carries) as the documents behind its invoices.
 */
export function fatturaSource(name: string, bytes: Buffer): ImportSource {
  return {
    name,
    chunks: (async function* (): AsyncGenerator<IntakeChunk> {
      if (bytes.length > MAX_FATTURA_BYTES) {
        const reason = `file of ${bytes.length} bytes is larger than any FatturaPA file (${MAX_FATTURA_BYTES} max)`;
        yield {
          records: [],
          errors: [{ source: name, line: 1, field: "(file)", reason }],
          rowsRead: 1,
          bytesRead: bytes.length,
        };
        return;
      }
      try {
        const { xml, container } = unwrapFatturaFile(bytes, name);
        const doc = parseFattura(xml, name);
        const { records, errors } = fatturaToIntakeRecords(doc, { fileName: name });
        const lines = new Set([...records.map((r) => r.line), ...errors.map((e) => e.line)]);
        // The original bytes go with the invoices, not the XML text decoded from them.
        const documents = fatturaDocuments(doc, { fileName: name, bytes, container });
        yield { records, errors, documents, rowsRead: lines.size, bytesRead: bytes.length };
      } catch (error) {
        if (!(error instanceof FatturaParseError)) throw error;
        // An unreadable file is reported against itself; the other files still import.
        const rejected: RowError = {
          source: name,
          line: error.line ?? 1,
          field: error.field,
          reason: error.reason,
        };
        yield { records: [], errors: [rejected], rowsRead: 1, bytesRead: bytes.length };
      }
    })(),
  };
}
