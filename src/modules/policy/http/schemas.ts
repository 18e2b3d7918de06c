/**
 * The contact policy as JSON: what a tenant may send as overrides (the shape of
 * PolicyOverrides) and the effective policy it gets back.
 */
import { z } from "zod";
import { CHANNELS, HOLD_REASONS } from "../domain";

export const PRESET_CODES = ["IT", "US", "GB"] as const;
export type PresetCode = (typeof PRESET_CODES)[number];

/** "HH:MM" from 00:00 to 24:00 (24:00 ends a window at midnight). */
const CLOCK = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const minutes = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3));

const ruleId = z.string().trim().min(1).max(100);
const channel = z.enum(CHANNELS);

const hourWindow = z
  .object({
    from: z.string().regex(CLOCK, "a time of day as HH:MM"),
    to: z.string().regex(CLOCK, "a time of day as HH:MM (24:00 for midnight)"),
  })
  .refine((w) => minutes(w.from) < minutes(w.to), {
    message: "a window ends after it starts",
    path: ["to"],
  });

const day = z.array(hourWindow).default([]).describe("Allowed windows that day; none: closed");

const week = z.object({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day });

export const channelHours = z
  .object({
    id: ruleId.describe("Replaces the preset's group with this id; a new id adds a group"),
    channels: z.array(channel).min(1),
    week,
    excludeSundays: z.boolean(),
    excludePublicHolidays: z.boolean(),
  })
  .describe("When these channels may reach the debtor, in the debtor's local time");

export const contactCap = z
  .object({
    id: ruleId.describe("Replaces the preset's cap with this id; a new id adds a cap"),
    channels: z.union([z.literal("all"), z.array(channel).min(1)]),
    max: z.int().min(0),
    windowHours: z.number().positive(),
    scope: z.enum(["person", "case"]),
  })
  .describe("At most `max` contacts in any rolling `windowHours`");

export const conversationCooldown = z.object({
  hours: z.number().min(0),
  appliesTo: z.enum(["live", "all"]),
  scope: z.enum(["person", "case"]),
});

function uniqueIds(
  list: readonly { id: string }[] | undefined,
  path: string,
  ctx: z.RefinementCtx,
) {
  const seen = new Set<string>();
  for (const { id } of list ?? []) {
    if (seen.has(id)) ctx.addIssue({ code: "custom", path: [path], message: `${id} listed twice` });
    seen.add(id);
  }
}

export const policyOverrides = z
  .object({
    hours: z.array(channelHours).optional(),
    caps: z.array(contactCap).optional(),
    maxConversationsPerDay: z.int().min(0).nullable().optional().describe("null: no limit"),
    cooldownAfterConversation: conversationCooldown.nullable().optional(),
    blockingHolds: z.array(z.enum(HOLD_REASONS)).optional(),
    requiresOptOutInElectronicMessages: z.boolean().optional(),
  })
  .superRefine((overrides, ctx) => {
    uniqueIds(overrides.hours, "hours", ctx);
    uniqueIds(overrides.caps, "caps", ctx);
  })
  .describe("Changes to the preset; anything looser than the preset needs an approval");

export const looseningApproval = z
  .object({
    loosen: z.literal(true),
    approvedBy: z.string().trim().min(1).max(200).describe("Who approved going below the preset"),
    reason: z.string().trim().min(1).max(2000),
  })
  .describe("The explicit, audited permission to loosen the preset");

export const policyBody = z.object({
  preset: z.enum(PRESET_CODES).describe("The legal floor: Italy, United States, United Kingdom"),
  overrides: policyOverrides.default({}),
  approval: looseningApproval.optional(),
});

export const looseningRecord = z.object({
  approvedBy: z.string(),
  reason: z.string(),
  violations: z.array(z.string()).describe("Every way the policy is looser than the preset"),
});

export const contactPolicyOut = z.object({
  id: z.string(),
  source: z.string(),
  hours: z.array(channelHours),
  caps: z.array(contactCap),
  maxConversationsPerDay: z.int().nullable(),
  cooldownAfterConversation: conversationCooldown.nullable(),
  blockingHolds: z.array(z.enum(HOLD_REASONS)),
  requiresOptOutInElectronicMessages: z.boolean(),
  loosening: looseningRecord.optional(),
});

export const policyOut = z.object({
  preset: z.enum(PRESET_CODES),
  policy: contactPolicyOut.describe("The effective policy: the preset tightened by the overrides"),
  overrides: policyOverrides,
  loosening: looseningRecord.nullable().describe("The audit record when the preset is loosened"),
  updatedBy: z.string().nullable().describe("null while the tenant runs its country's preset"),
  updatedAt: z.string().nullable(),
});
