import { z } from "zod";
import { AppError } from "../../../platform/errors";
import { requireTenant } from "../../../platform/http/guard";
import { pageOut, pageQuery } from "../../../platform/http/paging";
import type { RouteModule } from "../../../platform/http/server";
import { isoDateSchema } from "../../../platform/iso-date";
import { findInvoice, listInvoices } from "../store/invoice-queries";
import { installmentOut, invoiceOut, toInstallment, toInvoice } from "./schemas";

const tenantParams = z.object({ tenantId: z.uuid() });
const isoDate = isoDateSchema;

export const invoiceRoutes: RouteModule = (app, deps) => {
  const { db } = deps.database;

  app.get(
    "/tenants/:tenantId/invoices",
    {
      schema: {
        tags: ["portfolio"],
        summary: "Invoices of a tenant by due date",
        params: tenantParams,
        querystring: pageQuery.extend({
          status: z.enum(["open", "paid", "cancelled"]).optional(),
          debtorId: z.uuid().optional(),
          caseId: z.uuid().optional(),
          dueBefore: isoDate.optional(),
          dueAfter: isoDate.optional(),
        }),
        response: { 200: pageOut(invoiceOut) },
      },
    },
    async (request) => {
      const { tenantId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      const { limit, offset, ...filter } = request.query;
      const result = await listInvoices(db, tenantId, filter, { limit, offset });
      return { items: result.items.map(toInvoice), total: result.total, limit, offset };
    },
  );

  app.get(
    "/tenants/:tenantId/invoices/:invoiceId",
    {
      schema: {
        tags: ["portfolio"],
        summary: "One invoice with its installments",
        params: tenantParams.extend({ invoiceId: z.uuid() }),
        response: { 200: invoiceOut.extend({ installments: z.array(installmentOut) }) },
      },
    },
    async (request) => {
      const { tenantId, invoiceId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      const found = await findInvoice(db, tenantId, invoiceId);
      if (!found) throw new AppError("invoice_not_found", "invoice not found");
      return { ...toInvoice(found.invoice), installments: found.installments.map(toInstallment) };
    },
  );
};
