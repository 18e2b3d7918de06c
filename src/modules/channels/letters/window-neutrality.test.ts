import { describe, expect, it } from "vitest";
import { assertNeutralReturnAddress, revealsDebt } from "./window-neutrality.js";

describe("what may show through the envelope window", () => {
  it.each([
    "Esempio Servizi S.r.l. · Casella Postale 123 · 20100 Milano",
    "ES Srl - C.P. 45 - 00187 Roma",
    "Example Services Ltd, PO Box 12, London",
  ])("accepts a neutral return line: %s", (text) => {
    expect(revealsDebt(text)).toBe(false);
    expect(() => assertNeutralReturnAddress(text)).not.toThrow();
  });

  it.each([
    "Ufficio Recupero Crediti, CP 1, Milano",
    "Sollecito di pagamento",
    "Gestione debitori morosi",
    "Debt Collection Dept, PO Box 9",
    "Da pagare € 120,00",
    "Saldo 1.234,56",
  ])("flags %s", (text) => {
    expect(revealsDebt(text)).toBe(true);
    expect(() => assertNeutralReturnAddress(text)).toThrow(/must not reveal a debt/);
  });
});
