import { z } from "zod";
import { AppError } from "../../../platform/errors";
import { requireTenant } from "../../../platform/http/guard";
import type { RouteModule } from "../../../platform/http/server";
import { isoDateSchema } from "../../../platform/iso-date";
import { createDirectDebitBatch } from "../app/create-direct-debit-batch";
import { registerMandate } from "../app/register-mandate";
import { minorOut } from "./schemas";

const tenantParams = z.object({ tenantId: z.uuid() });

export const directDebitRoutes: RouteModule = (app, deps) => {
  const useCaseDeps = { database: deps.database, clock: deps.clock };

  app.post(
    "/tenants/:tenantId/plans/:planId/mandate",
    {
      schema: {
        tags: ["payments"],
        summary: "Register the SEPA Direct Debit mandate that pays a plan's installments",
        params: tenantParams.extend({ planId: z.uuid() }),
        body: z.object({
          debtorName: z.string().min(1).max(140),
          iban: z.string().min(15).max(42),
          bic: z.string().min(8).max(11).optional(),
          signedOn: isoDateSchema,
        }),
        response: { 201: z.object({ mandateId: z.string(), reference: z.string() }) },
      },
    },
    async (request, reply) => {
      const { tenantId, planId } = request.params;
      const principal = requireTenant(request, tenantId, "agreements:record");
      const { bic, ...rest } = request.body;
      const result = await registerMandate(useCaseDeps, {
        tenantId,
        planId,
        ...rest,
        ...(bic ? { bic } : {}),
        by: `user:${principal.userId}`,
      });
      return reply.status(201).send(result);
    },
  );

  app.post(
    "/tenants/:tenantId/direct-debit/batches",
    {
      schema: {
        tags: ["payments"],
        summary: "Make the pain.008 file of the direct-debit installments due by a day",
        description:
          "Each installment is collected once; the first collection under a mandate is FRST, later ones RCUR. " +
          "Collection dates are at least the tenant's lead days from today. Download the file from " +
          "GET …/direct-debit/batches/{batchId}/pain008.xml and send it to the bank.",
        params: tenantParams,
        body: z.object({
          dueUntil: isoDateSchema,
          version: z.enum(["001.02", "001.08"]).default("001.08"),
        }),
        response: {
          201: z.object({
            batchId: z.string().nullable(),
            collections: z.number(),
            totalMinor: minorOut,
            skipped: z.array(z.object({ installmentId: z.string(), reason: z.string() })),
          }),
        },
      },
    },
    async (request, reply) => {
      const { tenantId } = request.params;
      const principal = requireTenant(request, tenantId, "payments:manage");
      const result = await createDirectDebitBatch(useCaseDeps, {
        tenantId,
        ...request.body,
        userId: principal.userId,
      });
      return reply.status(201).send({ ...result, totalMinor: result.totalMinor.toString() });
    },
  );

  app.get(
    "/tenants/:tenantId/direct-debit/batches/:batchId/pain008.xml",
    {
      schema: {
        tags: ["payments"],
        summary: "The pain.008 file of a direct-debit batch",
        params: tenantParams.extend({ batchId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const { tenantId, batchId } = request.params;
      requireTenant(request, tenantId, "payments:manage");
      const { rows } = await deps.database.pool.query<{ xml: string; message_id: string }>(
        "select xml, message_id from sdd_batches where tenant_id = $1 and id = $2",
        [tenantId, batchId],
      );
      const batch = rows[0];
      if (!batch) throw new AppError("not_found", "batch not found");
      return reply
        .type("application/xml; charset=utf-8")
        .header("content-disposition", `attachment; filename="${batch.message_id}.xml"`)
        .send(batch.xml);
    },
  );
};
