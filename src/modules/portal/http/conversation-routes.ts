import { z } from "zod";
import type { RouteModule } from "../../../platform/http/server.js";
import { answerSurvey } from "../app/answer-survey.js";
import { listCaseMessages, markMessagesRead, postCaseMessage } from "../app/case-messages.js";
import { loadPreferences, savePreferences } from "../app/contact-preferences.js";
import { giveReason } from "../app/give-reason.js";
import { preferencesSchema } from "../domain/preferences.js";
import { ATTACHMENT_TYPES, PORTAL_REASONS } from "../domain/reasons.js";
import { requirePortalSession, SMALL_BODY } from "./portal-session.js";

const TAGS = ["portal"];
const messageOut = z.object({
  id: z.string(),
  author: z.enum(["debtor", "agency"]),
  body: z.string(),
  at: z.string(),
});

/** What the debtor tells the agency: reasons, preferences, messages, the survey. */
export const portalConversationRoutes: RouteModule = (app, deps) => {
  const useCaseDeps = { database: deps.database, clock: deps.clock };

  app.post(
    "/api/portal/reasons",
    {
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags: TAGS,
        summary: "Tell why the debt is not paid (with proof, if any)",
        description:
          "Every reason pauses contacts (a dispute or hardship hold) and opens a task for a person.",
        body: z.object({
          reason: z.enum(PORTAL_REASONS),
          text: z.string().trim().max(4000).optional(),
          attachment: z
            .object({
              fileName: z.string().min(1).max(200),
              contentType: z.enum(ATTACHMENT_TYPES),
              base64: z.string().max(7_000_000),
            })
            .optional(),
        }),
        response: { 201: z.object({ id: z.string(), hold: z.boolean() }) },
      },
    },
    async (request, reply) => {
      const session = await requirePortalSession(request, deps, { write: true });
      const { attachment, ...rest } = request.body;
      const given = await giveReason(useCaseDeps, {
        ...session,
        ...rest,
        attachment: attachment
          ? {
              fileName: attachment.fileName,
              contentType: attachment.contentType,
              bytes: Buffer.from(attachment.base64, "base64"),
            }
          : undefined,
      });
      return reply.status(201).send(given);
    },
  );

  app.get(
    "/api/portal/preferences",
    {
      schema: {
        tags: TAGS,
        summary: "The debtor's contact preferences",
        response: { 200: preferencesSchema },
      },
    },
    async (request) => {
      const session = await requirePortalSession(request, deps, { write: false });
      return loadPreferences(deps.database, session);
    },
  );

  app.put(
    "/api/portal/preferences",
    {
      bodyLimit: SMALL_BODY,
      schema: {
        tags: TAGS,
        summary: "Save channel, time window, language and opt-outs",
        body: preferencesSchema,
        response: { 200: preferencesSchema },
      },
    },
    async (request) => {
      const session = await requirePortalSession(request, deps, { write: true });
      return savePreferences(useCaseDeps, session, request.body);
    },
  );

  app.get(
    "/api/portal/messages",
    {
      schema: {
        tags: TAGS,
        summary: "The message thread with the agency (marks its answers read)",
        response: { 200: z.object({ messages: z.array(messageOut) }) },
      },
    },
    async (request) => {
      const session = await requirePortalSession(request, deps, { write: false });
      const messages = await listCaseMessages(deps.database, session);
      await markMessagesRead(useCaseDeps, session, "debtor");
      return { messages: messages.map((m) => ({ ...m, at: m.at.toISOString() })) };
    },
  );

  app.post(
    "/api/portal/messages",
    {
      bodyLimit: SMALL_BODY,
      schema: {
        tags: TAGS,
        summary: "Write to the agency",
        body: z.object({ body: z.string().trim().min(1).max(4000) }),
        response: { 201: messageOut },
      },
    },
    async (request, reply) => {
      const session = await requirePortalSession(request, deps, { write: true });
      const message = await postCaseMessage(useCaseDeps, {
        ...session,
        author: "debtor",
        body: request.body.body,
      });
      return reply.status(201).send({ ...message, at: message.at.toISOString() });
    },
  );

  app.post(
    "/api/portal/survey",
    {
      bodyLimit: SMALL_BODY,
      schema: {
        tags: TAGS,
        summary: "Answer the satisfaction survey (once per case and occasion)",
        body: z.object({
          trigger: z.enum(["payment", "plan"]),
          csat: z.number().int().min(1).max(5),
          ces: z.number().int().min(1).max(7),
          nps: z.number().int().min(0).max(10),
          comment: z.string().trim().max(2000).optional(),
        }),
      },
    },
    async (request, reply) => {
      const session = await requirePortalSession(request, deps, { write: true });
      await answerSurvey(useCaseDeps, session, request.body);
      return reply.status(201).send({ ok: true });
    },
  );
};
