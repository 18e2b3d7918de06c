import { z } from "zod";

export const importOut = z.object({
  id: z.string(),
  kind: z.enum(["csv", "json", "fatturapa", "demo"]),
  sourceName: z.string(),
  status: z.enum(["running", "completed", "failed"]),
  rowsRead: z.number().int(),
  bytesRead: z.number().int(),
  created: z.number().int().describe("rows that created at least one record"),
  updated: z.number().int().describe("rows that changed a record and created none"),
  unchanged: z.number().int(),
  rejected: z.number().int().describe("rows with at least one error (their good records are kept)"),
  counts: z.record(z.string(), z.record(z.string(), z.number())).describe("per record type"),
  failure: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

type ImportRow = {
  id: string;
  kind: string;
  source_name: string;
  status: string;
  rows_read: number;
  bytes_read: bigint;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  counts: Record<string, Record<string, number>>;
  failure: string | null;
  started_at: Date;
  finished_at: Date | null;
};

export const toImport = (r: ImportRow): z.infer<typeof importOut> => ({
  id: r.id,
  kind: r.kind as z.infer<typeof importOut>["kind"],
  sourceName: r.source_name,
  status: r.status as z.infer<typeof importOut>["status"],
  rowsRead: r.rows_read,
  bytesRead: Number(r.bytes_read),
  created: r.created,
  updated: r.updated,
  unchanged: r.unchanged,
  rejected: r.rejected,
  counts: r.counts,
  failure: r.failure,
  startedAt: r.started_at.toISOString(),
  finishedAt: r.finished_at?.toISOString() ?? null,
});
