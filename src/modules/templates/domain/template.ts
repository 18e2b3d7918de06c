/**
 * A message template: one text per (id, channel, language). The id names the
 * message ("reminder.first"), the same id the strategies' steps refer to; the
 * channel decides its shape (a subject for email, PEC and letters; none for SMS;
 * an agent script for calls).
 */
import type { Channel } from "../../policy/domain/contact.js";

export type { Channel };

export const TEMPLATE_LANGUAGES = ["it", "en"] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

export interface MessageTemplate {
  id: string;
  channel: Channel;
  language: TemplateLanguage;
  /** Mustache text; a single line. Present for email, PEC and letters; never for SMS. */
  subject?: string;
  /** Mustache text; paragraphs are separated by a blank line. */
  body: string;
}

/** The two texts of a template; problems and render errors say which one they are about. */
export type TemplatePart = "subject" | "body";

export type SubjectRule = "required" | "forbidden" | "optional";

/** Whether a channel carries a subject: letters have an "Oggetto", SMS and voice have none, a call script may have a title. */
export const SUBJECT_RULES: Readonly<Record<Channel, SubjectRule>> = {
  email: "required",
  pec: "required",
  letter: "required",
  registered_letter: "required",
  sms: "forbidden",
  voice: "forbidden",
  call: "optional",
};

/** Which opt-out variable a channel's templates must show (letters and calls have none to show). */
export const REQUIRED_OPT_OUT: Readonly<Partial<Record<Channel, string>>> = {
  sms: "opt_out_sms",
  email: "opt_out_url",
};

/** The confirmation that an opt-out was recorded is the one message that must not offer the opt-out again. */
export const OPT_OUT_EXEMPT_IDS: readonly string[] = ["optout.confirmation"];
