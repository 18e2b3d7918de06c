import { z } from "zod";
import { AppError } from "../../../platform/errors";
import { requireTenant } from "../../../platform/http/guard";
import type { RouteModule } from "../../../platform/http/server";
import { MESSAGE_CHANNELS } from "../../channels/domain/choose-recipient";
import { CHANNELS } from "../../policy/domain";
import { previewTemplate } from "../app/preview-template";
import {
  DEFAULT_MESSAGE_TEMPLATES,
  type MessageTemplate,
  TEMPLATE_LANGUAGES,
  TEMPLATE_VARIABLES,
  validateTemplate,
} from "../domain/index.js";
import { insertTemplateVersion, loadTenantTemplates } from "../store/tenant-templates";

const tenantParams = z.object({ tenantId: z.uuid() });
const templateParams = tenantParams.extend({
  templateId: z.string().regex(/^[a-z0-9_.-]{1,80}$/),
  channel: z.enum(CHANNELS),
  language: z.enum(TEMPLATE_LANGUAGES),
});
const templateOut = z.object({
  id: z.string(),
  channel: z.string(),
  language: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  source: z.enum(["default", "tenant"]),
  version: z.number().int().nullable(),
});
const problemOut = z.object({
  code: z.string(),
  part: z.string(),
  message: z.string(),
  line: z.number().optional(),
  column: z.number().optional(),
  variable: z.string().optional(),
  suggestion: z.string().optional(),
});

export const templateRoutes: RouteModule = (app, deps) => {
  app.get(
    "/tenants/:tenantId/templates",
    {
      schema: {
        tags: ["templates"],
        summary: "The tenant's message templates",
        description:
          "Every template in effect: the tenant's latest version where it edited one, the " +
          "shipped Italian and English default otherwise. `variables` lists what a template may use.",
        params: tenantParams,
        response: {
          200: z.object({
            items: z.array(templateOut),
            variables: z.array(z.object({ name: z.string(), description: z.string() })),
          }),
        },
      },
    },
    async (request) => {
      const { tenantId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      const own = await loadTenantTemplates(deps.database.pool, [tenantId]);
      const merged = new Map<string, z.infer<typeof templateOut>>();
      const put = (t: MessageTemplate, source: "default" | "tenant", version: number | null) =>
        merged.set(`${t.id}|${t.channel}|${t.language}`, {
          id: t.id,
          channel: t.channel,
          language: t.language,
          subject: t.subject ?? null,
          body: t.body,
          source,
          version,
        });
      for (const t of DEFAULT_MESSAGE_TEMPLATES) put(t, "default", null);
      for (const t of own.values()) put(t, "tenant", t.version);
      return {
        items: [...merged.values()].sort((a, b) =>
          `${a.id}|${a.channel}|${a.language}`.localeCompare(`${b.id}|${b.channel}|${b.language}`),
        ),
        variables: TEMPLATE_VARIABLES.map((v) => ({ name: v.name, description: v.description })),
      };
    },
  );

  app.put(
    "/tenants/:tenantId/templates/:templateId/:channel/:language",
    {
      schema: {
        tags: ["templates"],
        summary: "Save the tenant's wording of a template (a new version)",
        description:
          "Validated before it is saved: an unknown variable, an unclosed section, a missing " +
          "opt-out (email, SMS) or subject rule is a 422 listing each problem with its line and " +
          "column; nothing is saved then.",
        params: templateParams,
        body: z.object({
          subject: z.string().max(300).optional(),
          body: z.string().min(1).max(20_000),
        }),
        response: {
          201: z.object({ version: z.number().int() }),
          422: z.object({
            error: z.object({
              code: z.string(),
              message: z.string(),
              problems: z.array(problemOut),
            }),
          }),
        },
      },
    },
    async (request, reply) => {
      const { tenantId, templateId, channel, language } = request.params;
      const principal = requireTenant(request, tenantId, "strategies:manage");
      const template: MessageTemplate = {
        id: templateId,
        channel,
        language,
        body: request.body.body,
        ...(request.body.subject !== undefined ? { subject: request.body.subject } : {}),
      };
      const problems = validateTemplate(template);
      if (problems.length > 0) {
        return reply.status(422).send({
          error: {
            code: "template_invalid",
            message: problems.map((p) => p.message).join("; "),
            problems,
          },
        });
      }
      const version = await insertTemplateVersion(deps.database.pool, {
        ...template,
        tenantId,
        createdBy: principal.userId,
      });
      return reply.status(201).send({ version });
    },
  );

  app.post(
    "/tenants/:tenantId/templates/preview",
    {
      schema: {
        tags: ["templates"],
        summary: "Preview a template with a real case",
        description:
          "Renders the saved (or shipped) template, or a draft `subject`/`body`, for the case: " +
          "text, and HTML for email and PEC. Missing data is reported in `error`, validation " +
          "problems in `problems`. Nothing is saved or sent.",
        params: tenantParams,
        body: z.object({
          caseId: z.uuid(),
          templateId: z.string().regex(/^[a-z0-9_.-]{1,80}$/),
          channel: z.enum(
            MESSAGE_CHANNELS as ["email", "sms", "pec", "letter", "registered_letter"],
          ),
          language: z.enum(TEMPLATE_LANGUAGES).optional(),
          subject: z.string().max(300).optional(),
          body: z.string().max(20_000).optional(),
        }),
        response: {
          200: z.object({
            language: z.string(),
            subject: z.string().nullable(),
            text: z.string().nullable(),
            html: z.string().nullable(),
            error: z.string().nullable(),
            problems: z.array(problemOut),
          }),
        },
      },
    },
    async (request) => {
      const { tenantId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      const { caseId, templateId, channel, language, subject, body } = request.body;
      const outcome = await previewTemplate(
        { database: deps.database, channels: deps.channels, now: deps.clock.now() },
        {
          tenantId,
          caseId,
          templateId,
          channel,
          ...(language ? { language } : {}),
          ...(body !== undefined
            ? { draft: { body, ...(subject !== undefined ? { subject } : {}) } }
            : {}),
        },
      );
      if (outcome.kind === "case_not_found") throw new AppError("not_found", "case not found");
      if (outcome.kind === "template_not_found")
        throw new AppError("not_found", `no template "${templateId}" for ${channel}`);
      const { kind: _kind, ...preview } = outcome;
      return preview;
    },
  );
};
