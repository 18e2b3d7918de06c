import { describe, expect, it } from "vitest";
import { addressFromSmsc, destinationAddress, sourceAddress } from "./smpp-addresses.js";

describe("SMPP addresses", () => {
  it.each([
    ["Saldo", { ton: 5, npi: 0, address: "Saldo" }],
    ["+390212345678", { ton: 1, npi: 1, address: "390212345678" }],
    ["48000", { ton: 0, npi: 1, address: "48000" }],
  ])("sender %s", (from, fields) => {
    expect(sourceAddress(from)).toEqual(fields);
  });

  it("lets configuration override the sender's TON/NPI", () => {
    expect(sourceAddress("48000", { sourceTon: 3, sourceNpi: 0 })).toEqual({
      ton: 3,
      npi: 0,
      address: "48000",
    });
  });

  it.each(["Studio Legale Rossi", "Saldò", ""])("refuses sender %j for good", (from) => {
    expect(() => sourceAddress(from)).toThrow(
      expect.objectContaining({ permanent: true, code: "invalid_source" }),
    );
  });

  it("sends to E.164 numbers as international digits", () => {
    expect(destinationAddress("+393331234567")).toEqual({
      ton: 1,
      npi: 1,
      address: "393331234567",
    });
  });

  it("reads international numbers from the SMSC as E.164 and leaves the rest alone", () => {
    expect(addressFromSmsc("393331234567", 1)).toBe("+393331234567");
    expect(addressFromSmsc("3331234567", 2)).toBe("3331234567");
    expect(addressFromSmsc("48000", 0)).toBe("48000");
  });
});
