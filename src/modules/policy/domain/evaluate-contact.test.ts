import { describe, expect, it } from "vitest";
import type { Channel, HoldReason } from "./contact.js";
import { HOLD_REASONS } from "./contact.js";
import { evaluateContact } from "./evaluate-contact.js";
import { type ContactPolicy, weekly } from "./policy.js";
import { ITALY } from "./presets.js";
import { ANYTIME, event, PERSON, propose } from "./test-fixtures.js";

describe("blocking rules", () => {
  const monday10 = propose("2026-02-02T10:00:00+01:00");

  it("do-not-contact wins over holds and opt-outs", () => {
    const who = { ...PERSON, doNotContact: true, holds: ["dispute"], optedOut: ["call"] } as const;
    expect(evaluateContact(ITALY, who, [], monday10)).toMatchObject({
      kind: "block",
      rule: "do_not_contact",
    });
  });

  it.each(HOLD_REASONS)("a %s hold blocks every channel", (hold) => {
    for (const channel of ["call", "sms", "email", "letter"] as const) {
      const decision = evaluateContact(ITALY, { ...PERSON, holds: [hold] }, [], {
        ...monday10,
        channel,
      });
      expect(decision).toMatchObject({ kind: "block", rule: `hold.${hold}` });
    }
  });

  it("names the most fundamental of several holds", () => {
    const holds: HoldReason[] = ["promise", "plan", "deceased", "dispute"];
    expect(evaluateContact(ITALY, { ...PERSON, holds }, [], monday10)).toMatchObject({
      rule: "hold.deceased",
    });
  });

  it("a hold the policy does not list does not block", () => {
    const policy = { ...ANYTIME, blockingHolds: ["deceased"] as const };
    expect(evaluateContact(policy, { ...PERSON, holds: ["promise"] }, [], monday10)).toEqual({
      kind: "allow",
    });
  });

  it("an opt-out of sms blocks sms but not email", () => {
    const who = { ...PERSON, optedOut: ["sms"] as Channel[] };
    expect(evaluateContact(ITALY, who, [], { ...monday10, channel: "sms" })).toMatchObject({
      kind: "block",
      rule: "opt_out.sms",
      reason: "the person opted out of sms",
    });
    expect(evaluateContact(ITALY, who, [], { ...monday10, channel: "email" })).toEqual({
      kind: "allow",
    });
  });

  it("blocks even at a time that would otherwise be deferred (Sunday)", () => {
    const sunday = propose("2026-02-08T10:00:00+01:00");
    expect(evaluateContact(ITALY, { ...PERSON, holds: ["dispute"] }, [], sunday)).toMatchObject({
      kind: "block",
      rule: "hold.dispute",
    });
  });
});

describe("rules together", () => {
  it("a cap that frees up at night is then moved into allowed hours; the cap is named", () => {
    const policy: ContactPolicy = {
      ...ITALY,
      caps: [{ id: "cap.test", channels: ["call"], max: 1, windowHours: 24, scope: "person" }],
    };
    const history = [event("2026-02-02T20:45:00+01:00")];
    const decision = evaluateContact(policy, PERSON, history, propose("2026-02-03T10:00:00+01:00"));
    // Frees at Tue 20:45, inside hours (until 21:00).
    expect(decision).toMatchObject({
      kind: "defer",
      until: new Date("2026-02-03T20:45:00+01:00"),
      rule: "cap.test",
    });
    const later = [event("2026-02-02T21:30:00+01:00")];
    // Would free at Tue 21:30, outside hours: Wednesday 08:30.
    expect(
      evaluateContact(policy, PERSON, later, propose("2026-02-03T10:00:00+01:00")),
    ).toMatchObject({
      kind: "defer",
      until: new Date("2026-02-04T08:30:00+01:00"),
      rule: "cap.test",
    });
  });

  it("a deferral explains itself and says when", () => {
    const decision = evaluateContact(ITALY, PERSON, [], propose("2026-02-06T21:30:00+01:00"));
    expect(decision).toEqual({
      kind: "defer",
      until: new Date("2026-02-07T08:30:00+01:00"),
      rule: "italy.hours.call",
      reason:
        "call/voice contact is allowed Mon–Fri 08:30–21:00; Sat 08:30–15:00 in the debtor's local time; Fri 2026-02-06 21:30 Europe/Rome is outside those hours; next allowed moment Sat 2026-02-07 08:30 Europe/Rome",
    });
  });

  it("hours that never open block with no_allowed_time", () => {
    const policy: ContactPolicy = {
      ...ANYTIME,
      hours: [
        {
          id: "closed",
          channels: ["call"],
          week: weekly([]),
          excludeSundays: false,
          excludePublicHolidays: false,
        },
      ],
    };
    expect(evaluateContact(policy, PERSON, [], propose("2026-02-02T10:00:00Z"))).toMatchObject({
      kind: "block",
      rule: "no_allowed_time",
    });
  });

  it("is pure: the same inputs give the same answer and the history is untouched", () => {
    const history = Object.freeze([event("2026-02-03T09:00:00+01:00", "call", "conversation")]);
    const at = propose("2026-02-03T15:00:00+01:00");
    const first = evaluateContact(ITALY, PERSON, history, at);
    expect(evaluateContact(ITALY, PERSON, history, at)).toEqual(first);
    expect(at.at.toISOString()).toBe("2026-02-03T14:00:00.000Z");
  });

  it("every deferral lands on a moment the policy allows", () => {
    const history = [
      event("2026-03-27T09:00:00+01:00", "call", "conversation", "c9", "t2"),
      event("2026-03-27T10:00:00+01:00", "sms"),
      event("2026-03-27T11:00:00+01:00", "email"),
    ];
    // Every half hour from Friday before the DST change to the Tuesday after.
    for (
      let t = Date.parse("2026-03-27T00:00:00Z");
      t < Date.parse("2026-03-31T00:00:00Z");
      t += 1_800_000
    ) {
      for (const channel of ["call", "sms", "email"] as const) {
        const decision = evaluateContact(
          ITALY,
          PERSON,
          history,
          propose(new Date(t).toISOString(), channel),
        );
        if (decision.kind !== "defer") continue;
        expect(decision.until.getTime()).toBeGreaterThan(t);
        const retry = evaluateContact(
          ITALY,
          PERSON,
          history,
          propose(decision.until.toISOString(), channel),
        );
        expect(retry).toEqual({ kind: "allow" });
      }
    }
  });
});
