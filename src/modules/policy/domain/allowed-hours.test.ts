import { describe, expect, it } from "vitest";
import { nextAllowedMoment, timeRefusal } from "./allowed-hours.js";
import type { Channel, DebtorContactContext } from "./contact.js";
import { type ContactPolicy, weekly } from "./policy.js";
import { ITALY, UK, US } from "./presets.js";

function debtor(timeZone: string, country: string, region?: string): DebtorContactContext {
  return {
    identityId: "p1",
    timeZone,
    country,
    region,
    optedOut: [],
    doNotContact: false,
    holds: [],
  };
}

const ROME = debtor("Europe/Rome", "IT");
const MILAN = debtor("Europe/Rome", "IT", "MI");
const LONDON = debtor("Europe/London", "GB", "ENG");
const NEW_YORK = debtor("America/New_York", "US", "NY");

function next(policy: ContactPolicy, who: DebtorContactContext, channel: Channel, from: string) {
  return nextAllowedMoment(policy, who, channel, new Date(from))?.toISOString() ?? null;
}

const iso = (text: string) => new Date(text).toISOString();

describe("nextAllowedMoment — Italy, debtor in Rome", () => {
  it.each([
    ["inside hours stays put", "2026-02-03T10:00:00+01:00", "2026-02-03T10:00:00+01:00"],
    ["Friday 21:30 → Saturday 08:30", "2026-03-27T21:30:00+01:00", "2026-03-28T08:30:00+01:00"],
    [
      "Friday 21:00 (end excluded) → Saturday",
      "2026-03-27T21:00:00+01:00",
      "2026-03-28T08:30:00+01:00",
    ],
    // Saturday before the spring change: Monday 08:30 is already CEST (+02:00).
    [
      "Saturday 15:30 → Monday 08:30 CEST",
      "2026-03-28T15:30:00+01:00",
      "2026-03-30T08:30:00+02:00",
    ],
    ["DST Sunday → Monday 08:30", "2026-03-29T10:00:00+02:00", "2026-03-30T08:30:00+02:00"],
    ["Monday 08:29:59 → 08:30", "2026-03-30T08:29:59+02:00", "2026-03-30T08:30:00+02:00"],
    // Saturday before the autumn change: Monday 08:30 is CET again (+01:00).
    ["Saturday 15:00 → Monday 08:30 CET", "2026-10-24T15:00:00+02:00", "2026-10-26T08:30:00+01:00"],
    ["autumn DST Sunday → Monday", "2026-10-25T09:00:00+01:00", "2026-10-26T08:30:00+01:00"],
    ["Easter Monday → Tuesday", "2026-04-06T09:00:00+02:00", "2026-04-07T08:30:00+02:00"],
    ["8 December → 9 December", "2026-12-08T10:00:00+01:00", "2026-12-09T08:30:00+01:00"],
    // 25 April 2026 is a Saturday holiday, then Sunday.
    [
      "Friday night before 25 April → Monday 27",
      "2026-04-24T21:00:00+02:00",
      "2026-04-27T08:30:00+02:00",
    ],
    [
      "night before Christmas → 28 December",
      "2026-12-24T22:00:00+01:00",
      "2026-12-28T08:30:00+01:00",
    ],
  ])("call: %s", (_name, from, expected) => {
    expect(next(ITALY, ROME, "call", from)).toBe(iso(expected));
  });

  it.each([
    [
      "sms Saturday 20:00 → Monday 08:30",
      "sms",
      "2026-02-07T20:00:00+01:00",
      "2026-02-09T08:30:00+01:00",
    ],
    [
      "email Saturday 16:00 is fine",
      "email",
      "2026-02-07T16:00:00+01:00",
      "2026-02-07T16:00:00+01:00",
    ],
    ["voice follows call hours", "voice", "2026-02-07T15:00:00+01:00", "2026-02-09T08:30:00+01:00"],
    ["letters have no hours", "letter", "2026-03-29T03:00:00+02:00", "2026-03-29T03:00:00+02:00"],
  ] as const)("%s", (_name, channel, from, expected) => {
    expect(next(ITALY, ROME, channel, from)).toBe(iso(expected));
  });

  it("a regional holiday counts where it applies: Milan skips Sant'Ambrogio (7 Dec) and 8 Dec", () => {
    expect(next(ITALY, ROME, "call", "2026-12-07T10:00:00+01:00")).toBe(
      iso("2026-12-07T10:00:00+01:00"),
    );
    expect(next(ITALY, MILAN, "call", "2026-12-07T10:00:00+01:00")).toBe(
      iso("2026-12-09T08:30:00+01:00"),
    );
  });

  it("names the rule that refuses: Sunday, holiday, hours", () => {
    const refusal = (from: string) =>
      timeRefusal(ITALY, ROME, "call", new Date(from))?.rule ?? null;
    expect(refusal("2026-03-29T10:00:00+02:00")).toBe("sunday");
    expect(refusal("2026-04-06T10:00:00+02:00")).toBe("holiday");
    expect(refusal("2026-04-07T07:00:00+02:00")).toBe("italy.hours.call");
    expect(refusal("2026-04-07T10:00:00+02:00")).toBeNull();
  });
});

