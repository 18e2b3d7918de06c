/**
 * Every template id the default strategies use, and the channels each must be
 * rendered for (the step's channel and its fallbacks: a template id names a
 * message, not a channel). The channels work writes an Italian and an English
 * version of each; a test keeps this list equal to what the strategies use.
 *
 * Tone (see the glossary): courteous "Lei" form, never threatening, no courts or
 * public bodies in early reminders, always a way to pay and a person to talk to.
 */
import type { Channel } from "../../policy/domain/contact.js";
import type { StrategyDefinition } from "./strategy-definition.js";

export interface TemplateRequirement {
  id: string;
  channels: Channel[];
  purpose: string;
}

export const DEFAULT_TEMPLATES: readonly TemplateRequirement[] = [
  {
    id: "caring.courtesy",
    channels: ["email", "sms"],
    purpose: "consumer: courtesy reminder 5 days before the due date, with the pay link",
  },
  {
    id: "reminder.first",
    channels: ["email", "letter", "sms"],
    purpose: "consumer: first reminder the day after the due date",
  },
  {
    id: "reminder.followup",
    channels: ["email", "letter", "sms"],
    purpose: "consumer: short follow-up a week later",
  },
  {
    id: "call.reminder",
    channels: ["call"],
    purpose: "consumer: agent call script, listen for the reason, offer a promise or plan",
  },
  {
    id: "reminder.letter",
    channels: ["email", "letter"],
    purpose: "consumer: reminder letter at 30 days",
  },
  {
    id: "notice.formal",
    channels: ["pec", "registered_letter"],
    purpose: "consumer: formal notice (diffida ad adempiere / messa in mora)",
  },
  {
    id: "call.prelegal",
    channels: ["call"],
    purpose: "consumer: last agent call before the legal review",
  },
  {
    id: "legal.handoff",
    channels: ["email", "letter"],
    purpose: "consumer: notice that the case passes to legal review",
  },
  {
    id: "b2b.caring.invoice_check",
    channels: ["email", "pec"],
    purpose: "B2B: was the invoice received and booked? before the due date",
  },
  {
    id: "b2b.reminder.first",
    channels: ["email", "letter", "pec"],
    purpose: "B2B: first reminder to the accounts department",
  },
  {
    id: "b2b.call.accounts",
    channels: ["call"],
    purpose: "B2B: call script for the accounts payable department",
  },
  {
    id: "b2b.reminder.second",
    channels: ["email", "pec", "registered_letter"],
    purpose: "B2B: second reminder, by PEC",
  },
  {
    id: "b2b.notice.formal",
    channels: ["pec", "registered_letter"],
    purpose: "B2B: formal notice (diffida ad adempiere) by PEC",
  },
  {
    id: "b2b.legal.handoff",
    channels: ["pec", "registered_letter"],
    purpose: "B2B: notice of hand-off to legal",
  },
];

/** Template id → the channels it can be sent on, over every variant of the definitions. */
export function templatesUsed(definitions: readonly StrategyDefinition[]): Map<string, Channel[]> {
  const used = new Map<string, Set<Channel>>();
  for (const definition of definitions) {
    for (const variant of definition.variants) {
      for (const step of variant.steps) {
        const channels = used.get(step.template) ?? new Set<Channel>();
        for (const channel of [step.channel, ...step.fallback]) channels.add(channel);
        used.set(step.template, channels);
      }
    }
  }
  return new Map([...used].map(([id, channels]) => [id, [...channels].sort()]));
}
