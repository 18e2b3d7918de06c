import { type ColumnMapping, type CsvIntakeSummary, readCsvIntake } from "../domain/csv";
import type { ImportSource, IntakeChunk } from "./run-import";

/**
 * A CSV file as an import source. The reader's progress is cumulative physical
 * lines; the chunks carry data-row deltas, corrected to the exact row count at the end.
 */
export function csvSource(
  name: string,
  input: AsyncIterable<Buffer> | NodeJS.ReadableStream,
  mapping: ColumnMapping | undefined,
  onSummary: (summary: CsvIntakeSummary) => void,
): ImportSource {
  return {
    name,
    chunks: (async function* (): AsyncGenerator<IntakeChunk> {
      let rows = 0;
      let bytes = 0;
      for await (const batch of readCsvIntake(input, { source: name, mapping })) {
        const rowsSoFar = batch.summary ? batch.summary.rowsRead : Math.max(0, batch.linesRead - 1);
        yield {
          records: batch.records,
          errors: batch.errors,
          rowsRead: rowsSoFar - rows,
          bytesRead: batch.bytesRead - bytes,
        };
        rows = rowsSoFar;
        bytes = batch.bytesRead;
        if (batch.summary) onSummary(batch.summary);
      }
    })(),
  };
}
