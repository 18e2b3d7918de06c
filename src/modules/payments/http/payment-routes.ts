import { z } from "zod";
import { AppError } from "../../../platform/errors";
import { requireTenant } from "../../../platform/http/guard";
import { pageOut, pageQuery } from "../../../platform/http/paging";
import type { RouteModule } from "../../../platform/http/server";
import { isoDateSchema } from "../../../platform/iso-date";
import { allocateManually } from "../app/allocate-manually";
import { ignorePayment } from "../app/ignore-payment";
import { recordManualPayment } from "../app/record-manual-payment";
import { findPayment, listPayments } from "../store/payment-queries";
import { minorIn, minorOut, paymentOut, toPayment } from "./schemas";

const tenantParams = z.object({ tenantId: z.uuid() });
const paymentParams = tenantParams.extend({ paymentId: z.uuid() });

export const paymentRoutes: RouteModule = (app, deps) => {
  const useCaseDeps = { database: deps.database, clock: deps.clock };

  app.get(
    "/tenants/:tenantId/payments",
    {
      schema: {
        tags: ["payments"],
        summary: "Payments received, newest first; status=unmatched is the queue for a person",
        params: tenantParams,
        querystring: pageQuery.extend({
          status: z.enum(["unmatched", "allocated", "reversed", "ignored"]).optional(),
          caseId: z.uuid().optional(),
          importId: z.uuid().optional(),
        }),
        response: { 200: pageOut(paymentOut) },
      },
    },
    async (request) => {
      const { tenantId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      const { limit, offset, ...filter } = request.query;
      const page = await listPayments(deps.database.pool, tenantId, filter, { limit, offset });
      return { items: page.items.map(toPayment), total: page.total, limit, offset };
    },
  );

  app.get(
    "/tenants/:tenantId/payments/:paymentId",
    {
      schema: {
        tags: ["payments"],
        summary: "One payment with its allocation ledger and, when unmatched, the candidates",
        params: paymentParams,
        response: {
          200: paymentOut.extend({
            allocations: z.array(
              z.object({
                id: z.string(),
                caseId: z.string().nullable(),
                invoiceId: z.string().nullable(),
                invoiceNumber: z.string().nullable(),
                kind: z.string(),
                amountMinor: minorOut,
                reverses: z.string().nullable(),
                at: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const { tenantId, paymentId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      const payment = await findPayment(deps.database.pool, tenantId, paymentId);
      if (!payment) throw new AppError("not_found", "payment not found");
      return {
        ...toPayment(payment),
        allocations: payment.allocations.map((a) => ({
          id: a.id,
          caseId: a.case_id,
          invoiceId: a.invoice_id,
          invoiceNumber: a.invoice_number,
          kind: a.kind,
          amountMinor: a.amount_minor.toString(),
          reverses: a.reverses,
          at: a.at.toISOString(),
        })),
      };
    },
  );

  app.post(
    "/tenants/:tenantId/payments/:paymentId/allocation",
    {
      schema: {
        tags: ["payments"],
        summary: "Match an unmatched payment to one case, or split it over several",
        description:
          "The shares must add up to the payment. Each share settles its case's invoices oldest first; " +
          "what is left over becomes credit on that case. A case paid in full closes.",
        params: paymentParams,
        body: z.object({
          shares: z
            .array(z.object({ caseId: z.uuid(), amountMinor: minorIn }))
            .min(1)
            .max(50),
        }),
        response: { 200: z.object({ status: z.literal("allocated"), closedCases: z.number() }) },
      },
    },
    async (request) => {
      const { tenantId, paymentId } = request.params;
      const principal = requireTenant(request, tenantId, "payments:manage");
      const result = await allocateManually(useCaseDeps, {
        tenantId,
        paymentId,
        shares: request.body.shares,
        userId: principal.userId,
      });
      return { status: "allocated" as const, closedCases: result.closedCases };
    },
  );

  app.post(
    "/tenants/:tenantId/payments/:paymentId/ignore",
    {
      schema: {
        tags: ["payments"],
        summary: "Take an unmatched credit out of the queue (not a debtor's payment)",
        params: paymentParams,
        body: z.object({ reason: z.string().min(3).max(500) }),
        response: { 200: z.object({ status: z.literal("ignored") }) },
      },
    },
    async (request) => {
      const { tenantId, paymentId } = request.params;
      const principal = requireTenant(request, tenantId, "payments:manage");
      await ignorePayment(useCaseDeps, {
        tenantId,
        paymentId,
        reason: request.body.reason,
        userId: principal.userId,
      });
      return { status: "ignored" as const };
    },
  );

  app.post(
    "/tenants/:tenantId/cases/:caseId/payments",
    {
      schema: {
        tags: ["payments"],
        summary: "Book a payment by hand (cash, cheque, a transfer seen before the statement)",
        description: "`key` makes it idempotent: the same key books nothing twice.",
        params: tenantParams.extend({ caseId: z.uuid() }),
        body: z.object({
          amountMinor: minorIn,
          bookedOn: isoDateSchema,
          key: z.string().min(1).max(100),
          payerName: z.string().max(140).optional(),
          note: z.string().max(500).optional(),
        }),
        response: {
          201: z.object({ paymentId: z.string(), created: z.boolean(), closedCases: z.number() }),
        },
      },
    },
    async (request, reply) => {
      const { tenantId, caseId } = request.params;
      const principal = requireTenant(request, tenantId, "payments:manage");
      const result = await recordManualPayment(useCaseDeps, {
        tenantId,
        caseId,
        ...request.body,
        userId: principal.userId,
      });
      return reply.status(201).send(result);
    },
  );
};
