/**
 * PEC (posta elettronica certificata, DPR 68/2005; technical rules DM 2 Nov
 * 2005). Two kinds of message reach us from a PEC provider:
 * - receipts about a message we sent, headed X-Ricevuta, naming it in
 *   X-Riferimento-Message-ID; the delivery receipt is the legal proof that a
 *   formal notice reached the debtor's mailbox;
 * - envelopes (X-Trasporto: posta-certificata) carrying a message someone sent
 *   us as postacert.eml; a debtor's reply arrives this way.
 */
import type { ParsedMail } from "mailparser";
import { headerText, normalizeMessageId, readMail, withoutUndefined } from "./mail-fields.js";
import { type Daticert, parseDaticert } from "./pec-daticert.js";

export type PecReceiptType =
  | "accettazione"
  | "non-accettazione"
  | "presa-in-carico"
  | "avvenuta-consegna"
  | "errore-consegna"
  | "preavviso-errore-consegna"
  | "rilevazione-virus";

export type PecOutcome = "accepted" | "delivered" | "failed" | "transient";

/**
 * What each receipt means for the message: the sender's provider took it
 * (accettazione) or refused it; the recipient's provider took charge
 * (presa-in-carico); it reached the mailbox (avvenuta-consegna, the proof);
 * it cannot be delivered (errore-consegna, rilevazione-virus); or it is not
 * delivered yet after 12 hours (preavviso-errore-consegna: the definitive
 * answer follows within 24).
 */
const OUTCOMES: Record<PecReceiptType, PecOutcome> = {
  accettazione: "accepted",
  "presa-in-carico": "accepted",
  "avvenuta-consegna": "delivered",
  "non-accettazione": "failed",
  "errore-consegna": "failed",
  "rilevazione-virus": "failed",
  "preavviso-errore-consegna": "transient",
};

export interface PecReceipt {
  kind: "pec_receipt";
  receiptType: PecReceiptType;
  outcome: PecOutcome;
  /** True when the message will never be delivered: send by another channel. */
  permanent: boolean;
  /** The Message-ID of our message this receipt is about. */
  originalMessageId?: string;
  /** The certified mailbox it was delivered to (or failed for). */
  recipient?: string;
  /** daticert's errore: no-dest, no-dominio, virus, altro. */
  errorCode?: string;
  errorDetail?: string;
  /** completa (with a copy of the message), breve or sintetica. */
  receiptFormat?: string;
  /** The provider's unique id for the transmission, cited in disputes. */
  providerMessageId?: string;
  issuedAt?: Date;
}

export interface PecEnvelope {
  kind: "pec_envelope";
  /** posta-certificata; "errore" when the provider wrapped a non-certified message (anomalia). */
  transport: "posta-certificata" | "errore";
  /** The certified sender, from daticert or the "Per conto di:" display name. */
  certifiedSender?: string;
  providerMessageId?: string;
  /** The message inside (postacert.eml), to be parsed as a reply. */
  innerMessage: Buffer;
}

export async function parsePecReceipt(raw: Buffer): Promise<PecReceipt | PecEnvelope | null> {
  const mail = await readMail(raw);
  return readPecReceipt(mail) ?? readPecEnvelope(mail);
}

function daticertOf(mail: ParsedMail): Daticert | undefined {
  const part = mail.attachments.find((a) => a.filename?.toLowerCase() === "daticert.xml");
  return part ? parseDaticert(part.content.toString("utf8")) : undefined;
}

export function readPecReceipt(mail: ParsedMail): PecReceipt | null {
  const receiptType = headerText(mail, "x-ricevuta")?.toLowerCase() as PecReceiptType | undefined;
  if (!receiptType || !(receiptType in OUTCOMES)) return null;
  const outcome = OUTCOMES[receiptType];
  const daticert = daticertOf(mail);
  const errore = daticert?.errore && daticert.errore !== "nessuno" ? daticert.errore : undefined;
  return {
    kind: "pec_receipt",
    receiptType,
    outcome,
    permanent: outcome === "failed",
    ...withoutUndefined({
      originalMessageId: normalizeMessageId(
        headerText(mail, "x-riferimento-message-id") ?? daticert?.msgid,
      ),
      recipient: daticert?.consegna,
      errorCode: errore,
      errorDetail: daticert?.erroreEsteso,
      receiptFormat: headerText(mail, "x-tiporicevuta")?.toLowerCase(),
      providerMessageId: daticert?.identificativo,
      issuedAt: daticert?.issuedAt,
    }),
  };
}

export function readPecEnvelope(mail: ParsedMail): PecEnvelope | null {
  const transport = headerText(mail, "x-trasporto")?.toLowerCase();
  if (transport !== "posta-certificata" && transport !== "errore") return null;
  if (headerText(mail, "x-ricevuta")) return null;
  const inner =
    mail.attachments.find((a) => a.filename?.toLowerCase() === "postacert.eml") ??
    mail.attachments.find((a) => a.contentType.toLowerCase() === "message/rfc822");
  if (!inner) return null;
  const daticert = daticertOf(mail);
  const onBehalfOf = mail.from?.value[0]?.name.match(/per conto di:?\s*(\S+@\S+)/i)?.[1];
  return {
    kind: "pec_envelope",
    transport,
    ...withoutUndefined({
      certifiedSender: daticert?.mittente ?? onBehalfOf,
      providerMessageId: daticert?.identificativo,
    }),
    innerMessage: inner.content,
  };
}
