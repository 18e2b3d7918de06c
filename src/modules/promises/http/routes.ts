import { z } from "zod";
import { AppError } from "../../../platform/errors";
import { requireTenant } from "../../../platform/http/guard";
import type { RouteModule } from "../../../platform/http/server";
import { isoDateSchema } from "../../../platform/iso-date";
import { minorIn, minorOut } from "../../payments/http/schemas";
import { recordPromise } from "../app/record-promise";
import { listCasePromises, type PromiseRow } from "../store/promise-queries";

const caseParams = z.object({ tenantId: z.uuid(), caseId: z.uuid() });

const promiseOut = z.object({
  id: z.string(),
  caseId: z.string(),
  amountMinor: minorOut,
  currency: z.string(),
  dueDate: z.string(),
  graceDays: z.number(),
  source: z.string(),
  status: z.enum(["pending", "kept", "broken", "cancelled"]),
  paidMinor: minorOut,
  note: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});

function toPromise(row: PromiseRow): z.infer<typeof promiseOut> {
  return {
    id: row.id,
    caseId: row.case_id,
    amountMinor: row.amount_minor.toString(),
    currency: row.currency,
    dueDate: row.due_date,
    graceDays: row.grace_days,
    source: row.source,
    status: row.status as z.infer<typeof promiseOut>["status"],
    paidMinor: row.paid_minor.toString(),
    note: row.note,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    resolvedAt: row.resolved_at?.toISOString() ?? null,
  };
}

export const promiseRoutes: RouteModule = (app, deps) => {
  app.post(
    "/tenants/:tenantId/cases/:caseId/promises",
    {
      schema: {
        tags: ["promises"],
        summary: "Record a promise to pay (amount and date)",
        description:
          "Replaces a pending promise. Reminders wait until the date plus the tenant's grace; " +
          "reconciled payments keep it, and past its grace unpaid it is broken: the case's priority " +
          "goes up and the strategy resumes. Without an amount it is for the whole balance.",
        params: caseParams,
        body: z.object({
          dueDate: isoDateSchema,
          amountMinor: minorIn.optional(),
          source: z.enum(["agent", "portal", "api"]).default("api"),
          note: z.string().max(1000).optional(),
        }),
        response: { 201: promiseOut },
      },
    },
    async (request, reply) => {
      const { tenantId, caseId } = request.params;
      const principal = requireTenant(request, tenantId, "agreements:record");
      const { amountMinor, note, ...rest } = request.body;
      const promise = await recordPromise(
        { database: deps.database, clock: deps.clock },
        {
          tenantId,
          caseId,
          ...rest,
          ...(amountMinor !== undefined ? { amountMinor } : {}),
          ...(note ? { note } : {}),
          createdBy: `user:${principal.userId}`,
        },
      );
      const [row] = (await listCasePromises(deps.database.pool, tenantId, caseId)).filter(
        (p) => p.id === promise.id,
      );
      return reply.status(201).send(toPromise(row!));
    },
  );

  app.get(
    "/tenants/:tenantId/cases/:caseId/promises",
    {
      schema: {
        tags: ["promises"],
        summary: "The case's promises to pay, newest first, with what was paid towards each",
        params: caseParams,
        response: { 200: z.object({ items: z.array(promiseOut) }) },
      },
    },
    async (request) => {
      const { tenantId, caseId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      const found = await deps.database.pool.query(
        "select 1 from cases where tenant_id = $1 and id = $2",
        [tenantId, caseId],
      );
      if (!found.rowCount) throw new AppError("case_not_found", "case not found");
      return {
        items: (await listCasePromises(deps.database.pool, tenantId, caseId)).map(toPromise),
      };
    },
  );
};
