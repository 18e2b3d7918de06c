/**
 * Writes the message for one due action: picks the contact point, the tenant's
 * template (or the shipped one) in the debtor's language, fills it, and for
 * letters and PEC lays out the PDF. Returns why not when it cannot.
 */
import { randomUUID } from "node:crypto";
import { localDate } from "../../../platform/clock";
import type { Channel } from "../../policy/domain";
import { findDefaultTemplate } from "../../templates/domain/index.js";
import { type StoredTemplate, tenantTemplate } from "../../templates/store/tenant-templates";
import {
  type ChannelSettings,
  channelSettingsFor,
  channelSettingsSchema,
} from "../domain/channel-settings";
import { chooseRecipient, type MessageChannel } from "../domain/choose-recipient";
import {
  type ComposedMessage,
  type ComposeInput,
  composeMessage,
  messageLanguage,
} from "../domain/compose-message";
import { renderLetterPdf } from "../letters/index.js";
import type { MessageContextRows } from "../store/message-context";
import type { MessageInsert } from "../store/messages";
import type { ChannelRuntime } from "./channel-runtime";

export type WrittenMessage =
  | { kind: "message"; message: MessageInsert }
  | { kind: "failed"; reason: string };

export async function writeMessage(
  runtime: ChannelRuntime,
  rows: MessageContextRows,
  templates: Map<string, StoredTemplate>,
  action: { id: string | null; caseId: string; channel: MessageChannel; template: string },
  options: { now: Date; claimedBy: number },
): Promise<WrittenMessage> {
  const caseRow = rows.cases.get(action.caseId);
  if (!caseRow) return { kind: "failed", reason: "the case is gone" };
  const points = (rows.contactPoints.get(caseRow.debtor_id) ?? []).map((p) => ({
    ...p,
    phoneType: p.phone_type,
    optedOut: Object.keys(p.opt_out ?? {}),
    undeliverable: p.undeliverable_at !== null,
    verifiedAt: p.verified_at,
    updatedAt: p.updated_at,
  }));
  const recipient = chooseRecipient(action.channel, points);
  if (!recipient) return { kind: "failed", reason: `no usable ${action.channel} contact point` };
  const language = messageLanguage(caseRow.language);
  const template =
    tenantTemplate(templates, caseRow.tenant_id, action.template, action.channel, language) ??
    findDefaultTemplate(action.template, action.channel as Channel, language);
  if (!template) {
    return { kind: "failed", reason: `no template "${action.template}" for ${action.channel}` };
  }
  const settings = settingsOf(caseRow, runtime.mailDomain);
  const id = randomUUID();
  const optOutUrl = runtime.links.optOut(id);
  let composed: ReturnType<typeof composeMessage>;
  try {
    composed = composeForCase(rows, action.caseId, {
      channel: action.channel,
      template,
      settings,
      now: options.now,
      recipientAddress: recipient.address,
      links: { portalUrl: runtime.links.portal(action.caseId, options.now), optOutUrl },
    });
  } catch (error) {
    return { kind: "failed", reason: (error as Error).message };
  }
  const document = composed.letter ? await renderLetterPdf(composed.letter) : null;
  const isLetter = action.channel === "letter" || action.channel === "registered_letter";
  const sender = senderFor(action.channel, settings);
  return {
    kind: "message",
    message: {
      id,
      tenantId: caseRow.tenant_id,
      caseId: action.caseId,
      actionId: action.id,
      channel: action.channel,
      template: action.template,
      language,
      transport: isLetter ? "print" : runtime.transports[action.channel as "email"].name,
      recipient: isLetter ? caseRow.debtor_name : recipient.value,
      recipientAddress: recipient.address,
      contactPointId: recipient.id,
      senderName: sender.name,
      sender: sender.address,
      replyTo:
        action.channel === "email"
          ? (settings.email.replyTo ?? `replies+${id}@${runtime.mailDomain}`)
          : null,
      headers:
        action.channel === "email"
          ? {
              "List-Unsubscribe": `<${optOutUrl}>`,
              "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            }
          : {},
      subject: composed.subject,
      bodyText: composed.text,
      bodyHtml: composed.html,
      document,
      letter: isLetter ? composed.letter : null,
      // Letters wait for a print batch; the others leave now, held by this dispatcher.
      status: isLetter ? "queued" : "sending",
      claimedBy: isLetter ? null : options.claimedBy,
      costMinor: settings.costsMinor[action.channel],
    },
  };
}

/** Fills a template for a case from its loaded rows (also used by the preview). */
export function composeForCase(
  rows: MessageContextRows,
  caseId: string,
  input: Pick<ComposeInput, "channel" | "template" | "settings" | "recipientAddress" | "links"> & {
    now: Date;
  },
): ComposedMessage {
  return composeMessage(composeInputForCase(rows, caseId, input));
}

/** What a template is filled from for a case (the call script reads it too). */
export function composeInputForCase(
  rows: MessageContextRows,
  caseId: string,
  input: Pick<ComposeInput, "channel" | "template" | "settings" | "recipientAddress" | "links"> & {
    now: Date;
  },
): ComposeInput {
  const caseRow = rows.cases.get(caseId);
  if (!caseRow) throw new Error("the case is gone");
  const { now, ...rest } = input;
  return {
    ...rest,
    today: localDate(now, caseRow.time_zone),
    caseRow: {
      reference: caseRow.reference,
      tenantName: caseRow.tenant_name,
      legalName: caseRow.legal_name,
      tenantVat: caseRow.tenant_vat,
      currency: caseRow.currency,
      debtorName: caseRow.debtor_name,
      firstName: caseRow.first_name,
      lastName: caseRow.last_name,
      debtorKind: caseRow.debtor_kind,
    },
    invoices: (rows.invoices.get(caseId) ?? []).map((i) => ({
      number: i.number,
      issueDate: i.issue_date,
      dueDate: i.due_date,
      amountMinor: BigInt(i.amount_minor),
      openAmountMinor: BigInt(i.open_amount_minor),
    })),
  };
}

export function settingsOf(
  caseRow: MessageContextRows["cases"] extends Map<string, infer R> ? R : never,
  mailDomain: string,
): ChannelSettings {
  const stored = channelSettingsSchema.safeParse(caseRow.settings ?? {});
  return channelSettingsFor(
    {
      name: caseRow.tenant_name,
      legalName: caseRow.legal_name,
      vatNumber: caseRow.tenant_vat,
      slug: caseRow.slug,
    },
    stored.success ? stored.data : channelSettingsSchema.parse({}),
    mailDomain,
  );
}

function senderFor(channel: MessageChannel, settings: ChannelSettings) {
  switch (channel) {
    case "email":
      return { name: settings.email.fromName, address: settings.email.fromAddress };
    case "pec":
      return { name: settings.email.fromName, address: settings.pec.fromAddress };
    case "sms":
      return { name: null, address: settings.sms.sender };
    default:
      return { name: settings.letter.returnAddress, address: null };
  }
}
