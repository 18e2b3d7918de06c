import { describe, expect, it } from "vitest";
import { type ChannelHours, type ContactPolicy, mergeWeeks, weekly } from "./policy.js";
import { ITALY, UK, US } from "./presets.js";
import { PolicyLooseningError, type PolicyOverrides, tighten } from "./tighten.js";

const MON_FRI = ["mon", "tue", "wed", "thu", "fri"] as const;
const italyCalls = ITALY.hours.find((group) => group.id === "italy.hours.call")!;
const callHours = (changes: Partial<ChannelHours>): ChannelHours => ({ ...italyCalls, ...changes });

/** The violations tighten would report, or [] when it accepts the overrides. */
function loosenings(preset: ContactPolicy, overrides: PolicyOverrides): readonly string[] {
  try {
    return tighten(preset, overrides).violations;
  } catch (error) {
    if (error instanceof PolicyLooseningError) return error.violations;
    throw error;
  }
}

describe("tighten refuses loosening without an audit record", () => {
  it.each<[string, ContactPolicy, PolicyOverrides, string[]]>([
    [
      "a later Saturday",
      ITALY,
      {
        hours: [
          callHours({
            week: mergeWeeks(
              weekly(MON_FRI, { from: "08:30", to: "21:00" }),
              weekly(["sat"], { from: "08:30", to: "16:00" }),
            ),
          }),
        ],
      },
      [`hours "italy.hours.call" Sat 08:30–16:00 is outside the preset's Sat 08:30–15:00`],
    ],
    [
      "Sundays",
      ITALY,
      {
        hours: [
          callHours({
            excludeSundays: false,
            week: weekly(["sun"], { from: "10:00", to: "12:00" }),
          }),
        ],
      },
      [
        `hours "italy.hours.call" allows Sundays`,
        `hours "italy.hours.call" Sun 10:00–12:00 is on a day the preset closes`,
      ],
    ],
    [
      "public holidays",
      ITALY,
      { hours: [callHours({ excludePublicHolidays: false })] },
      [`hours "italy.hours.call" allows public holidays`],
    ],
    [
      "dropping voice from the call hours",
      ITALY,
      { hours: [callHours({ channels: ["call"] })] },
      [`hours "italy.hours.call" no longer covers voice`],
    ],
    [
      "a higher cap",
      US,
      {
        caps: [
          {
            id: "cap.case.call.7d",
            channels: ["call", "voice"],
            max: 10,
            windowHours: 168,
            scope: "case",
          },
        ],
      },
      [`cap "cap.case.call.7d" 10 in 168 h allows more than the preset's 7 in 168 h`],
    ],
    [
      "a shorter window",
      US,
      {
        caps: [
          {
            id: "cap.case.call.7d",
            channels: ["call", "voice"],
            max: 7,
            windowHours: 24,
            scope: "case",
          },
        ],
      },
      [`cap "cap.case.call.7d" 7 in 24 h allows more than the preset's 7 in 168 h`],
    ],
    [
      "per case instead of per person",
      ITALY,
      {
        caps: [
          {
            id: "cap.person.live.1d",
            channels: ["call", "voice"],
            max: 3,
            windowHours: 24,
            scope: "case",
          },
        ],
      },
      [`cap "cap.person.live.1d" counts one case instead of the whole person`],
    ],
    [
      "fewer channels",
      UK,
      {
        caps: [
          {
            id: "cap.person.all.1d",
            channels: ["sms", "email"],
            max: 4,
            windowHours: 24,
            scope: "person",
          },
        ],
      },
      [`cap "cap.person.all.1d" counts only sms, email instead of all channels`],
    ],
    [
      "a shorter cool-down",
      US,
      { cooldownAfterConversation: { hours: 72, appliesTo: "live", scope: "case" } },
      ["cool-down 72 h is shorter than the preset's 168 h"],
    ],
    [
      "no cool-down",
      US,
      { cooldownAfterConversation: null },
      ["the 168 h cool-down after a conversation is removed"],
    ],
    [
      "two conversations a day",
      ITALY,
      { maxConversationsPerDay: 2 },
      ["conversations per day 2 is above the preset's 1"],
    ],
    [
      "unlimited conversations",
      UK,
      { maxConversationsPerDay: null },
      ["conversations per day unlimited is above the preset's 1"],
    ],
    [
      "disputes no longer blocking",
      ITALY,
      { blockingHolds: ["deceased", "insolvency", "plan", "promise", "hardship", "vulnerability"] },
      ["a dispute hold would no longer block"],
    ],
    [
      "no opt-out in messages",
      US,
      { requiresOptOutInElectronicMessages: false },
      ["electronic messages would no longer carry an opt-out"],
    ],
  ])("%s", (_name, preset, overrides, expected) => {
    expect(() => tighten(preset, overrides)).toThrow(PolicyLooseningError);
    expect(loosenings(preset, overrides)).toEqual(expected);
  });

  it("the error is typed and lists everything at once", () => {
    const overrides: PolicyOverrides = {
      maxConversationsPerDay: 3,
      requiresOptOutInElectronicMessages: false,
    };
    try {
      tighten(US, { ...overrides, cooldownAfterConversation: null });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PolicyLooseningError);
      const typed = error as PolicyLooseningError;
      expect(typed.code).toBe("policy_loosening_not_approved");
      expect(typed.presetId).toBe("us");
      expect(typed.violations).toHaveLength(2);
      expect(typed.message).toContain("electronic messages would no longer carry an opt-out");
    }
  });

  it("an incomplete approval is no approval", () => {
    const loosen = { maxConversationsPerDay: 2 };
    expect(() =>
      tighten(ITALY, { ...loosen, approval: { loosen: true, approvedBy: " ", reason: "pilot" } }),
    ).toThrow(PolicyLooseningError);
    expect(() =>
      tighten(ITALY, {
        ...loosen,
        approval: { loosen: true, approvedBy: "dpo@agency", reason: "" },
      }),
    ).toThrow(PolicyLooseningError);
  });

  it("an explicit approval lets it through and stays on the policy for the audit trail", () => {
    const approval = {
      loosen: true,
      approvedBy: "dpo@agency.example",
      reason: "B2B portfolio, debtor asked for calls until 22:00",
    } as const;
    const { policy, violations } = tighten(ITALY, { maxConversationsPerDay: 2, approval });
    expect(violations).toEqual(["conversations per day 2 is above the preset's 1"]);
    expect(policy.maxConversationsPerDay).toBe(2);
    expect(policy.loosening).toEqual({
      approvedBy: approval.approvedBy,
      reason: approval.reason,
      violations,
    });
  });
});
