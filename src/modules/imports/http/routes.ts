import { Readable } from "node:stream";
import { z } from "zod";
import { csvLine, UTF8_BOM } from "../../../platform/csv-write";
import { AppError } from "../../../platform/errors";
import { requireTenant } from "../../../platform/http/guard";
import { pageQuery } from "../../../platform/http/paging";
import type { RouteModule } from "../../../platform/http/server";
import { importBulk } from "../app/import-bulk";
import { importFiles } from "../app/import-files";
import { CsvIntakeError } from "../domain/csv";
import { bulkBody } from "../domain/json/bulk-schema";
import { findImportRun, importErrors, listImportRuns } from "../store/import-queries";
import { importOut, toImport } from "./schemas";
import { receiveUploads } from "./uploads";

const tenantParams = z.object({ tenantId: z.uuid() });
const importParams = tenantParams.extend({ importId: z.uuid() });
const RAW_TYPES = [
  "text/csv",
  "text/plain",
  "application/xml",
  "text/xml",
  "application/pkcs7-mime",
  "application/octet-stream",
];

export const importRoutes: RouteModule = (app, deps) => {
  const { db } = deps.database;
  const useCaseDeps = { database: deps.database, clock: deps.clock };
  // Raw uploads are streamed to disk by the route, not parsed by Fastify.
  app.addContentTypeParser(RAW_TYPES, (_request, payload, done) => done(null, payload));

  const loadRun = async (tenantId: string, importId: string) => {
    const run = await findImportRun(db, tenantId, importId);
    if (!run) throw new AppError("import_not_found", "import not found");
    return run;
  };

  app.post(
    "/tenants/:tenantId/imports",
    {
      schema: {
        tags: ["imports"],
        summary: "Import CSV or FatturaPA files",
        description:
          "multipart/form-data with one or more `file` parts (.csv, or FatturaPA .xml/.p7m) and an optional " +
          "`mapping` field (JSON column mapping, sent before the files); or a raw text/csv, application/xml " +
          "or application/pkcs7-mime body with ?fileName=. Answers when the import is done; " +
          "GET the import meanwhile for progress.",
        params: tenantParams,
        querystring: z.object({
          fileName: z.string().max(255).optional(),
          mapping: z.string().max(20_000).optional(),
        }),
        response: { 201: importOut.extend({ files: z.array(z.unknown()) }) },
      },
    },
    async (request, reply) => {
      const principal = requireTenant(request, request.params.tenantId, "portfolio:import");
      const upload = await receiveUploads(request);
      try {
        const result = await importFiles(useCaseDeps, {
          tenantId: request.params.tenantId,
          files: upload.files,
          mapping: upload.mapping,
          createdBy: principal.userId,
        });
        const run = await loadRun(request.params.tenantId, result.importId);
        deps.metrics.importedRows.labels(run.kind, "rejected").inc(result.counts.rows.rejected);
        deps.metrics.importedRows
          .labels(run.kind, "accepted")
          .inc(result.counts.rows.read - result.counts.rows.rejected);
        return reply.status(201).send({ ...toImport(run), files: result.files });
      } catch (error) {
        if (error instanceof CsvIntakeError) throw new AppError("validation_failed", error.message);
        throw error;
      } finally {
        await upload.cleanup();
      }
    },
  );

  app.post(
    "/tenants/:tenantId/imports/bulk",
    {
      schema: {
        tags: ["imports"],
        summary: "Import debtors, contacts and invoices as JSON (amounts in minor units)",
        params: tenantParams,
        body: bulkBody,
        response: { 201: importOut },
      },
    },
    async (request, reply) => {
      const principal = requireTenant(request, request.params.tenantId, "portfolio:import");
      const result = await importBulk(useCaseDeps, {
        tenantId: request.params.tenantId,
        body: request.body,
        createdBy: principal.userId,
      });
      return reply
        .status(201)
        .send(toImport(await loadRun(request.params.tenantId, result.importId)));
    },
  );

  app.get(
    "/tenants/:tenantId/imports",
    {
      schema: {
        tags: ["imports"],
        params: tenantParams,
        querystring: pageQuery,
        response: { 200: z.object({ items: z.array(importOut) }) },
      },
    },
    async (request) => {
      requireTenant(request, request.params.tenantId, "portfolio:read");
      const runs = await listImportRuns(db, request.params.tenantId, request.query);
      return { items: runs.map(toImport) };
    },
  );

  app.get(
    "/tenants/:tenantId/imports/:importId",
    {
      schema: {
        tags: ["imports"],
        summary: "Status, progress and counts of an import",
        params: importParams,
        response: { 200: importOut },
      },
    },
    async (request) => {
      requireTenant(request, request.params.tenantId, "portfolio:read");
      return toImport(await loadRun(request.params.tenantId, request.params.importId));
    },
  );

  app.get(
    "/tenants/:tenantId/imports/:importId/errors.csv",
    {
      schema: {
        tags: ["imports"],
        summary: "Every rejected row: file, line, field, value, reason",
        params: importParams,
      },
    },
    async (request, reply) => {
      const { tenantId, importId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      await loadRun(tenantId, importId);
      async function* report() {
        yield UTF8_BOM + csvLine(["file", "line", "field", "value", "reason"]);
        for await (const rows of importErrors(db, tenantId, importId)) {
          yield rows.map((r) => csvLine([r.source, r.line, r.field, r.value, r.reason])).join("");
        }
      }
      reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="import-${importId}-errors.csv"`);
      return reply.send(Readable.from(report()));
    },
  );
};
