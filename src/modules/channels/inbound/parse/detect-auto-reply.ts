/**
 * Auto-replies (out of office, ticket acknowledgements) must not be read as
 * the debtor's intent: "sarò assente fino a lunedì" is no promise to pay.
 * Only strong signals count: wrongly flagging a person's reply would hide an
 * opt-out or a dispute, which is worse than classifying one auto-reply.
 */
import type { ParsedMail } from "mailparser";
import { headerText } from "./mail-fields.js";

const AUTO_REPLY_HEADERS = ["x-autoreply", "x-autorespond", "x-autoresponder"];

/** Subjects clients and servers put on auto-replies, possibly after "Re:"/"R:". */
const AUTO_REPLY_SUBJECT =
  /^\s*(?:(?:re|r|aw|fw|fwd|i)\s*:\s*)?(?:auto(?:matic)?[ -]?reply|auto[ -]?response|autoreply|risposta automatica|out of (?:the )?office|fuori sede|fuori ufficio|assenza dall'ufficio|abwesenheitsnotiz|r[ée]ponse automatique|respuesta autom[aá]tica)\b/i;

/** Why the message is an auto-reply, or undefined when a person wrote it. */
export function autoReplyReason(mail: ParsedMail): string | undefined {
  // RFC 3834: anything but "no" means no person wrote it.
  const autoSubmitted = headerText(mail, "auto-submitted")?.toLowerCase();
  if (autoSubmitted && autoSubmitted !== "no") return `Auto-Submitted: ${autoSubmitted}`;
  for (const name of AUTO_REPLY_HEADERS) {
    const value = headerText(mail, name);
    if (value !== undefined && !/^(?:no|false|0)$/i.test(value)) return `${name}: ${value}`;
  }
  const precedence = headerText(mail, "precedence")?.toLowerCase();
  if (precedence === "auto_reply") return `Precedence: ${precedence}`;
  const subject = mail.subject ?? "";
  if (AUTO_REPLY_SUBJECT.test(subject)) return `Subject: ${subject}`;
  return undefined;
}
