import { describe, expect, it } from "vitest";
import { evaluateContact } from "./evaluate-contact.js";
import type { ContactPolicy } from "./policy.js";
import { ANYTIME, event, PERSON, propose } from "./test-fixtures.js";

describe("caps", () => {
  const cap = (overrides: Partial<ContactPolicy["caps"][number]>): ContactPolicy => ({
    ...ANYTIME,
    caps: [
      {
        id: "cap.test",
        channels: ["call"],
        max: 2,
        windowHours: 24,
        scope: "person",
        ...overrides,
      },
    ],
  });

  it("defers until the event that frees a slot leaves the rolling window", () => {
    const history = [
      event("2026-02-02T08:00:00Z"),
      event("2026-02-02T09:00:00Z"),
      event("2026-02-02T10:00:00Z"),
    ];
    // Three in the window, max two: the second-oldest (09:00) must leave first.
    expect(
      evaluateContact(cap({}), PERSON, history, propose("2026-02-02T12:00:00Z")),
    ).toMatchObject({
      kind: "defer",
      until: new Date("2026-02-03T09:00:00Z"),
      rule: "cap.test",
    });
  });

  it("an event exactly one window old has left it", () => {
    const history = [event("2026-02-01T12:00:00Z"), event("2026-02-02T09:00:00Z")];
    expect(evaluateContact(cap({}), PERSON, history, propose("2026-02-02T12:00:00Z"))).toEqual({
      kind: "allow",
    });
  });

  it("events after the proposed time are not counted", () => {
    const history = [event("2026-02-02T13:00:00Z"), event("2026-02-02T14:00:00Z")];
    expect(evaluateContact(cap({}), PERSON, history, propose("2026-02-02T12:00:00Z"))).toEqual({
      kind: "allow",
    });
  });

  it("person scope counts every tenant's cases; case scope only this case", () => {
    const history = [
      event("2026-02-02T08:00:00Z", "call", "attempt", "other-case", "t2"),
      event("2026-02-02T09:00:00Z", "call", "attempt", "c1", "t1"),
    ];
    const at = propose("2026-02-02T12:00:00Z");
    expect(evaluateContact(cap({ scope: "person" }), PERSON, history, at)).toMatchObject({
      kind: "defer",
      until: new Date("2026-02-03T08:00:00Z"),
    });
    expect(evaluateContact(cap({ scope: "case" }), PERSON, history, at)).toEqual({ kind: "allow" });
    // Same case id under another tenant is another case.
    const sameIdOtherTenant = [event("2026-02-02T09:00:00Z", "call", "attempt", "c1", "t2")];
    expect(evaluateContact(cap({ scope: "case", max: 1 }), PERSON, sameIdOtherTenant, at)).toEqual({
      kind: "allow",
    });
  });

  it("a cap counts only its channels and applies only to them; 'all' counts everything", () => {
    const history = [event("2026-02-02T08:00:00Z", "sms"), event("2026-02-02T09:00:00Z", "email")];
    const at = propose("2026-02-02T12:00:00Z", "call");
    expect(evaluateContact(cap({}), PERSON, history, at)).toEqual({ kind: "allow" });
    expect(evaluateContact(cap({}), PERSON, history, { ...at, channel: "sms" })).toEqual({
      kind: "allow",
    });
    expect(evaluateContact(cap({ channels: "all" }), PERSON, history, at)).toMatchObject({
      kind: "defer",
      rule: "cap.test",
    });
  });

  it("conversations count as contacts too", () => {
    const history = [
      event("2026-02-02T08:00:00Z", "call", "conversation"),
      event("2026-02-02T09:00:00Z"),
    ];
    expect(
      evaluateContact(cap({}), PERSON, history, propose("2026-02-02T12:00:00Z")),
    ).toMatchObject({
      kind: "defer",
    });
  });

  it("a cap of zero never frees up: blocked with no_allowed_time", () => {
    expect(
      evaluateContact(cap({ max: 0 }), PERSON, [], propose("2026-02-02T12:00:00Z")),
    ).toMatchObject({
      kind: "block",
      rule: "no_allowed_time",
    });
  });
});

describe("cool-down after a conversation", () => {
  const policy = (appliesTo: "live" | "all", scope: "person" | "case"): ContactPolicy => ({
    ...ANYTIME,
    cooldownAfterConversation: { hours: 48, appliesTo, scope },
  });
  const talked = [event("2026-02-02T10:00:00Z", "call", "conversation", "c1", "t1")];

  it("defers live contact until the cool-down ends", () => {
    expect(
      evaluateContact(policy("live", "person"), PERSON, talked, propose("2026-02-03T10:00:00Z")),
    ).toMatchObject({
      kind: "defer",
      until: new Date("2026-02-04T10:00:00Z"),
      rule: "cooldown.conversation",
    });
  });

  it("attempts do not start a cool-down", () => {
    const attempts = [event("2026-02-02T10:00:00Z")];
    expect(
      evaluateContact(policy("all", "person"), PERSON, attempts, propose("2026-02-03T10:00:00Z")),
    ).toEqual({
      kind: "allow",
    });
  });

  it("'live' leaves written channels alone; 'all' does not", () => {
    const email = propose("2026-02-03T10:00:00Z", "email");
    expect(evaluateContact(policy("live", "person"), PERSON, talked, email)).toEqual({
      kind: "allow",
    });
    expect(evaluateContact(policy("all", "person"), PERSON, talked, email)).toMatchObject({
      kind: "defer",
    });
  });

  it("case scope ignores conversations on other cases", () => {
    const otherCase = propose("2026-02-03T10:00:00Z", "call", "c2", "t2");
    expect(evaluateContact(policy("live", "case"), PERSON, talked, otherCase)).toEqual({
      kind: "allow",
    });
    expect(evaluateContact(policy("live", "person"), PERSON, talked, otherCase)).toMatchObject({
      kind: "defer",
    });
  });
});

describe("conversations per day", () => {
  const policy: ContactPolicy = { ...ANYTIME, maxConversationsPerDay: 1 };

  it("counts the debtor's local calendar day, not UTC's", () => {
    // 23:30 UTC on 2 Feb is already 3 Feb in Rome.
    const lateNight = [event("2026-02-02T23:30:00Z", "call", "conversation")];
    expect(
      evaluateContact(policy, PERSON, lateNight, propose("2026-02-03T10:00:00+01:00")),
    ).toMatchObject({
      kind: "defer",
      until: new Date("2026-02-04T00:00:00+01:00"),
      rule: "conversations.per_day",
    });
    const earlier = [event("2026-02-02T22:30:00Z", "call", "conversation")];
    expect(evaluateContact(policy, PERSON, earlier, propose("2026-02-03T10:00:00+01:00"))).toEqual({
      kind: "allow",
    });
  });

  it("only live channels are limited, and attempts do not count", () => {
    const talked = [event("2026-02-03T09:00:00+01:00", "call", "conversation")];
    expect(
      evaluateContact(policy, PERSON, talked, propose("2026-02-03T15:00:00+01:00", "sms")),
    ).toEqual({
      kind: "allow",
    });
    const tried = [event("2026-02-03T09:00:00+01:00")];
    expect(evaluateContact(policy, PERSON, tried, propose("2026-02-03T15:00:00+01:00"))).toEqual({
      kind: "allow",
    });
  });
});
