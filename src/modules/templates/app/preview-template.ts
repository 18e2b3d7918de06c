/**
 * Shows what a template would say for a real case, before it is saved or sent:
 * the text, the HTML for email, and the problems validation finds. Nothing is
 * stored and nothing is sent.
 */

import type { Database } from "../../../platform/db/database";
import type { ChannelRuntime } from "../../channels/app/channel-runtime";
import { composeForCase, settingsOf } from "../../channels/app/write-message";
import type { MessageChannel } from "../../channels/domain/choose-recipient";
import { messageLanguage } from "../../channels/domain/compose-message";
import { loadMessageContexts } from "../../channels/store/message-context";
import { findDefaultTemplate, type MessageTemplate, validateTemplate } from "../domain/index.js";
import { loadTenantTemplates, tenantTemplate } from "../store/tenant-templates";

export type PreviewOutcome =
  | { kind: "case_not_found" }
  | { kind: "template_not_found" }
  | {
      kind: "preview";
      language: string;
      problems: ReturnType<typeof validateTemplate>;
      subject: string | null;
      text: string | null;
      html: string | null;
      error: string | null;
    };

export async function previewTemplate(
  deps: { database: Database; channels: ChannelRuntime; now: Date },
  input: {
    tenantId: string;
    caseId: string;
    templateId: string;
    channel: MessageChannel;
    language?: "it" | "en";
    draft?: { subject?: string; body: string };
  },
): Promise<PreviewOutcome> {
  const rows = await loadMessageContexts(deps.database.pool, [input.caseId]);
  const caseRow = rows.cases.get(input.caseId);
  if (!caseRow || caseRow.tenant_id !== input.tenantId) return { kind: "case_not_found" };
  const language = input.language ?? messageLanguage(caseRow.language);
  const saved = tenantTemplate(
    await loadTenantTemplates(deps.database.pool, [input.tenantId]),
    input.tenantId,
    input.templateId,
    input.channel,
    language,
  );
  const template: MessageTemplate | undefined = input.draft
    ? {
        id: input.templateId,
        channel: input.channel,
        language,
        body: input.draft.body,
        ...(input.draft.subject !== undefined ? { subject: input.draft.subject } : {}),
      }
    : (saved ?? findDefaultTemplate(input.templateId, input.channel, language));
  if (!template) return { kind: "template_not_found" };
  const problems = validateTemplate(template);
  const settings = settingsOf(caseRow, deps.channels.mailDomain);
  const address =
    (rows.contactPoints.get(caseRow.debtor_id) ?? []).find((p) => p.kind === "postal")?.address ??
    null;
  try {
    const composed = composeForCase(rows, input.caseId, {
      channel: input.channel,
      template,
      settings,
      now: deps.now,
      recipientAddress: address,
      links: {
        portalUrl: deps.channels.links.portal(input.caseId, deps.now),
        optOutUrl: deps.channels.links.optOut("00000000-0000-0000-0000-000000000000"),
      },
    });
    return {
      kind: "preview",
      language,
      problems,
      subject: composed.subject,
      text: composed.text,
      html: composed.html,
      error: null,
    };
  } catch (error) {
    return {
      kind: "preview",
      language,
      problems,
      subject: null,
      text: null,
      html: null,
      error: (error as Error).message,
    };
  }
}
