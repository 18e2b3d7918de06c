import { z } from "zod";
import { AppError } from "../../../platform/errors.js";
import { requireTenant } from "../../../platform/http/guard.js";
import type { RouteModule } from "../../../platform/http/server.js";
import { surveySummary } from "../app/answer-survey.js";
import { listCaseMessages, markMessagesRead, postCaseMessage } from "../app/case-messages.js";

const caseParams = z.object({ tenantId: z.uuid(), caseId: z.uuid() });
const messageOut = z.object({
  id: z.string(),
  author: z.enum(["debtor", "agency"]),
  body: z.string(),
  at: z.string(),
  readAt: z.string().nullable(),
});

/** The agency's side of the portal: the message thread, the reasons given, survey results. */
export const portalStaffRoutes: RouteModule = (app, deps) => {
  const useCaseDeps = { database: deps.database, clock: deps.clock };
  const pool = deps.database.pool;

  async function caseExists(tenantId: string, caseId: string) {
    const { rows } = await pool.query("select 1 from cases where tenant_id = $1 and id = $2", [
      tenantId,
      caseId,
    ]);
    if (rows.length === 0) throw new AppError("case_not_found", "case not found");
  }

  app.get(
    "/tenants/:tenantId/cases/:caseId/messages",
    {
      schema: {
        tags: ["portal"],
        summary: "The case's message thread with the debtor (marks the debtor's messages read)",
        params: caseParams,
        response: { 200: z.object({ messages: z.array(messageOut) }) },
      },
    },
    async (request) => {
      const { tenantId, caseId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      await caseExists(tenantId, caseId);
      const messages = await listCaseMessages(deps.database, { tenantId, caseId });
      await markMessagesRead(useCaseDeps, { tenantId, caseId }, "agency");
      return {
        messages: messages.map((m) => ({
          ...m,
          at: m.at.toISOString(),
          readAt: m.readAt?.toISOString() ?? null,
        })),
      };
    },
  );

  app.post(
    "/tenants/:tenantId/cases/:caseId/messages",
    {
      schema: {
        tags: ["portal"],
        summary: "Answer the debtor in the case's thread (they read it in the portal)",
        params: caseParams,
        body: z.object({ body: z.string().trim().min(1).max(4000) }),
        response: { 201: messageOut },
      },
    },
    async (request, reply) => {
      const { tenantId, caseId } = request.params;
      const principal = requireTenant(request, tenantId, "agreements:record");
      const message = await postCaseMessage(useCaseDeps, {
        tenantId,
        caseId,
        author: "agency",
        userId: principal.userId,
        body: request.body.body,
      });
      return reply.status(201).send({ ...message, at: message.at.toISOString(), readAt: null });
    },
  );

  app.get(
    "/tenants/:tenantId/cases/:caseId/reasons",
    {
      schema: {
        tags: ["portal"],
        summary: "Why the debtor says they have not paid, with any proof they uploaded",
        params: caseParams,
        response: {
          200: z.object({
            reasons: z.array(
              z.object({
                id: z.string(),
                reason: z.string(),
                text: z.string().nullable(),
                source: z.string(),
                at: z.string(),
                attachments: z.array(
                  z.object({
                    id: z.string(),
                    fileName: z.string(),
                    contentType: z.string(),
                    sizeBytes: z.number(),
                    sha256: z.string(),
                  }),
                ),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const { tenantId, caseId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      await caseExists(tenantId, caseId);
      const { rows } = await pool.query(
        `select r.id, r.reason, r.text, r.source, r.created_at,
           coalesce(json_agg(json_build_object('id', a.id, 'fileName', a.file_name, 'contentType', a.content_type,
             'sizeBytes', a.size_bytes, 'sha256', a.sha256)) filter (where a.id is not null), '[]') as attachments
         from case_reasons r left join case_attachments a on a.reason_id = r.id
         where r.tenant_id = $1 and r.case_id = $2 group by r.id order by r.created_at`,
        [tenantId, caseId],
      );
      return {
        reasons: rows.map((r) => ({
          id: r.id,
          reason: r.reason,
          text: r.text,
          source: r.source,
          at: r.created_at.toISOString(),
          attachments: r.attachments,
        })),
      };
    },
  );

  app.get(
    "/tenants/:tenantId/cases/:caseId/attachments/:attachmentId",
    {
      schema: {
        tags: ["portal"],
        summary: "Download a file the debtor uploaded",
        params: caseParams.extend({ attachmentId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const { tenantId, caseId, attachmentId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      const { rows } = await pool.query<{ file_name: string; content_type: string; bytes: Buffer }>(
        "select file_name, content_type, bytes from case_attachments where tenant_id = $1 and case_id = $2 and id = $3",
        [tenantId, caseId, attachmentId],
      );
      const file = rows[0];
      if (!file) throw new AppError("not_found", "attachment not found");
      return reply
        .type(file.content_type)
        .header(
          "content-disposition",
          `attachment; filename="${file.file_name.replace(/[^\w.-]+/g, "_")}"`,
        )
        .header("x-content-type-options", "nosniff")
        .send(file.bytes);
    },
  );

  app.get(
    "/tenants/:tenantId/surveys/summary",
    {
      schema: {
        tags: ["portal"],
        summary: "Satisfaction after paying or agreeing a plan: CSAT, CES, NPS",
        params: z.object({ tenantId: z.uuid() }),
        querystring: z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() }),
        response: {
          200: z.object({
            responses: z.number(),
            csatAverage: z.number().nullable(),
            csatSatisfiedPercent: z.number().nullable(),
            cesAverage: z.number().nullable(),
            nps: z.number().nullable(),
          }),
        },
      },
    },
    async (request) => {
      const { tenantId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      return surveySummary(deps.database, { tenantId, ...request.query });
    },
  );
};
