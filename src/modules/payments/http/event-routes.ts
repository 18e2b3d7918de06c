import { z } from "zod";
import { requireTenant } from "../../../platform/http/guard";
import type { RouteModule } from "../../../platform/http/server";
import { PaymentSettingsSchema, paymentSettingsOf } from "../domain/payment-settings";
import { listDomainEvents } from "../store/payment-queries";

const tenantParams = z.object({ tenantId: z.uuid() });

export const eventRoutes: RouteModule = (app, deps) => {
  app.get(
    "/tenants/:tenantId/events",
    {
      schema: {
        tags: ["payments"],
        summary:
          "Integration events in order (payment.received, case.closed, promise.broken, plan.*)",
        description: "Poll with ?after=<the last id you saw>; ids only grow.",
        params: tenantParams,
        querystring: z.object({
          after: z.string().regex(/^\d+$/).default("0"),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                type: z.string(),
                caseId: z.string().nullable(),
                data: z.unknown(),
                occurredAt: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const { tenantId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      const rows = await listDomainEvents(
        deps.database.pool,
        tenantId,
        BigInt(request.query.after),
        request.query.limit,
      );
      return {
        items: rows.map((r) => ({
          id: r.id.toString(),
          type: r.type,
          caseId: r.case_id,
          data: r.data,
          occurredAt: r.occurred_at.toISOString(),
        })),
      };
    },
  );

  app.get(
    "/tenants/:tenantId/payment-settings",
    {
      schema: {
        tags: ["payments"],
        summary:
          "Matching threshold, promise grace and limits, plan policy, SEPA creditor identity",
        params: tenantParams,
      },
    },
    async (request) => {
      const { tenantId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      const { rows } = await deps.database.pool.query(
        "select settings from tenant_payment_settings where tenant_id = $1",
        [tenantId],
      );
      return toJson(paymentSettingsOf(rows[0]?.settings));
    },
  );

  app.put(
    "/tenants/:tenantId/payment-settings",
    {
      schema: {
        tags: ["payments"],
        summary:
          "Set the matching threshold, promise grace and limits, plan policy, SEPA creditor identity",
        params: tenantParams,
        body: z.unknown(),
      },
    },
    async (request) => {
      const { tenantId } = request.params;
      const principal = requireTenant(request, tenantId, "tenants:manage");
      const settings = PaymentSettingsSchema.parse(request.body);
      const stored = toJson(settings);
      await deps.database.pool.query(
        `insert into tenant_payment_settings (tenant_id, settings, updated_by, updated_at) values ($1, $2, $3, $4)
         on conflict (tenant_id) do update set settings = excluded.settings, updated_by = excluded.updated_by,
           updated_at = excluded.updated_at`,
        [tenantId, JSON.stringify(stored), principal.userId, deps.clock.now()],
      );
      return stored;
    },
  );
};

/** Amounts as strings: JSON has no bigint. */
function toJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v)));
}
