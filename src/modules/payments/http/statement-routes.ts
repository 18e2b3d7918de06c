import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../../platform/errors";
import { requireTenant } from "../../../platform/http/guard";
import { pageOut, pageQuery } from "../../../platform/http/paging";
import type { RouteModule } from "../../../platform/http/server";
import { importStatement } from "../app/import-statement";
import { listStatementImports } from "../store/payment-queries";
import { statementImportOut } from "./schemas";

const tenantParams = z.object({ tenantId: z.uuid() });
const STATEMENT_TYPES = [
  "application/xml",
  "text/xml",
  "text/csv",
  "text/plain",
  "application/octet-stream",
];
/** A camt.053 of 100,000 entries is about 100 MB. */
const MAX_STATEMENT_BYTES = 256 * 1024 * 1024;

export const statementRoutes: RouteModule = (app, deps) => {
  const useCaseDeps = { database: deps.database, clock: deps.clock };

  // The statement is read whole (it is one transaction): these routes take the raw bytes.
  app.register(async (plain) => {
    const raw = plain.withTypeProvider<ZodTypeProvider>();
    raw.removeContentTypeParser(STATEMENT_TYPES.filter((t) => raw.hasContentTypeParser(t)));
    raw.addContentTypeParser(
      STATEMENT_TYPES,
      { parseAs: "buffer", bodyLimit: MAX_STATEMENT_BYTES },
      (_request, body, done) => done(null, body),
    );
    raw.post(
      "/tenants/:tenantId/statements",
      {
        schema: {
          tags: ["payments"],
          summary: "Import a bank statement: camt.052/053/054 (.02 to .08) or CSV",
          description:
            "The raw file as the body (application/xml or text/csv) with ?fileName=. One transaction: " +
            "a file that cannot be read changes nothing, and its error names the file, line and element. " +
            "Credits are booked once whatever is re-imported, matched (RF reference, pagoPA IUV, case " +
            "reference, end-to-end id, amount + name) and allocated; the rest wait under " +
            "GET …/payments?status=unmatched. Reversals and returns undo their payment.",
          params: tenantParams,
          querystring: z.object({ fileName: z.string().min(1).max(255) }),
          response: { 201: statementImportOut },
        },
      },
      async (request, reply) => {
        const { tenantId } = request.params;
        const principal = requireTenant(request, tenantId, "payments:manage");
        const content = request.body;
        if (!Buffer.isBuffer(content) || content.length === 0) {
          throw new AppError("bad_request", "send the statement file as the request body");
        }
        const result = await importStatement(useCaseDeps, {
          tenantId,
          fileName: request.query.fileName,
          content,
          importedBy: principal.userId,
        });
        return reply.status(201).send(result);
      },
    );
  });

  app.get(
    "/tenants/:tenantId/statements",
    {
      schema: {
        tags: ["payments"],
        summary: "Statement imports, newest first, with what each booked",
        params: tenantParams,
        querystring: pageQuery,
        response: { 200: pageOut(statementImportOut.extend({ createdAt: z.string() })) },
      },
    },
    async (request) => {
      const { tenantId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      const { limit, offset } = request.query;
      const page = await listStatementImports(deps.database.pool, tenantId, { limit, offset });
      return {
        items: page.items.map((r) => ({
          id: r.id,
          fileName: r.file_name,
          format: r.format,
          version: r.version,
          transactions: r.transactions,
          credits: r.credits,
          duplicates: r.duplicates,
          matched: r.matched,
          unmatched: r.unmatched,
          reversals: r.reversals,
          ignored: r.ignored,
          problems: r.problems,
          createdAt: r.created_at.toISOString(),
        })),
        total: page.total,
        limit,
        offset,
      };
    },
  );
};
