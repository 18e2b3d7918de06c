import { z } from "zod";
import { requireTenant } from "../../../platform/http/guard";
import type { RouteModule } from "../../../platform/http/server";
import {
  channelSettingsSchema,
  keepingSecrets,
  withSecretsMasked,
} from "../domain/channel-settings";

const tenantParams = z.object({ tenantId: z.uuid() });

export const channelSettingsRoutes: RouteModule = (app, deps) => {
  const storedSettings = async (tenantId: string): Promise<unknown> => {
    const { rows } = await deps.database.pool.query(
      "select settings from tenant_channel_settings where tenant_id = $1",
      [tenantId],
    );
    return rows[0]?.settings ?? {};
  };

  app.get(
    "/tenants/:tenantId/channel-settings",
    {
      schema: {
        tags: ["channels"],
        summary: "Sender identity, letterhead, payment details and costs",
        description:
          "What the tenant set; every field left out falls back to a default from the tenant.",
        params: tenantParams,
        response: { 200: channelSettingsSchema },
      },
    },
    async (request) => {
      const { tenantId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      return withSecretsMasked(channelSettingsSchema.parse(await storedSettings(tenantId)));
    },
  );

  app.put(
    "/tenants/:tenantId/channel-settings",
    {
      schema: {
        tags: ["channels"],
        summary: "Set the sender identity, letterhead, payment details and costs",
        description:
          "Replaces the tenant's settings. The envelope's return line must not reveal a debt " +
          "(no 'recupero crediti', no amounts): letters refuse to render otherwise. Secrets " +
          "(dialer.webhookSecret) are never shown back: GET answers ******** in their place, and " +
          "a PUT that sends ******** keeps the stored secret.",
        params: tenantParams,
        body: channelSettingsSchema,
        response: { 200: channelSettingsSchema },
      },
    },
    async (request) => {
      const { tenantId } = request.params;
      const principal = requireTenant(request, tenantId, "tenants:manage");
      const stored = channelSettingsSchema.safeParse(await storedSettings(tenantId));
      const settings = keepingSecrets(
        request.body,
        stored.success ? stored.data : channelSettingsSchema.parse({}),
      );
      await deps.database.pool.query(
        `insert into tenant_channel_settings (tenant_id, settings, updated_by, updated_at) values ($1, $2, $3, $4)
         on conflict (tenant_id) do update set settings = excluded.settings, updated_by = excluded.updated_by,
           updated_at = excluded.updated_at`,
        [tenantId, JSON.stringify(settings), principal.userId, deps.clock.now()],
      );
      return withSecretsMasked(settings);
    },
  );

  app.get(
    "/tenants/:tenantId/tasks",
    {
      schema: {
        tags: ["channels"],
        summary: "Work for a person: replies to review, callbacks, proofs of payment to check",
        params: tenantParams,
        querystring: z.object({ status: z.enum(["open", "done", "cancelled"]).default("open") }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                caseId: z.string(),
                kind: z.string(),
                reason: z.string(),
                status: z.string(),
                dueAt: z.string(),
                reply: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const { tenantId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      const { rows } = await deps.database.pool.query<{
        id: string;
        case_id: string;
        kind: string;
        reason: string;
        status: string;
        due_at: Date;
        body: string | null;
      }>(
        `select t.id, t.case_id, t.kind, t.reason, t.status, t.due_at, i.body
         from case_tasks t left join inbound_messages i on i.id = t.source_inbound_id
         where t.tenant_id = $1 and t.status = $2 order by t.due_at limit 500`,
        [tenantId, request.query.status],
      );
      return {
        items: rows.map((r) => ({
          id: r.id,
          caseId: r.case_id,
          kind: r.kind,
          reason: r.reason,
          status: r.status,
          dueAt: r.due_at.toISOString(),
          reply: r.body,
        })),
      };
    },
  );
};
