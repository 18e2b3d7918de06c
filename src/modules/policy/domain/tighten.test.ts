import { describe, expect, it } from "vitest";
import type { DebtorContactContext } from "./contact.js";
import { evaluateContact } from "./evaluate-contact.js";
import { type ChannelHours, type ContactPolicy, mergeWeeks, weekly } from "./policy.js";
import { ITALY, UK, US } from "./presets.js";
import { type PolicyOverrides, tighten } from "./tighten.js";

const ROME: DebtorContactContext = {
  identityId: "p1",
  timeZone: "Europe/Rome",
  country: "IT",
  optedOut: [],
  doNotContact: false,
  holds: [],
};

const MON_FRI = ["mon", "tue", "wed", "thu", "fri"] as const;
const italyCalls = ITALY.hours.find((group) => group.id === "italy.hours.call")!;
const callHours = (changes: Partial<ChannelHours>): ChannelHours => ({ ...italyCalls, ...changes });

describe("tighten accepts stricter overrides", () => {
  it.each<[string, ContactPolicy, PolicyOverrides]>([
    ["nothing", ITALY, {}],
    [
      "narrower call hours, no Saturday",
      ITALY,
      { hours: [callHours({ week: weekly(MON_FRI, { from: "09:00", to: "20:00" }) })] },
    ],
    [
      "a lunch break",
      ITALY,
      {
        hours: [
          callHours({
            week: mergeWeeks(
              weekly(MON_FRI, { from: "08:30", to: "13:00" }, { from: "14:00", to: "21:00" }),
            ),
          }),
        ],
      },
    ],
    [
      "hours for letters too",
      ITALY,
      {
        hours: [
          {
            id: "tenant.hours.letter",
            channels: ["letter"],
            week: weekly(MON_FRI, { from: "09:00", to: "17:00" }),
            excludeSundays: true,
            excludePublicHolidays: true,
          },
        ],
      },
    ],
    [
      "a lower cap",
      ITALY,
      {
        caps: [
          {
            id: "cap.person.live.1d",
            channels: ["call", "voice"],
            max: 2,
            windowHours: 24,
            scope: "person",
          },
        ],
      },
    ],
    [
      "a cap over more channels and a longer window",
      ITALY,
      {
        caps: [
          { id: "cap.person.live.1d", channels: "all", max: 3, windowHours: 48, scope: "person" },
        ],
      },
    ],
    [
      "1 call a day instead of 7 in 7 days",
      US,
      {
        caps: [
          {
            id: "cap.case.call.7d",
            channels: ["call", "voice"],
            max: 1,
            windowHours: 24,
            scope: "case",
          },
        ],
      },
    ],
    [
      "per person instead of per case",
      US,
      {
        caps: [
          {
            id: "cap.case.call.7d",
            channels: ["call", "voice"],
            max: 7,
            windowHours: 168,
            scope: "person",
          },
        ],
      },
    ],
    [
      "an extra weekly cap",
      UK,
      {
        caps: [
          { id: "tenant.cap.week", channels: "all", max: 6, windowHours: 168, scope: "person" },
        ],
      },
    ],
    [
      "a longer cool-down on all channels",
      US,
      { cooldownAfterConversation: { hours: 240, appliesTo: "all", scope: "person" } },
    ],
    [
      "a cool-down where the preset has none",
      ITALY,
      { cooldownAfterConversation: { hours: 48, appliesTo: "live", scope: "person" } },
    ],
    ["no conversations at all", ITALY, { maxConversationsPerDay: 0 }],
    ["a per-day conversation limit the US lacks", US, { maxConversationsPerDay: 1 }],
    ["an opt-out in every message", ITALY, { requiresOptOutInElectronicMessages: true }],
  ])("%s", (_name, preset, overrides) => {
    const { policy, violations } = tighten(preset, overrides);
    expect(violations).toEqual([]);
    expect(policy.loosening).toBeUndefined();
  });

  it("the tightened policy is the one evaluated; the preset is untouched", () => {
    const before = JSON.stringify(ITALY);
    const { policy } = tighten(ITALY, {
      hours: [callHours({ week: weekly(MON_FRI, { from: "09:00", to: "20:00" }) })],
    });
    expect(JSON.stringify(ITALY)).toBe(before);
    const saturday = {
      tenantId: "t",
      caseId: "c",
      channel: "call" as const,
      at: new Date("2026-02-07T09:00:00+01:00"),
    };
    expect(evaluateContact(ITALY, ROME, [], saturday)).toEqual({ kind: "allow" });
    expect(evaluateContact(policy, ROME, [], saturday)).toMatchObject({
      kind: "defer",
      until: new Date("2026-02-09T09:00:00+01:00"),
      rule: "italy.hours.call",
    });
  });
});

describe("tighten rejects malformed overrides", () => {
  it.each<[string, PolicyOverrides]>([
    [
      "a time past midnight",
      { hours: [callHours({ week: weekly(["mon"], { from: "08:30", to: "25:00" }) })] },
    ],
    [
      "an empty window",
      { hours: [callHours({ week: weekly(["mon"], { from: "12:00", to: "12:00" }) })] },
    ],
    [
      "a negative cap",
      { caps: [{ id: "x", channels: "all", max: -1, windowHours: 24, scope: "person" }] },
    ],
    [
      "a zero-hour window",
      { caps: [{ id: "x", channels: "all", max: 1, windowHours: 0, scope: "person" }] },
    ],
    [
      "the same cap twice",
      {
        caps: [
          { id: "x", channels: "all", max: 1, windowHours: 24, scope: "person" },
          { id: "x", channels: "all", max: 1, windowHours: 24, scope: "person" },
        ],
      },
    ],
    ["a fractional conversation limit", { maxConversationsPerDay: 0.5 }],
  ])("%s", (_name, overrides) => {
    expect(() => tighten(ITALY, overrides)).toThrow(RangeError);
  });
});
