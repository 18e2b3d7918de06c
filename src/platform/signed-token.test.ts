import { describe, expect, it } from "vitest";
import { createTokenSigner } from "./signed-token";

const signer = createTokenSigner("a-secret-that-is-long-enough-for-tests-0123");

describe("signed tokens", () => {
  it("round-trips JSON and bytes for their own purpose only", () => {
    const token = signer.sign("portal", { c: "x" });
    expect(signer.verify("portal", token)).toEqual({ c: "x" });
    expect(signer.verify("opt-out", token)).toBeNull();
    const short = signer.signBytes("opt-out", Buffer.from("0123456789abcdef"));
    expect(short).toHaveLength(38);
    expect(signer.verifyBytes("opt-out", short)?.toString()).toBe("0123456789abcdef");
    expect(signer.verifyBytes("portal", short)).toBeNull();
  });

  it("refuses a token with one character changed, or another secret's", () => {
    const short = signer.signBytes("opt-out", Buffer.from("0123456789abcdef"));
    const forged = `${short.slice(0, 5)}${short[5] === "A" ? "B" : "A"}${short.slice(6)}`;
    expect(signer.verifyBytes("opt-out", forged)).toBeNull();
    const other = createTokenSigner("another-secret-that-is-long-enough-0123456");
    expect(other.verifyBytes("opt-out", short)).toBeNull();
    expect(signer.verifyBytes("opt-out", "not a token!")).toBeNull();
  });
});
