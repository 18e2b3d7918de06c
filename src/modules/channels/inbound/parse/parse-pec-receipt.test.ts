import { describe, expect, it } from "vitest";
import { eml } from "./fixtures/eml.js";
import {
  PEC_DELIVERED,
  PEC_DELIVERY_ERROR,
  PEC_ENVELOPE_WITH_REPLY,
} from "./fixtures/pec-emails.js";
import { GMAIL_REPLY } from "./fixtures/reply-emails.js";
import { parsePecReceipt } from "./parse-pec-receipt.js";

function bareReceipt(receiptType: string): Buffer {
  return eml(`
From: posta-certificata@pec.aruba.it
To: solleciti@pec.saldo.example
Subject: RICEVUTA
Message-ID: <opec-${receiptType}@pec.aruba.it>
X-Ricevuta: ${receiptType}
X-Riferimento-Message-ID: <case-42.step-3@saldo.example>
Content-Type: text/plain; charset=UTF-8

Ricevuta.
`);
}

describe("parsePecReceipt", () => {
  it("reads the delivery receipt, the legal proof, with its certification data", async () => {
    expect(await parsePecReceipt(PEC_DELIVERED)).toEqual({
      kind: "pec_receipt",
      receiptType: "avvenuta-consegna",
      outcome: "delivered",
      permanent: false,
      originalMessageId: "<case-42.step-3@saldo.example>",
      recipient: "mario.rossi@pec.example.it",
      receiptFormat: "completa",
      providerMessageId: "opec21010.20261124100005.31337.99.1.59@pec.aruba.it",
      issuedAt: new Date("2026-11-24T09:00:07Z"),
    });
  });

  it("reads a delivery error as a permanent failure with the provider's reason", async () => {
    expect(await parsePecReceipt(PEC_DELIVERY_ERROR)).toMatchObject({
      kind: "pec_receipt",
      receiptType: "errore-consegna",
      outcome: "failed",
      permanent: true,
      originalMessageId: "<case-42.step-3@saldo.example>",
      recipient: "mario.rossi@pec.example.it",
      errorCode: "no-dest",
      errorDetail: "5.1.1 - Utente non riconosciuto",
    });
  });

  it.each([
    ["accettazione", "accepted", false],
    ["presa-in-carico", "accepted", false],
    ["avvenuta-consegna", "delivered", false],
    ["non-accettazione", "failed", true],
    ["errore-consegna", "failed", true],
    ["rilevazione-virus", "failed", true],
    ["preavviso-errore-consegna", "transient", false],
  ])("maps %s to %s (permanent: %s), from the headers alone", async (type, outcome, permanent) => {
    expect(await parsePecReceipt(bareReceipt(type))).toEqual({
      kind: "pec_receipt",
      receiptType: type,
      outcome,
      permanent,
      originalMessageId: "<case-42.step-3@saldo.example>",
    });
  });

  it("opens the envelope of a certified message and hands over the message inside", async () => {
    const envelope = await parsePecReceipt(PEC_ENVELOPE_WITH_REPLY);
    expect(envelope).toMatchObject({
      kind: "pec_envelope",
      transport: "posta-certificata",
      certifiedSender: "mario.rossi@pec.example.it",
      providerMessageId: "opec21011.20261125183002.4242.7.1.60@pec.example.it",
    });
    const inner = envelope?.kind === "pec_envelope" ? envelope.innerMessage.toString() : "";
    expect(inner).toContain("Message-ID: <CAF3kq9rM@pec.example.it>");
    expect(inner).toContain("Contesto la fattura");
  });

  it("ignores an unknown receipt type and ordinary mail", async () => {
    expect(await parsePecReceipt(bareReceipt("conferma-lettura"))).toBeNull();
    expect(await parsePecReceipt(GMAIL_REPLY)).toBeNull();
  });
});
