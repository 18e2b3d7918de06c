import { z } from "zod";
import { AppError } from "../../../platform/errors";
import { requireTenant } from "../../../platform/http/guard";
import type { RouteModule } from "../../../platform/http/server";
import { loadTenantPolicy, saveTenantPolicy, type TenantPolicyView } from "../app/tenant-policy";
import { policyBody, policyOut } from "./schemas";

const tenantParams = z.object({ tenantId: z.uuid() });

// ContactPolicy's arrays are readonly; the response schema's are not. Same data.
const toPolicy = (v: TenantPolicyView) =>
  ({
    ...v,
    updatedAt: v.updatedAt?.toISOString() ?? null,
  }) as z.output<typeof policyOut>;

export const policyRoutes: RouteModule = (app, deps) => {
  const { db } = deps.database;

  app.get(
    "/tenants/:tenantId/contact-policy",
    {
      schema: {
        tags: ["policy"],
        summary: "The tenant's effective contact policy, its preset and overrides",
        description:
          "Until a policy is set, the preset of the tenant's country (Italy when Saldo has none).",
        params: tenantParams,
        response: { 200: policyOut },
      },
    },
    async (request) => {
      const { tenantId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      const found = await loadTenantPolicy(db, tenantId);
      if (!found) throw new AppError("tenant_not_found", "tenant not found");
      return toPolicy(found);
    },
  );

  app.put(
    "/tenants/:tenantId/contact-policy",
    {
      schema: {
        tags: ["policy"],
        summary: "Set the tenant's preset and overrides",
        description:
          "Overrides may only tighten the preset. Anything looser answers 422 with every " +
          "violation, unless `approval` { loosen: true, approvedBy, reason } allows it; the " +
          "approval is then kept and shown as `loosening`.",
        params: tenantParams,
        body: policyBody,
        response: { 200: policyOut },
      },
    },
    async (request) => {
      const { tenantId } = request.params;
      const principal = requireTenant(request, tenantId, "policy:manage");
      if (
        !(await db.selectFrom("tenants").select("id").where("id", "=", tenantId).executeTakeFirst())
      )
        throw new AppError("tenant_not_found", "tenant not found");
      const result = await saveTenantPolicy(
        { db, now: deps.clock.now() },
        { tenantId, ...request.body, updatedBy: principal.userId },
      );
      if (result.kind === "loosening_not_approved") {
        throw new AppError("policy_loosening_not_approved", result.message, {
          violations: result.violations,
        });
      }
      if (result.kind === "malformed") throw new AppError("validation_failed", result.message);
      return toPolicy(result.view);
    },
  );
};
