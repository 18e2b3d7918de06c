import { describe, expect, it } from "vitest";
import { HOLD_REASONS } from "./contact.js";
import { evaluateContact } from "./evaluate-contact.js";
import { type ContactPolicy, WEEKDAYS, windowMinutes } from "./policy.js";
import { ITALY, PRESETS, presetFor, UK, US } from "./presets.js";
import { contactOnCase, debtorIn, proposeOnCase } from "./test-fixtures.js";

const debtor = debtorIn;
const propose = proposeOnCase;
const event = contactOnCase;

const ROME = debtor("Europe/Rome", "IT");
const LONDON = debtor("Europe/London", "GB");
const NEW_YORK = debtor("America/New_York", "US");

describe("every preset", () => {
  it.each(Object.values(PRESETS).map((preset) => [preset.id, preset] as const))(
    "%s is well formed: unique rule ids, valid windows, every hold blocks, live and written channels have hours",
    (_id, preset: ContactPolicy) => {
      const ids = [...preset.hours.map((group) => group.id), ...preset.caps.map((cap) => cap.id)];
      expect(new Set(ids).size).toBe(ids.length);
      for (const group of preset.hours) {
        for (const day of WEEKDAYS)
          expect(() => group.week[day].forEach(windowMinutes)).not.toThrow();
      }
      expect([...preset.blockingHolds].sort()).toEqual([...HOLD_REASONS].sort());
      const covered = preset.hours.flatMap((group) => group.channels);
      for (const channel of ["call", "voice", "sms", "email", "pec"] as const)
        expect(covered).toContain(channel);
      expect(preset.source).not.toBe("");
    },
  );

  it("presetFor finds a preset by country code", () => {
    expect(presetFor("IT")).toBe(ITALY);
    expect(presetFor("it")).toBe(ITALY);
    expect(presetFor("US")).toBe(US);
    expect(presetFor("GB")).toBe(UK);
    expect(presetFor("UK")).toBe(UK);
    expect(presetFor("FR")).toBeNull();
  });
});

