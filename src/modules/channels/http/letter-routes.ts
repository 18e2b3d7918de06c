import { parse } from "csv-parse/sync";
import { z } from "zod";
import { AppError } from "../../../platform/errors";
import { requireTenant } from "../../../platform/http/guard";
import type { RouteModule } from "../../../platform/http/server";
import { createPrintBatch } from "../app/create-print-batch";
import { recordTrackingNumbers, type TrackingRow } from "../app/record-tracking-numbers";

const tenantParams = z.object({ tenantId: z.uuid() });
const batchParams = tenantParams.extend({ batchId: z.uuid() });

export const letterRoutes: RouteModule = (app, deps) => {
  const useCaseDeps = { database: deps.database, clock: deps.clock };

  app.post(
    "/tenants/:tenantId/print-batches",
    {
      schema: {
        tags: ["channels"],
        summary: "Make a print batch of the letters waiting for print",
        description:
          "One PDF (each letter starts on an odd page, for duplex) and a CSV manifest for the " +
          "print-and-mail service. Letters whose case was paid, closed or put on hold meanwhile " +
          "are withdrawn. 201 with the batch, or 200 with id null when nothing was waiting.",
        params: tenantParams,
        response: {
          200: z.object({
            id: z.null(),
            letters: z.literal(0),
            pages: z.number(),
            withdrawn: z.number(),
          }),
          201: z.object({
            id: z.string(),
            letters: z.number(),
            pages: z.number(),
            withdrawn: z.number(),
          }),
        },
      },
    },
    async (request, reply) => {
      const { tenantId } = request.params;
      const principal = requireTenant(request, tenantId, "channels:operate");
      const batch = await createPrintBatch(useCaseDeps, { tenantId, by: principal.userId });
      if (batch.id === null) return reply.status(200).send({ ...batch, id: null, letters: 0 });
      return reply.status(201).send({ ...batch, id: batch.id });
    },
  );

  for (const [suffix, column, type] of [
    ["pdf", "pdf", "application/pdf"],
    ["manifest.csv", "manifest_csv", "text/csv; charset=utf-8"],
  ] as const) {
    app.get(
      `/tenants/:tenantId/print-batches/:batchId/${suffix}`,
      {
        schema: {
          tags: ["channels"],
          summary: suffix === "pdf" ? "The batch's PDF" : "The batch's manifest (CSV)",
          params: batchParams,
        },
      },
      async (request, reply) => {
        const { tenantId, batchId } = request.params;
        requireTenant(request, tenantId, "channels:operate");
        const { rows } = await deps.database.pool.query(
          `select ${column} as content from print_batches where tenant_id = $1 and id = $2`,
          [tenantId, batchId],
        );
        if (!rows[0]) throw new AppError("not_found", "print batch not found");
        return reply
          .header("content-type", type)
          .header(
            "content-disposition",
            `attachment; filename="batch-${batchId}.${suffix.split(".").pop()}"`,
          )
          .send(rows[0].content);
      },
    );
  }

  app.post(
    "/tenants/:tenantId/tracking-numbers",
    {
      schema: {
        tags: ["channels"],
        summary: "Record registered-letter tracking numbers",
        description:
          'JSON `{items: [{messageId, trackingNumber}]}`, or `{csv: "…"}` with the print ' +
          "house's file (`message_id,tracking_number` and a header row). Each number goes on its " +
          "letter and the case timeline; rows that name no registered letter of this tenant are " +
          "reported with their line, the others are kept. Sending the same file again changes nothing.",
        params: tenantParams,
        body: z.union([
          z.object({
            items: z
              .array(z.object({ messageId: z.string(), trackingNumber: z.string() }))
              .max(10_000),
          }),
          z.object({ csv: z.string().max(5_000_000) }),
        ]),
        response: {
          200: z.object({
            recorded: z.number(),
            unchanged: z.number(),
            rejected: z.array(
              z.object({ line: z.number(), messageId: z.string(), reason: z.string() }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const { tenantId } = request.params;
      requireTenant(request, tenantId, "channels:operate");
      const rows: TrackingRow[] =
        "csv" in request.body
          ? trackingCsv(request.body.csv)
          : request.body.items.map((item, i) => ({ line: i + 1, ...item }));
      return recordTrackingNumbers(useCaseDeps, { tenantId, rows });
    },
  );
};

function trackingCsv(text: string): TrackingRow[] {
  const records = parse(text, {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
  }) as Array<Record<string, string>>;
  return records.map((record, i) => ({
    line: i + 2,
    messageId: record.message_id ?? record.letter_id ?? "",
    trackingNumber: record.tracking_number ?? "",
  }));
}
