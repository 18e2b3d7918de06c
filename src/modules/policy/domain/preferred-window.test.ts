import { describe, expect, it } from "vitest";
import { evaluateContact } from "./evaluate-contact.js";
import { presetFor } from "./presets.js";
import { debtorIn, proposeOnCase } from "./test-fixtures.js";

const italy = presetFor("IT")!;
const inRome = (preferredWindow?: { from: string; to: string }) => ({
  ...debtorIn("Europe/Rome", "IT"),
  ...(preferredWindow ? { preferredWindow } : {}),
});

describe("the debtor's preferred time window", () => {
  it("moves a call at 09:00 to the start of the window the person chose", () => {
    // Tuesday 24 November 2026, 09:00 in Rome (08:00 UTC).
    const decision = evaluateContact(
      italy,
      inRome({ from: "17:30", to: "19:00" }),
      [],
      proposeOnCase("2026-11-24T08:00:00Z", "call"),
    );
    expect(decision).toMatchObject({ kind: "defer", rule: "preference.window" });
    expect(decision.kind === "defer" && decision.until.toISOString()).toBe(
      "2026-11-24T16:30:00.000Z",
    );
  });

  it("applies to SMS but not to email", () => {
    const person = inRome({ from: "17:30", to: "19:00" });
    expect(
      evaluateContact(italy, person, [], proposeOnCase("2026-11-24T08:00:00Z", "sms")).kind,
    ).toBe("defer");
    expect(
      evaluateContact(italy, person, [], proposeOnCase("2026-11-24T08:00:00Z", "email")).kind,
    ).toBe("allow");
  });

  it("never widens the law's hours: a window reaching 23:00 still stops at 21:00", () => {
    const decision = evaluateContact(
      italy,
      inRome({ from: "20:00", to: "23:00" }),
      [],
      proposeOnCase("2026-11-24T20:30:00Z", "call"), // 21:30 in Rome
    );
    expect(decision.kind).toBe("defer");
    expect(decision.kind === "defer" && decision.until.toISOString()).toBe(
      "2026-11-25T19:00:00.000Z",
    );
  });

  it("is ignored when it leaves no allowed moment at all", () => {
    const decision = evaluateContact(
      italy,
      inRome({ from: "05:00", to: "06:00" }),
      [],
      proposeOnCase("2026-11-24T09:00:00Z", "call"),
    );
    expect(decision).toEqual({ kind: "allow" });
  });
});