describe("nextAllowedMoment — the debtor's time zone decides, not the tenant's", () => {
  it.each([
    // 21:30 in Rome is 20:30 in London: still inside Italian-preset hours there.
    ["London, 20:30 local", LONDON, "2026-03-27T20:30:00Z", "2026-03-27T20:30:00Z"],
    // Monday 08:00 BST is 09:00 in Rome, but the London debtor's 08:30 counts.
    ["London, Monday 08:00 BST", LONDON, "2026-03-30T07:00:00Z", "2026-03-30T07:30:00Z"],
    // Early May bank holiday: a UK public holiday, not an Italian one.
    ["London, bank holiday Monday", LONDON, "2026-05-04T09:00:00Z", "2026-05-05T07:30:00Z"],
    // 14:00 in Rome is 08:00 in New York: too early there.
    ["New York, 08:00 EDT", NEW_YORK, "2026-03-30T12:00:00Z", "2026-03-30T12:30:00Z"],
    // 02:30 in Rome on Saturday is still Friday 20:30 in New York (EST, 6 h behind Rome).
    ["New York, Friday evening", NEW_YORK, "2026-03-07T01:30:00Z", "2026-03-07T01:30:00Z"],
  ])("Italy preset, %s", (_name, who, from, expected) => {
    expect(next(ITALY, who, "call", from)).toBe(iso(expected));
  });
});

describe("nextAllowedMoment — US and UK presets", () => {
  it.each([
    ["07:59 → 08:00", "2026-02-03T07:59:00-05:00", "2026-02-03T08:00:00-05:00"],
    ["Sundays are allowed", "2026-02-08T12:00:00-05:00", "2026-02-08T12:00:00-05:00"],
    ["federal holidays are allowed", "2026-07-03T10:00:00-04:00", "2026-07-03T10:00:00-04:00"],
    // Spring forward: Saturday 21:00 EST → Sunday 08:00 EDT, only 10 hours later.
    [
      "Saturday night before DST → Sunday 08:00 EDT",
      "2026-03-07T21:00:00-05:00",
      "2026-03-08T08:00:00-04:00",
    ],
    ["DST Sunday 01:30 EST → 08:00 EDT", "2026-03-08T01:30:00-05:00", "2026-03-08T08:00:00-04:00"],
    ["DST Monday 07:30 → 08:00", "2026-03-09T07:30:00-04:00", "2026-03-09T08:00:00-04:00"],
    // Fall back: Saturday 21:00 EDT → Sunday 08:00 EST.
    [
      "Saturday night before fall back → Sunday 08:00 EST",
      "2026-10-31T21:00:00-04:00",
      "2026-11-01T08:00:00-05:00",
    ],
    [
      "fall-back Sunday 20:59 EST is allowed",
      "2026-11-01T20:59:00-05:00",
      "2026-11-01T20:59:00-05:00",
    ],
  ])("US call, New York: %s", (_name, from, expected) => {
    expect(next(US, NEW_YORK, "call", from)).toBe(iso(expected));
  });

  it.each([
    ["Saturday 21:00 → Monday 08:00", "2026-02-07T21:00:00Z", "2026-02-09T08:00:00Z"],
    [
      "bank holiday Monday → Tuesday 08:00 BST",
      "2026-05-04T10:00:00+01:00",
      "2026-05-05T08:00:00+01:00",
    ],
    [
      "Christmas → Tuesday 29 (Boxing Day substitute on 28)",
      "2026-12-25T10:00:00Z",
      "2026-12-29T08:00:00Z",
    ],
    ["Saturday 10:00 is allowed", "2026-02-07T10:00:00Z", "2026-02-07T10:00:00Z"],
  ])("UK sms, London: %s", (_name, from, expected) => {
    expect(next(UK, LONDON, "sms", from)).toBe(iso(expected));
  });
});

describe("nextAllowedMoment — how groups combine", () => {
  const BASE: ContactPolicy = { ...ITALY, hours: [] };

  it("a channel in several groups needs all of them to agree", () => {
    const policy: ContactPolicy = {
      ...BASE,
      hours: [
        {
          id: "a",
          channels: ["call"],
          week: weekly(["mon", "tue"], { from: "08:00", to: "20:00" }),
          excludeSundays: false,
          excludePublicHolidays: false,
        },
        {
          id: "b",
          channels: ["call"],
          week: weekly(["mon", "tue"], { from: "12:00", to: "22:00" }),
          excludeSundays: false,
          excludePublicHolidays: false,
        },
      ],
    };
    expect(next(policy, ROME, "call", "2026-02-02T09:00:00+01:00")).toBe(
      iso("2026-02-02T12:00:00+01:00"),
    );
    expect(next(policy, ROME, "call", "2026-02-02T20:30:00+01:00")).toBe(
      iso("2026-02-03T12:00:00+01:00"),
    );
    expect(timeRefusal(policy, ROME, "call", new Date("2026-02-02T21:00:00+01:00"))?.rule).toBe(
      "a",
    );
  });

  it("several windows in one day are tried in order", () => {
    const policy: ContactPolicy = {
      ...BASE,
      hours: [
        {
          id: "split",
          channels: ["call"],
          week: weekly(["mon"], { from: "14:00", to: "18:00" }, { from: "09:00", to: "12:00" }),
          excludeSundays: false,
          excludePublicHolidays: false,
        },
      ],
    };
    expect(next(policy, ROME, "call", "2026-02-02T12:30:00+01:00")).toBe(
      iso("2026-02-02T14:00:00+01:00"),
    );
    expect(next(policy, ROME, "call", "2026-02-02T18:00:00+01:00")).toBe(
      iso("2026-02-09T09:00:00+01:00"),
    );
  });

  it("returns null when nothing is allowed within the horizon", () => {
    const never: ContactPolicy = {
      ...BASE,
      hours: [
        {
          id: "never",
          channels: ["sms"],
          week: weekly([]),
          excludeSundays: false,
          excludePublicHolidays: false,
        },
      ],
    };
    expect(next(never, ROME, "sms", "2026-02-02T10:00:00+01:00")).toBeNull();
    expect(next(never, ROME, "email", "2026-02-02T10:00:00+01:00")).toBe(
      iso("2026-02-02T10:00:00+01:00"),
    );
  });
});
