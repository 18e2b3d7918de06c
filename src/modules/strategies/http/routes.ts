import { z } from "zod";
import { AppError } from "../../../platform/errors";
import { requirePermission, requireTenant } from "../../../platform/http/guard";
import type { RouteModule } from "../../../platform/http/server";
import {
  findStrategyVersion,
  listTenantStrategies,
  saveTenantStrategy,
  tenantExists,
} from "../app/tenant-strategies";
import { strategyDefinition, strategyJsonSchema } from "../domain";
import {
  strategyOut,
  tenantParams,
  toStrategy,
  toVersion,
  versionOut,
  versionParams,
} from "./schemas";

export const strategyRoutes: RouteModule = (app, deps) => {
  const { db } = deps.database;
  const requireExistingTenant = async (tenantId: string) => {
    if (!(await tenantExists(db, tenantId)))
      throw new AppError("tenant_not_found", "tenant not found");
  };

  app.get(
    "/strategies/schema",
    {
      schema: {
        tags: ["strategies"],
        summary: "The JSON Schema (draft 2020-12) of a strategy definition",
        description:
          "What POST /tenants/{tenantId}/strategies accepts. Cross-field rules (a champion variant, " +
          "unique step ids, the first step's anchor) are checked on save.",
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async (request) => {
      requirePermission(request, "portfolio:read");
      return strategyJsonSchema();
    },
  );

  app.get(
    "/tenants/:tenantId/strategies",
    {
      schema: {
        tags: ["strategies"],
        summary: "The tenant's strategies, each with its versions and latest definition",
        description: "A tenant without strategies first gets the defaults that ship with Saldo.",
        params: tenantParams,
        response: { 200: z.object({ items: z.array(strategyOut) }) },
      },
    },
    async (request) => {
      const { tenantId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      await requireExistingTenant(tenantId);
      const strategies = await listTenantStrategies(deps.database, tenantId);
      return { items: strategies.map(toStrategy) };
    },
  );

  app.get(
    "/tenants/:tenantId/strategies/:key/versions/:version",
    {
      schema: {
        tags: ["strategies"],
        summary: "One version of a strategy",
        params: versionParams,
        response: { 200: versionOut },
      },
    },
    async (request) => {
      const { tenantId, key, version } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      const found = await findStrategyVersion(db, tenantId, key, version);
      if (!found) throw new AppError("strategy_version_not_found", "strategy version not found");
      return toVersion(found);
    },
  );

  app.post(
    "/tenants/:tenantId/strategies",
    {
      schema: {
        tags: ["strategies"],
        summary: "Save a definition as the next version of the strategy with its key",
        description:
          "A new key starts a new strategy at version 1. A definition identical to the latest " +
          "version creates nothing and answers 200 with that version; otherwise 201. Running " +
          "cases keep the version they started with.",
        params: tenantParams,
        body: strategyDefinition,
        response: { 200: versionOut, 201: versionOut },
      },
      // A bad body is answered in the handler, after the tenant check, as
      // strategy_invalid with zod's own issues.
      attachValidation: true,
    },
    async (request, reply) => {
      if (request.validationError && request.validationError.validationContext !== "body")
        throw request.validationError;
      const { tenantId } = request.params;
      const principal = requireTenant(request, tenantId, "strategies:manage");
      const parsed = strategyDefinition.safeParse(request.body as unknown);
      if (!parsed.success) {
        throw new AppError(
          "strategy_invalid",
          "the strategy definition is invalid",
          parsed.error.issues,
        );
      }
      await requireExistingTenant(tenantId);
      const saved = await saveTenantStrategy(deps, {
        tenantId,
        definition: parsed.data,
        createdBy: principal.userId,
      });
      return reply.status(saved.created ? 201 : 200).send(toVersion(saved.version));
    },
  );
};
