/** The outbound dialer, for supervisors: the call list it works from, and the dispositions it returns as CSV. */
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../../platform/errors";
import { requireTenant } from "../../../platform/http/guard";
import type { RouteModule } from "../../../platform/http/server";
import { DIALER_LIST_DEFAULT, DIALER_LIST_MAX, exportDialerList } from "../app/export-dialer-list";
import { importDialerDispositions } from "../app/import-dialer-dispositions";
import { DialerInputError, readDispositionCsv } from "../domain/dialer-disposition-input";
import { dialerListCsv } from "../domain/dialer-list";
import { tenantParams } from "./schemas";

const TAGS = ["calls"];
const CSV_TYPES = ["text/csv", "text/plain", "application/octet-stream"];
export const MAX_DISPOSITION_BYTES = 5 * 1024 * 1024;

export const dispositionImportOut = z.object({
  recorded: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), field: z.string(), reason: z.string() })),
});

/** UTF-8 only: a byte that is not is an error, never a silently changed name or note. */
export function utf8Text(body: unknown): string {
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new AppError("bad_request", "send the dispositions as the request body");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw new AppError("validation_failed", "the body is not UTF-8 text");
  }
}

export const dialerRoutes: RouteModule = (app, deps) => {
  const useCaseDeps = { database: deps.database, clock: deps.clock };

  app.get(
    "/tenants/:tenantId/dialer/export.csv",
    {
      schema: {
        tags: TAGS,
        summary: "The call list for an outbound dialer (claims every row it lists)",
        description:
          "The tenant's best queued tasks the contact policy allows now, one row per task and per " +
          "person, with the number to dial and the allowed call window in the debtor's zone and in " +
          "UTC. Each row is claimed by the dialer until its window closes and counts as a call " +
          "attempt against the caps; refused tasks are deferred or closed (GET …/call-blocks). " +
          "Header x-saldo-held-back: how many the policy (or a missing number) held back. Layout: " +
          "docs/calls.md, Dialer.",
        params: tenantParams,
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(DIALER_LIST_MAX).default(DIALER_LIST_DEFAULT),
        }),
      },
    },
    async (request, reply) => {
      const { tenantId } = request.params;
      requireTenant(request, tenantId, "calls:supervise");
      const list = await exportDialerList(useCaseDeps, { tenantId, limit: request.query.limit });
      const stamp = deps.clock.now().toISOString().slice(0, 16).replace(/[-:]/g, "");
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="dialer-${stamp}.csv"`)
        .header("cache-control", "no-store")
        .header("x-saldo-held-back", String(list.heldBack))
        .send(dialerListCsv(list.rows));
    },
  );

  // The file is the body, read whole (5 MB at most).
  app.register(async (plain) => {
    const raw = plain.withTypeProvider<ZodTypeProvider>();
    raw.removeContentTypeParser(CSV_TYPES.filter((t) => raw.hasContentTypeParser(t)));
    raw.addContentTypeParser(
      CSV_TYPES,
      { parseAs: "buffer", bodyLimit: MAX_DISPOSITION_BYTES },
      (_request, body, done) => done(null, body),
    );
    raw.post(
      "/tenants/:tenantId/dialer/dispositions",
      {
        schema: {
          tags: TAGS,
          summary: "Import the dialer's dispositions (CSV)",
          description:
            "A text/csv body (UTF-8, header row; columns in docs/calls.md, Dialer). Outcomes are " +
            "Saldo's codes or VICIdial statuses. Each good row is recorded as an agent's call would " +
            "be; each bad one is reported with its line, field and reason and the others are kept. " +
            "A row whose call_id was recorded before counts as a duplicate and changes nothing.",
          params: tenantParams,
          response: { 200: dispositionImportOut },
        },
      },
      async (request) => {
        const { tenantId } = request.params;
        requireTenant(request, tenantId, "calls:supervise");
        let parsed: ReturnType<typeof readDispositionCsv>;
        try {
          parsed = readDispositionCsv(utf8Text(request.body));
        } catch (error) {
          if (error instanceof DialerInputError)
            throw new AppError("validation_failed", error.message);
          throw error;
        }
        return importDialerDispositions(useCaseDeps, { tenantId, raw: parsed, naming: "csv" });
      },
    );
  });
};