describe("Italy (Garante 2005, UNIREC)", () => {
  it.each([
    ["Tuesday 10:00 call", "call", "2026-02-03T10:00:00+01:00", null, null],
    [
      "Friday 21:30 → Saturday 08:30",
      "call",
      "2026-03-27T21:30:00+01:00",
      "2026-03-28T08:30:00+01:00",
      "italy.hours.call",
    ],
    [
      "Saturday 15:30 → Monday 08:30 (after the DST change)",
      "call",
      "2026-03-28T15:30:00+01:00",
      "2026-03-30T08:30:00+02:00",
      "italy.hours.call",
    ],
    [
      "DST Sunday → Monday 08:30",
      "call",
      "2026-03-29T11:00:00+02:00",
      "2026-03-30T08:30:00+02:00",
      "sunday",
    ],
    [
      "Monday after the autumn change, 08:00 → 08:30 CET",
      "call",
      "2026-10-26T08:00:00+01:00",
      "2026-10-26T08:30:00+01:00",
      "italy.hours.call",
    ],
    [
      "Easter Monday → Tuesday 08:30",
      "call",
      "2026-04-06T10:00:00+02:00",
      "2026-04-07T08:30:00+02:00",
      "holiday",
    ],
    [
      "8 December → 9 December",
      "call",
      "2026-12-08T10:00:00+01:00",
      "2026-12-09T08:30:00+01:00",
      "holiday",
    ],
    [
      "25 April (a Saturday) → Monday 27",
      "call",
      "2026-04-25T10:00:00+02:00",
      "2026-04-27T08:30:00+02:00",
      "holiday",
    ],
    [
      "sms Monday 20:30 → Tuesday 08:30",
      "sms",
      "2026-02-02T20:30:00+01:00",
      "2026-02-03T08:30:00+01:00",
      "italy.hours.written",
    ],
    ["sms on Saturday afternoon is allowed", "sms", "2026-02-07T17:00:00+01:00", null, null],
  ] as const)("%s", (_name, channel, at, until, rule) => {
    const decision = evaluateContact(ITALY, ROME, [], propose(at, channel));
    if (until === null) expect(decision).toEqual({ kind: "allow" });
    else expect(decision).toMatchObject({ kind: "defer", until: new Date(until), rule });
  });

  it("a second conversation the same day is deferred to the next day at 08:30", () => {
    const history = [event("2026-02-03T10:00:00+01:00", "conversation")];
    expect(
      evaluateContact(ITALY, ROME, history, propose("2026-02-03T15:00:00+01:00")),
    ).toMatchObject({
      kind: "defer",
      until: new Date("2026-02-04T08:30:00+01:00"),
      rule: "conversations.per_day",
    });
    // Written channels are not conversations.
    expect(
      evaluateContact(ITALY, ROME, history, propose("2026-02-03T15:00:00+01:00", "email")),
    ).toEqual({
      kind: "allow",
    });
  });

  it("on a Saturday the next day's 08:30 is Monday's", () => {
    const history = [event("2026-02-07T09:00:00+01:00", "conversation")];
    expect(
      evaluateContact(ITALY, ROME, history, propose("2026-02-07T11:00:00+01:00")),
    ).toMatchObject({
      until: new Date("2026-02-09T08:30:00+01:00"),
      rule: "conversations.per_day",
    });
  });

  it("two tenants contacting the same person the same day share the person's caps", () => {
    // Tenant A spoke with the person this morning; tenant B may not call today.
    const spoke = [
      event("2026-02-03T09:00:00+01:00", "conversation", "call", "tenant-a", "case-a"),
    ];
    const byTenantB = propose("2026-02-03T16:00:00+01:00", "call", "tenant-b", "case-b");
    expect(evaluateContact(ITALY, ROME, spoke, byTenantB)).toMatchObject({
      kind: "defer",
      until: new Date("2026-02-04T08:30:00+01:00"),
      rule: "conversations.per_day",
    });
    // Three unanswered calls from tenant A fill the person's live cap for 24 hours.
    const dialled = [
      event("2026-02-03T09:00:00+01:00"),
      event("2026-02-03T11:00:00+01:00"),
      event("2026-02-03T13:00:00+01:00"),
    ];
    expect(evaluateContact(ITALY, ROME, dialled, byTenantB)).toMatchObject({
      kind: "defer",
      until: new Date("2026-02-04T09:00:00+01:00"),
      rule: "cap.person.live.1d",
    });
    // Four messages from tenant A fill the cross-channel cap: tenant B's email waits too.
    const messages = [
      event("2026-02-03T09:00:00+01:00", "attempt", "sms"),
      event("2026-02-03T09:05:00+01:00", "attempt", "email"),
      event("2026-02-03T10:00:00+01:00", "attempt", "letter"),
      event("2026-02-03T11:00:00+01:00", "attempt", "email"),
    ];
    expect(
      evaluateContact(
        ITALY,
        ROME,
        messages,
        propose("2026-02-03T16:00:00+01:00", "email", "tenant-b", "case-b"),
      ),
    ).toMatchObject({
      kind: "defer",
      until: new Date("2026-02-04T09:00:00+01:00"),
      rule: "cap.person.all.1d",
    });
  });

  it("a stated dispute stops all contact", () => {
    const disputed = { ...ROME, holds: ["dispute"] as const };
    for (const channel of ["call", "sms", "email", "letter", "registered_letter", "pec"] as const) {
      expect(
        evaluateContact(ITALY, disputed, [], propose("2026-02-03T10:00:00+01:00", channel)),
      ).toMatchObject({
        kind: "block",
        rule: "hold.dispute",
      });
    }
  });

  it("an opt-out of sms blocks sms but not email", () => {
    const optedOut = { ...ROME, optedOut: ["sms"] as const };
    expect(
      evaluateContact(ITALY, optedOut, [], propose("2026-02-03T10:00:00+01:00", "sms")),
    ).toMatchObject({
      kind: "block",
      rule: "opt_out.sms",
    });
    expect(
      evaluateContact(ITALY, optedOut, [], propose("2026-02-03T10:00:00+01:00", "email")),
    ).toEqual({
      kind: "allow",
    });
  });

  it("a Rome tenant follows the debtor's clock in London and New York", () => {
    // 21:30 in Rome: 20:30 in London (allowed), 15:30 in New York (allowed).
    const evening = propose("2026-02-03T20:30:00Z");
    expect(evaluateContact(ITALY, ROME, [], evening)).toMatchObject({ kind: "defer" });
    expect(evaluateContact(ITALY, LONDON, [], evening)).toEqual({ kind: "allow" });
    expect(evaluateContact(ITALY, NEW_YORK, [], evening)).toEqual({ kind: "allow" });
    // 10:00 in Rome is 04:00 in New York: wait for 08:30 there.
    expect(evaluateContact(ITALY, NEW_YORK, [], propose("2026-02-03T09:00:00Z"))).toMatchObject({
      kind: "defer",
      until: new Date("2026-02-03T08:30:00-05:00"),
      rule: "italy.hours.call",
    });
  });
});
