import { describe, expect, it } from "vitest";
import { evaluateContact } from "./evaluate-contact.js";
import { ITALY, UK, US } from "./presets.js";
import { contactOnCase, debtorIn, proposeOnCase } from "./test-fixtures.js";

const debtor = debtorIn;
const propose = proposeOnCase;
const event = contactOnCase;

const LONDON = debtor("Europe/London", "GB");
const NEW_YORK = debtor("America/New_York", "US");

describe("United States (Regulation F)", () => {
  const calls = (days: number[]) => days.map((day) => event(`2026-02-0${day}T10:00:00-05:00`));

  it("the 7th call attempt in 7 days is allowed, the 8th waits until the 1st leaves the window", () => {
    expect(
      evaluateContact(
        US,
        NEW_YORK,
        calls([1, 2, 3, 4, 5, 6]),
        propose("2026-02-07T15:00:00-05:00"),
      ),
    ).toEqual({
      kind: "allow",
    });
    expect(
      evaluateContact(
        US,
        NEW_YORK,
        calls([1, 2, 3, 4, 5, 6, 7]),
        propose("2026-02-07T15:00:00-05:00"),
      ),
    ).toMatchObject({
      kind: "defer",
      until: new Date("2026-02-08T10:00:00-05:00"),
      rule: "cap.case.call.7d",
    });
  });

  it("the 7-day window is 168 hours, also across the DST change", () => {
    const history = [2, 3, 4, 5, 6, 7].map((day) => event(`2026-03-0${day}T10:00:00-05:00`));
    history.push(event("2026-03-08T10:00:00-04:00"));
    expect(
      evaluateContact(US, NEW_YORK, history, propose("2026-03-08T15:00:00-04:00")),
    ).toMatchObject({
      kind: "defer",
      until: new Date("2026-03-09T11:00:00-04:00"),
      rule: "cap.case.call.7d",
    });
  });

  it("the 7-in-7 count is per debt: another creditor's calls do not count", () => {
    const otherDebt = [1, 2, 3, 4, 5, 6, 7].map((day) =>
      event(`2026-02-0${day}T10:00:00-05:00`, "attempt", "call", "tenant-b", "case-b"),
    );
    expect(evaluateContact(US, NEW_YORK, otherDebt, propose("2026-02-07T15:00:00-05:00"))).toEqual({
      kind: "allow",
    });
  });

  it("after a conversation on day 3, no call on that debt until 7 days later", () => {
    const history = [
      event("2026-02-01T10:00:00-05:00"),
      event("2026-02-02T10:00:00-05:00"),
      event("2026-02-03T11:00:00-05:00", "conversation"),
    ];
    expect(
      evaluateContact(US, NEW_YORK, history, propose("2026-02-04T10:00:00-05:00")),
    ).toMatchObject({
      kind: "defer",
      until: new Date("2026-02-10T11:00:00-05:00"),
      rule: "cooldown.conversation",
    });
    // An email is not a call; another debt is not this debt.
    expect(
      evaluateContact(US, NEW_YORK, history, propose("2026-02-04T10:00:00-05:00", "email")),
    ).toEqual({
      kind: "allow",
    });
    expect(
      evaluateContact(
        US,
        NEW_YORK,
        history,
        propose("2026-02-04T10:00:00-05:00", "call", "tenant-b", "case-b"),
      ),
    ).toEqual({ kind: "allow" });
  });

  it.each([
    ["07:59 → 08:00", "call", "2026-02-03T07:59:00-05:00", "2026-02-03T08:00:00-05:00"],
    ["21:00 → next day 08:00", "sms", "2026-02-03T21:00:00-05:00", "2026-02-04T08:00:00-05:00"],
    [
      "DST Sunday 07:00 EDT → 08:00 EDT",
      "call",
      "2026-03-08T07:00:00-04:00",
      "2026-03-08T08:00:00-04:00",
    ],
    ["DST Monday 07:45 → 08:00", "call", "2026-03-09T07:45:00-04:00", "2026-03-09T08:00:00-04:00"],
    ["Sunday noon is allowed", "call", "2026-02-08T12:00:00-05:00", null],
  ] as const)("hours in the debtor's zone: %s", (_name, channel, at, until) => {
    const decision = evaluateContact(US, NEW_YORK, [], propose(at, channel));
    if (until === null) expect(decision).toEqual({ kind: "allow" });
    else expect(decision).toMatchObject({ kind: "defer", until: new Date(until) });
  });

  it("electronic messages must offer an opt-out", () => {
    expect(US.requiresOptOutInElectronicMessages).toBe(true);
    expect(ITALY.requiresOptOutInElectronicMessages).toBe(false);
  });
});

describe("United Kingdom (FCA CONC 7)", () => {
  it.each([
    [
      "Monday 07:30 → 08:00",
      "call",
      "2026-02-02T07:30:00Z",
      "2026-02-02T08:00:00Z",
      "uk.hours.call",
    ],
    ["Saturday 20:59 is allowed", "call", "2026-02-07T20:59:00Z", null, null],
    ["Sunday → Monday 08:00", "email", "2026-02-08T10:00:00Z", "2026-02-09T08:00:00Z", "sunday"],
    [
      "bank holiday → Tuesday 08:00 BST",
      "call",
      "2026-05-04T10:00:00+01:00",
      "2026-05-05T08:00:00+01:00",
      "holiday",
    ],
  ] as const)("%s", (_name, channel, at, until, rule) => {
    const decision = evaluateContact(UK, LONDON, [], propose(at, channel));
    if (until === null) expect(decision).toEqual({ kind: "allow" });
    else expect(decision).toMatchObject({ kind: "defer", until: new Date(until), rule });
  });

  it("at most 3 live attempts and 4 contacts in any 24 hours, across creditors", () => {
    const dialled = [
      event("2026-02-03T09:00:00Z", "attempt", "call", "tenant-a"),
      event("2026-02-03T10:00:00Z", "attempt", "call", "tenant-b"),
      event("2026-02-03T11:00:00Z", "attempt", "voice", "tenant-c"),
    ];
    expect(evaluateContact(UK, LONDON, dialled, propose("2026-02-03T12:00:00Z"))).toMatchObject({
      kind: "defer",
      until: new Date("2026-02-04T09:00:00Z"),
      rule: "cap.person.live.1d",
    });
    expect(evaluateContact(UK, LONDON, dialled, propose("2026-02-03T12:00:00Z", "sms"))).toEqual({
      kind: "allow",
    });
    const four = [...dialled, event("2026-02-03T11:30:00Z", "attempt", "sms")];
    expect(
      evaluateContact(UK, LONDON, four, propose("2026-02-03T12:00:00Z", "email")),
    ).toMatchObject({
      kind: "defer",
      until: new Date("2026-02-04T09:00:00Z"),
      rule: "cap.person.all.1d",
    });
  });

  it("one conversation a day", () => {
    const spoke = [event("2026-02-03T09:00:00Z", "conversation")];
    expect(evaluateContact(UK, LONDON, spoke, propose("2026-02-03T17:00:00Z"))).toMatchObject({
      until: new Date("2026-02-04T08:00:00Z"),
      rule: "conversations.per_day",
    });
  });
});
