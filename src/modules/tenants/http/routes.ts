import { z } from "zod";
import { AppError } from "../../../platform/errors";
import { requirePermission, requireTenant } from "../../../platform/http/guard";
import type { RouteModule } from "../../../platform/http/server";
import { canReachTenant } from "../../auth/domain/roles";
import { createTenant, createTenantInput } from "../app/create-tenant";

export const tenantOut = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  legalName: z.string().nullable(),
  vatNumber: z.string().nullable(),
  currency: z.string(),
  locale: z.string(),
  timeZone: z.string(),
  country: z.string(),
});

type TenantRow = {
  id: string;
  slug: string;
  name: string;
  legal_name: string | null;
  vat_number: string | null;
  currency: string;
  locale: string;
  time_zone: string;
  country: string;
};

const toTenant = (t: TenantRow): z.infer<typeof tenantOut> => ({
  id: t.id,
  slug: t.slug,
  name: t.name,
  legalName: t.legal_name,
  vatNumber: t.vat_number,
  currency: t.currency,
  locale: t.locale,
  timeZone: t.time_zone,
  country: t.country,
});

const tenantParams = z.object({ tenantId: z.uuid() });

export const tenantRoutes: RouteModule = (app, deps) => {
  const { db } = deps.database;

  app.get(
    "/tenants",
    {
      schema: {
        tags: ["tenants"],
        summary: "Tenants the caller may see",
        response: { 200: z.object({ items: z.array(tenantOut) }) },
      },
    },
    async (request) => {
      const principal = requirePermission(request, "portfolio:read");
      const rows = await db.selectFrom("tenants").selectAll().orderBy("name").execute();
      return { items: rows.filter((t) => canReachTenant(principal, t.id)).map(toTenant) };
    },
  );

  app.get(
    "/tenants/:tenantId",
    { schema: { tags: ["tenants"], params: tenantParams, response: { 200: tenantOut } } },
    async (request) => {
      requireTenant(request, request.params.tenantId, "portfolio:read");
      const row = await db
        .selectFrom("tenants")
        .selectAll()
        .where("id", "=", request.params.tenantId)
        .executeTakeFirst();
      if (!row) throw new AppError("tenant_not_found", "tenant not found");
      return toTenant(row);
    },
  );

  app.post(
    "/tenants",
    {
      schema: {
        tags: ["tenants"],
        summary: "Create a creditor tenant (admin)",
        body: createTenantInput,
        response: { 201: tenantOut },
      },
    },
    async (request, reply) => {
      requirePermission(request, "tenants:manage");
      return reply.status(201).send(toTenant(await createTenant({ db }, request.body)));
    },
  );
};
