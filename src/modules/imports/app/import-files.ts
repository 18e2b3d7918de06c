import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { AppError } from "../../../platform/errors";
import type { ColumnMapping, CsvIntakeSummary } from "../domain/csv";
import { csvSource } from "./csv-source";
import { fatturaSource, MAX_FATTURA_BYTES } from "./fattura-source";
import { type ImportSource, type ImportSummary, runImport } from "./run-import";

export interface UploadedFile {
  name: string;
  /** Streamed for CSV; FatturaPA files are read whole. */
  open(): AsyncIterable<Buffer> | NodeJS.ReadableStream;
}

export type FileKind = "csv" | "fatturapa";

/** By file name: .csv/.txt/.tsv are CSV, .xml/.p7m FatturaPA. */
export function kindOfFile(name: string): FileKind | undefined {
  const lower = name.toLowerCase();
  if (/\.(csv|txt|tsv)$/.test(lower)) return "csv";
  if (/\.(xml|p7m)$/.test(lower)) return "fatturapa";
  return undefined;
}

/**
 * Imports one or several files into a tenant: CSV files (debtors, contacts,
 * invoices, in one file or several) or FatturaPA e-invoices, never mixed.
 */
export async function importFiles(
  deps: { database: Database; clock: Clock },
  input: {
    tenantId: string;
    files: UploadedFile[];
    mapping?: ColumnMapping;
    createdBy?: string;
    onProgress?: (p: { rowsRead: number; bytesRead: number }) => void;
  },
): Promise<ImportSummary & { files: CsvIntakeSummary[] }> {
  if (input.files.length === 0) throw new AppError("validation_failed", "no file to import");
  const kinds = new Set(
    input.files.map((f) => {
      const kind = kindOfFile(f.name);
      if (!kind) {
        throw new AppError(
          "unsupported_media_type",
          `${f.name}: expected a .csv file or a FatturaPA .xml/.p7m file`,
        );
      }
      return kind;
    }),
  );
  if (kinds.size > 1) {
    throw new AppError("validation_failed", "import CSV files and FatturaPA files separately");
  }
  const kind = [...kinds][0] as FileKind;
  const summaries: CsvIntakeSummary[] = [];
  async function* sources(): AsyncGenerator<ImportSource> {
    for (const file of input.files) {
      if (kind === "csv") {
        yield csvSource(file.name, file.open(), input.mapping, (s) => summaries.push(s));
      } else {
        yield fatturaSource(file.name, await readAll(file.open()));
      }
    }
  }
  const summary = await runImport(deps, {
    tenantId: input.tenantId,
    kind,
    sourceName: input.files
      .map((f) => f.name)
      .join(", ")
      .slice(0, 500),
    sources: sources(),
    mapping: input.mapping,
    createdBy: input.createdBy,
    onProgress: input.onProgress,
  });
  return { ...summary, files: summaries };
}

/** Reads a FatturaPA file whole, stopping just past the size no e-invoice reaches. */
async function readAll(stream: AsyncIterable<Buffer> | NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of stream as AsyncIterable<Buffer | string>) {
    const buffer = typeof part === "string" ? Buffer.from(part) : part;
    parts.push(buffer);
    size += buffer.length;
    if (size > MAX_FATTURA_BYTES) break;
  }
  return Buffer.concat(parts);
}
