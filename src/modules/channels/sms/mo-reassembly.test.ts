import { describe, expect, it } from "vitest";
import { type InboundPart, MoReassembly } from "./mo-reassembly.js";

const at = new Date("2024-05-14T10:00:00Z");
const part = (seq: number, text: string, overrides: Partial<InboundPart> = {}): InboundPart => ({
  from: "+393331234567",
  to: "48000",
  text,
  at,
  concat: { reference: 7, total: 3, seq },
  ...overrides,
});

describe("MoReassembly", () => {
  it("passes a single message straight through", () => {
    const whole = new MoReassembly().add({ from: "+393331234567", to: "48000", text: "STOP", at });
    expect(whole?.message).toEqual({ from: "+393331234567", to: "48000", text: "STOP", at });
  });

  it("joins parts in sequence order once all have arrived", () => {
    const reassembly = new MoReassembly();
    expect(reassembly.add(part(3, "!"))).toBeUndefined();
    expect(reassembly.add(part(1, "Ciao "))).toBeUndefined();
    const whole = reassembly.add(part(2, "mondo"));
    expect(whole?.message.text).toBe("Ciao mondo!");
    whole?.release();
    expect(reassembly.waiting).toBe(0);
  });

  it("keeps messages from different senders apart", () => {
    const reassembly = new MoReassembly();
    reassembly.add(part(1, "a"));
    reassembly.add(part(1, "b", { from: "+393339999999" }));
    expect(reassembly.waiting).toBe(2);
  });

  it("drops part sets that never complete", () => {
    const reassembly = new MoReassembly(60_000);
    reassembly.add(part(1, "a"));
    reassembly.add(
      part(1, "x", {
        at: new Date(at.getTime() + 61_000),
        concat: { reference: 8, total: 2, seq: 1 },
      }),
    );
    expect(reassembly.waiting).toBe(1);
  });
});
