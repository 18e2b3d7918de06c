import { z } from "zod";
import { AppError } from "../../../platform/errors";
import { requireTenant } from "../../../platform/http/guard";
import { pageOut, pageQuery } from "../../../platform/http/paging";
import type { RouteModule } from "../../../platform/http/server";
import { findMessage, listMessages, messageDocument } from "../store/message-queries";
import { messageOut, toMessage } from "./schemas";

const tenantParams = z.object({ tenantId: z.uuid() });
const messageParams = tenantParams.extend({ messageId: z.uuid() });

export const outboxRoutes: RouteModule = (app, deps) => {
  app.get(
    "/tenants/:tenantId/messages",
    {
      schema: {
        tags: ["channels"],
        summary: "The outbox and send log",
        description:
          "Every message Saldo wrote for the tenant, newest first, with its status " +
          "(queued, sending, sent, delivered, failed_temporary, failed_permanent, suppressed, " +
          "unknown), provider ids and cost. Without a configured provider, email and SMS are " +
          "delivered here (transport `outbox`).",
        params: tenantParams,
        querystring: pageQuery.extend({
          channel: z.enum(["email", "sms", "pec", "letter", "registered_letter"]).optional(),
          status: z.string().max(40).optional(),
          caseId: z.uuid().optional(),
        }),
        response: { 200: pageOut(messageOut) },
      },
    },
    async (request) => {
      const { tenantId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      const { limit, offset, ...filter } = request.query;
      const page = await listMessages(deps.database.pool, tenantId, filter, { limit, offset });
      return { items: page.items.map(toMessage), total: page.total, limit, offset };
    },
  );

  app.get(
    "/tenants/:tenantId/messages/:messageId",
    {
      schema: {
        tags: ["channels"],
        summary: "One message, with what it said",
        params: messageParams,
        response: {
          200: messageOut.extend({ bodyText: z.string(), bodyHtml: z.string().nullable() }),
        },
      },
    },
    async (request) => {
      const { tenantId, messageId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      const row = await findMessage(deps.database.pool, tenantId, messageId);
      if (!row) throw new AppError("not_found", "message not found");
      return { ...toMessage(row), bodyText: row.body_text, bodyHtml: row.body_html };
    },
  );

  app.get(
    "/tenants/:tenantId/messages/:messageId/document",
    {
      schema: {
        tags: ["channels"],
        summary: "The letter (PDF) a letter, registered letter or PEC message carries",
        params: messageParams,
      },
    },
    async (request, reply) => {
      const { tenantId, messageId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      const document = await messageDocument(deps.database.pool, tenantId, messageId);
      if (!document) throw new AppError("not_found", "this message has no document");
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `inline; filename="${messageId}.pdf"`)
        .send(document);
    },
  );
};
