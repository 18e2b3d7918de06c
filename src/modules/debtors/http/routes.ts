import { z } from "zod";
import { AppError } from "../../../platform/errors";
import { requireTenant } from "../../../platform/http/guard";
import { pageOut, pageQuery } from "../../../platform/http/paging";
import type { RouteModule } from "../../../platform/http/server";
import { findDebtor, listDebtors } from "../store/debtor-queries";
import { contactOut, debtorOut, toContact, toDebtor } from "./schemas";

const tenantParams = z.object({ tenantId: z.uuid() });

export const debtorRoutes: RouteModule = (app, deps) => {
  const { db } = deps.database;

  app.get(
    "/tenants/:tenantId/debtors",
    {
      schema: {
        tags: ["portfolio"],
        summary: "Debtors of a tenant, by name; q searches name, external id, tax code, VAT number",
        params: tenantParams,
        querystring: pageQuery.extend({
          q: z.string().max(200).optional(),
          segment: z.string().max(100).optional(),
        }),
        response: { 200: pageOut(debtorOut) },
      },
    },
    async (request) => {
      const { tenantId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      const { limit, offset, ...filter } = request.query;
      const result = await listDebtors(db, tenantId, filter, { limit, offset });
      return { items: result.items.map(toDebtor), total: result.total, limit, offset };
    },
  );

  app.get(
    "/tenants/:tenantId/debtors/:debtorId",
    {
      schema: {
        tags: ["portfolio"],
        summary: "One debtor with its contact points",
        params: tenantParams.extend({ debtorId: z.uuid() }),
        response: { 200: debtorOut.extend({ contacts: z.array(contactOut) }) },
      },
    },
    async (request) => {
      const { tenantId, debtorId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      const found = await findDebtor(db, tenantId, debtorId);
      if (!found) throw new AppError("debtor_not_found", "debtor not found");
      return { ...toDebtor(found.debtor), contacts: found.contacts.map(toContact) };
    },
  );
};
