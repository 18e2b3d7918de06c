import { describe, expect, it } from "vitest";
import { classifyReply } from "../domain/classify-reply.js";
import { eml } from "./fixtures/eml.js";
import { PEC_DELIVERED, PEC_ENVELOPE_WITH_REPLY } from "./fixtures/pec-emails.js";
import {
  GMAIL_REPLY,
  OUT_OF_OFFICE,
  OUTLOOK_ITALIAN_REPLY,
  OUTLOOK_REPLY,
  REPLY_WITH_PDF,
  VACATION_RESPONDER,
} from "./fixtures/reply-emails.js";
import { ARF_ABUSE_COMPLAINT, POSTFIX_USER_UNKNOWN } from "./fixtures/report-emails.js";
import { parseInboundEmail } from "./parse-inbound-email.js";

const ROME = "Europe/Rome";

describe("parseInboundEmail: replies", () => {
  it("reads a Gmail reply without the quoted reminder", async () => {
    const email = await parseInboundEmail(GMAIL_REPLY);
    expect(email).toMatchObject({
      kind: "reply",
      messageId: "<CAJ8h+Wq2vX9Kd=z5P@mail.gmail.example>",
      inReplyTo: "<case-42.step-1@saldo.example>",
      references: ["<case-42.step-1@saldo.example>"],
      from: "mario.rossi@gmail.example",
      fromName: "Mario Rossi",
      to: ["risposte@saldo.example"],
      cc: [],
      subject: "Re: Promemoria di pagamento - fattura 2026/118",
      text: "Buongiorno,\nho già pagato venerdì scorso con bonifico, vi giro la contabile.\n\nMario",
      attachments: [],
      receivedAt: new Date("2026-11-24T11:31:07Z"),
      sentAt: new Date("2026-11-24T11:30:55Z"),
    });
    expect(email.html).toContain("gmail_quote");
    // The quoted "Se ha già pagato" is ours; what is left is the debtor's.
    const intent = classifyReply(email.text, { receivedAt: email.receivedAt!, timeZone: ROME });
    expect(intent.intent).toBe("already_paid");
  });

  it("cuts an Outlook reply at '-----Original Message-----'", async () => {
    const email = await parseInboundEmail(OUTLOOK_REPLY);
    expect(email.kind).toBe("reply");
    expect(email.text).toBe(
      "Hello,\n\nI'll pay 50 euro on the 30th and the rest next month. Please call me if that is not OK.\n\nRegards,\nJohn",
    );
    const intent = classifyReply(email.text, { receivedAt: email.receivedAt!, timeZone: ROME });
    expect(intent).toMatchObject({
      intent: "promise",
      promise: { date: "2026-11-30", amountMinor: 5000n },
      alsoMentions: ["call_me"],
    });
  });

  it("cuts an Italian Outlook reply at its 'Da: / Inviato:' block", async () => {
    const email = await parseInboundEmail(OUTLOOK_ITALIAN_REPLY);
    expect(email.text).toBe(
      "Buongiorno, non riconosco questa fattura. Vi prego di inviarmi il contratto.\n\nGiulia Esposito",
    );
    expect(classifyReply(email.text, { receivedAt: new Date(), timeZone: ROME }).intent).toBe(
      "dispute",
    );
  });

  it("keeps a PDF the debtor attached", async () => {
    const email = await parseInboundEmail(REPLY_WITH_PDF);
    expect(email.kind).toBe("reply");
    expect(email.text).toBe(
      "Buongiorno, in allegato la contabile del bonifico fatto oggi.\nPaolo Verdi",
    );
    expect(email.attachments).toHaveLength(1);
    const [pdf] = email.attachments;
    expect(pdf).toMatchObject({
      filename: "contabile bonifico.pdf",
      contentType: "application/pdf",
      size: pdf!.content.length,
      inline: false,
    });
    expect(pdf!.content.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("unwraps a reply sent by PEC and says it is certified", async () => {
    const email = await parseInboundEmail(PEC_ENVELOPE_WITH_REPLY);
    expect(email).toMatchObject({
      kind: "reply",
      messageId: "<CAF3kq9rM@pec.example.it>",
      inReplyTo: "<case-42.step-3@saldo.example>",
      from: "mario.rossi@pec.example.it",
      text: "Contesto la fattura: il contratto è stato disdetto a marzo.",
      attachments: [],
      receivedAt: new Date("2026-11-25T17:30:04Z"),
      certified: {
        transport: "posta-certificata",
        envelopeMessageId: "<opec21011.20261125183002.4242.7.1.60@pec.example.it>",
        certifiedSender: "mario.rossi@pec.example.it",
        providerMessageId: "opec21011.20261125183002.4242.7.1.60@pec.example.it",
      },
    });
  });

  it("derives a stable Message-ID when the sender gave none", async () => {
    const raw = eml("From: a@example.it\nTo: risposte@saldo.example\nSubject: x\n\nSTOP\n");
    const first = await parseInboundEmail(raw);
    const again = await parseInboundEmail(Buffer.from(raw));
    expect(first.messageId).toMatch(/^<sha256-[0-9a-f]{32}@saldo\.invalid>$/);
    expect(again.messageId).toBe(first.messageId);
  });
});

describe("parseInboundEmail: what is not a reply", () => {
  it.each([
    ["an Outlook out-of-office", OUT_OF_OFFICE, "Auto-Submitted: auto-generated"],
    ["a vacation responder", VACATION_RESPONDER, "x-autoreply: yes"],
  ])("flags %s as auto_reply", async (_, raw, reason) => {
    const email = await parseInboundEmail(raw);
    expect(email.kind).toBe("auto_reply");
    expect(email.autoReplyReason).toBe(reason);
  });

  it("flags an auto-reply by its subject alone", async () => {
    const raw = eml(
      "From: x@azienda.example\nTo: risposte@saldo.example\nSubject: Automatic reply: Payment reminder\nMessage-ID: <oof@x>\n\nI am away.\n",
    );
    expect((await parseInboundEmail(raw)).kind).toBe("auto_reply");
  });

  it("reads a bounce and the VERP token of the message it is about", async () => {
    const email = await parseInboundEmail(POSTFIX_USER_UNKNOWN);
    expect(email.kind).toBe("bounce");
    expect(email.bounce).toMatchObject({ status: "5.1.1", permanent: true });
    expect(email.bounceToken).toBe("c42s1");
  });

  it("reads a complaint, with the token from the reported envelope sender", async () => {
    const email = await parseInboundEmail(ARF_ABUSE_COMPLAINT);
    expect(email.kind).toBe("complaint");
    expect(email.complaint?.originalMessageId).toBe("<case-44.step-1@saldo.example>");
    expect(email.bounceToken).toBe("c44s1");
  });

  it("reads a PEC receipt", async () => {
    const email = await parseInboundEmail(PEC_DELIVERED);
    expect(email.kind).toBe("pec_receipt");
    expect(email.pecReceipt).toMatchObject({
      outcome: "delivered",
      receiptType: "avvenuta-consegna",
    });
  });
});
