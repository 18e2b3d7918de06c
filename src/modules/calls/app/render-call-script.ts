/**
 * The call script for a case: the tenant's own version of the step's call
 * template (or the default), in the debtor's language, filled with the case
 * and the agent's name, shaped into opening, branch and closing.
 */
import type { ChannelRuntime } from "../../channels/app/channel-runtime";
import { composeInputForCase, settingsOf } from "../../channels/app/write-message";
import { messageLanguage, templateContext } from "../../channels/domain/compose-message";
import type { MessageContextRows } from "../../channels/store/message-context";
import { findDefaultTemplate, renderTemplate } from "../../templates/domain/index.js";
import { loadTenantTemplates, tenantTemplate } from "../../templates/store/tenant-templates";
import { type CallScript, shapeScript } from "../domain/call-script";

export async function renderCallScript(
  client: import("pg").Pool,
  input: {
    rows: MessageContextRows;
    caseId: string;
    templateId: string | null;
    agentName: string;
    latestReason: string | null;
    channels: ChannelRuntime;
    now: Date;
  },
): Promise<CallScript & { template: string; language: string }> {
  const caseRow = input.rows.cases.get(input.caseId);
  if (!caseRow) throw new Error("the case is gone");
  const language = messageLanguage(caseRow.language);
  const id =
    input.templateId ?? (caseRow.debtor_kind === "company" ? "b2b.call.accounts" : "call.reminder");
  const stored = tenantTemplate(
    await loadTenantTemplates(client, [caseRow.tenant_id]),
    caseRow.tenant_id,
    id,
    "call",
    language,
  );
  const template =
    stored ??
    findDefaultTemplate(id, "call", language) ??
    findDefaultTemplate("call.reminder", "call", language);
  if (!template)
    return { template: id, language, opening: "", branch: null, closing: "", sections: [] };
  const context = templateContext(
    composeInputForCase(input.rows, input.caseId, {
      channel: "email",
      template,
      settings: settingsOf(caseRow, input.channels.mailDomain),
      recipientAddress: null,
      links: { portalUrl: input.channels.links.portal(input.caseId, input.now), optOutUrl: "" },
      now: input.now,
    }),
  );
  let text: string;
  try {
    text = renderTemplate(template, { ...context, agent: { name: input.agentName } }, "text").body;
  } catch (error) {
    text = `[${language === "it" ? "ERRORE NEL COPIONE" : "SCRIPT ERROR"}]\n${(error as Error).message}`;
  }
  return { template: id, language, ...shapeScript(text, input.latestReason) };
}
