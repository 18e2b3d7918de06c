import { describe, expect, it } from "vitest";
import { stripQuotedText } from "./strip-quoted-text.js";

const ORIGINAL = "Gentile cliente, la fattura risulta scaduta. Se ha già pagato, ignori.";

describe("stripQuotedText", () => {
  it.each([
    [
      "Gmail, English",
      `Paid yesterday.\n\nOn Tue, Nov 24, 2026 at 10:00 AM Saldo <solleciti@saldo.example> wrote:\n\n> ${ORIGINAL}`,
      "Paid yesterday.",
    ],
    [
      "Gmail, Italian, attribution wrapped",
      `Pago venerdì.\n\nIl giorno mar 24 nov 2026 alle ore 10:00 Saldo <solleciti@saldo.example>\nha scritto:\n\n> ${ORIGINAL}`,
      "Pago venerdì.",
    ],
    [
      "Thunderbird, Italian",
      `Non è mio.\n\nIl 24/11/2026 10:00, Saldo ha scritto:\n> ${ORIGINAL}`,
      "Non è mio.",
    ],
    [
      "Apple Mail, Italian",
      `Chiamatemi.\n\nIl giorno 24 nov 2026, alle ore 10:00, Saldo <solleciti@saldo.example> ha scritto:\n\n${ORIGINAL}`,
      "Chiamatemi.",
    ],
    [
      "Outlook, English",
      `I dispute this.\n\n-----Original Message-----\nFrom: Saldo\nSent: Tuesday\n\n${ORIGINAL}`,
      "I dispute this.",
    ],
    [
      "Outlook, Italian",
      `Ho già pagato.\n\n-----Messaggio originale-----\nDa: Saldo\nInviato: martedì\n\n${ORIGINAL}`,
      "Ho già pagato.",
    ],
    [
      "Outlook mobile, header block on one line",
      `STOP\n\nDa: Saldo <solleciti@saldo.example> Inviato: martedì 24 novembre 2026 10:00\n${ORIGINAL}`,
      "STOP",
    ],
    [
      "Outlook web, separator then a bold header block",
      `Pago a fine mese\n\n________________________________\n*From:* Saldo\n*Sent:* Tuesday\n${ORIGINAL}`,
      "Pago a fine mese",
    ],
    [
      "inline answers between quoted lines",
      `> Può pagare entro venerdì?\nSì, venerdì.\n> Preferisce essere chiamato?\nNo grazie.`,
      "Sì, venerdì.\nNo grazie.",
    ],
  ])("%s", (_, text, expected) => {
    expect(stripQuotedText(text)).toBe(expected);
  });

  it("keeps the debtor's own sentence ending in 'wrote:' when it names no date or address", () => {
    const text = "This is what my lawyer wrote:\nthe debt is time barred.";
    expect(stripQuotedText(text)).toBe(text);
  });

  it("handles CRLF line ends and an empty body", () => {
    expect(stripQuotedText("Ok\r\n\r\n> quoted\r\n")).toBe("Ok");
    expect(stripQuotedText("")).toBe("");
  });
});
