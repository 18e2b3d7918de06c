/**
 * A tenant's policy is a preset plus overrides that may only make it stricter:
 * the preset is the law's floor. Loosening needs an explicit approval record
 * (who, why), which stays on the resulting policy for the audit trail.
 */
import type { HoldReason } from "./contact.js";
import {
  type ChannelHours,
  type ContactCap,
  type ContactPolicy,
  type ConversationCooldown,
  DAY_LABEL,
  describeWeek,
  WEEKDAYS,
  windowMinutes,
} from "./policy.js";

/** The explicit, audited permission to go below a preset. */
export interface LooseningApproval {
  loosen: true;
  approvedBy: string;
  reason: string;
}

/**
 * What a tenant changes. Hour groups and caps replace the preset's entry with
 * the same id, or are added when the id is new (an added group or cap can only
 * restrict more). Preset entries cannot be removed, only replaced.
 */
export interface PolicyOverrides {
  hours?: readonly ChannelHours[];
  caps?: readonly ContactCap[];
  maxConversationsPerDay?: number | null;
  cooldownAfterConversation?: ConversationCooldown | null;
  blockingHolds?: readonly HoldReason[];
  requiresOptOutInElectronicMessages?: boolean;
  approval?: LooseningApproval;
}

export interface TightenResult {
  policy: ContactPolicy;
  /** What the overrides loosen; empty unless an approval allowed it. */
  violations: readonly string[];
}

/** Overrides would loosen the preset and carry no complete approval. */
export class PolicyLooseningError extends Error {
  readonly code = "policy_loosening_not_approved";

  constructor(
    readonly presetId: string,
    readonly violations: readonly string[],
  ) {
    super(
      `overrides would loosen preset "${presetId}" without an approved override: ${violations.join("; ")}`,
    );
    this.name = "PolicyLooseningError";
  }
}

function replaceById<T extends { id: string }>(
  base: readonly T[],
  overrides: readonly T[] = [],
): T[] {
  const ids = overrides.map((item) => item.id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate) throw new RangeError(`override listed twice: ${duplicate}`);
  const byId = new Map(overrides.map((item) => [item.id, item]));
  const known = new Set(base.map((item) => item.id));
  return [
    ...base.map((item) => byId.get(item.id) ?? item),
    ...overrides.filter((o) => !known.has(o.id)),
  ];
}

const isCount = (value: number) => Number.isInteger(value) && value >= 0;

/** Malformed overrides are caller bugs (the HTTP layer validates input first). */
function assertWellFormed(overrides: PolicyOverrides): void {
  for (const group of overrides.hours ?? []) {
    for (const day of WEEKDAYS) group.week[day].forEach(windowMinutes);
  }
  for (const cap of overrides.caps ?? []) {
    if (!isCount(cap.max) || !(cap.windowHours > 0)) throw new RangeError(`bad cap: ${cap.id}`);
  }
  const { maxConversationsPerDay: perDay, cooldownAfterConversation: cooldown } = overrides;
  if (typeof perDay === "number" && !isCount(perDay))
    throw new RangeError("bad conversations per day");
  if (cooldown && !(cooldown.hours >= 0)) throw new RangeError("bad cool-down hours");
}

const emptyWeek = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

function hoursLoosenings(preset: ChannelHours, result: ChannelHours): string[] {
  const found: string[] = [];
  const label = `hours "${preset.id}"`;
  const missing = preset.channels.filter((channel) => !result.channels.includes(channel));
  if (missing.length > 0) found.push(`${label} no longer covers ${missing.join(", ")}`);
  if (preset.excludeSundays && !result.excludeSundays) found.push(`${label} allows Sundays`);
  if (preset.excludePublicHolidays && !result.excludePublicHolidays) {
    found.push(`${label} allows public holidays`);
  }
  for (const day of WEEKDAYS) {
    if (day === "sun" && result.excludeSundays) continue;
    const allowed = preset.week[day].map(windowMinutes);
    for (const window of result.week[day]) {
      const { from, to } = windowMinutes(window);
      if (allowed.some((outer) => outer.from <= from && to <= outer.to)) continue;
      const floor =
        preset.week[day].length > 0
          ? `outside the preset's ${describeWeek({ ...emptyWeek, [day]: preset.week[day] })}`
          : `on a day the preset closes`;
      found.push(`${label} ${DAY_LABEL[day]} ${window.from}–${window.to} is ${floor}`);
    }
  }
  return found;
}

function capLoosenings(preset: ContactCap, result: ContactCap): string[] {
  const found: string[] = [];
  const label = `cap "${preset.id}"`;
  if (preset.channels === "all" && result.channels !== "all") {
    found.push(`${label} counts only ${result.channels.join(", ")} instead of all channels`);
  } else if (preset.channels !== "all" && result.channels !== "all") {
    const kept = result.channels;
    const missing = preset.channels.filter((channel) => !kept.includes(channel));
    if (missing.length > 0) found.push(`${label} no longer counts ${missing.join(", ")}`);
  }
  if (preset.scope === "person" && result.scope === "case") {
    found.push(`${label} counts one case instead of the whole person`);
  }
  // Any window of the preset's length is covered by ceil(preset/result) of the
  // result's windows, so this bound is what the new cap allows in the old window.
  const allowed = result.max * Math.ceil(preset.windowHours / result.windowHours);
  if (allowed > preset.max) {
    found.push(
      `${label} ${result.max} in ${result.windowHours} h allows more than the preset's ${preset.max} in ${preset.windowHours} h`,
    );
  }
  return found;
}

function cooldownLoosenings(
  preset: ConversationCooldown | null,
  result: ConversationCooldown | null,
): string[] {
  if (!preset) return [];
  if (!result) return [`the ${preset.hours} h cool-down after a conversation is removed`];
  const found: string[] = [];
  if (result.hours < preset.hours) {
    found.push(`cool-down ${result.hours} h is shorter than the preset's ${preset.hours} h`);
  }
  if (preset.appliesTo === "all" && result.appliesTo === "live") {
    found.push("cool-down applies to live channels only instead of all channels");
  }
  if (preset.scope === "person" && result.scope === "case") {
    found.push("cool-down counts one case's conversations instead of the whole person's");
  }
  return found;
}

/** Every way `result` is less strict than `preset`, in words. */
export function looseningsOf(preset: ContactPolicy, result: ContactPolicy): string[] {
  const found: string[] = [];
  for (const group of preset.hours) {
    const replaced = result.hours.find((candidate) => candidate.id === group.id);
    if (!replaced) found.push(`hours "${group.id}" removed`);
    else found.push(...hoursLoosenings(group, replaced));
  }
  for (const cap of preset.caps) {
    const replaced = result.caps.find((candidate) => candidate.id === cap.id);
    if (!replaced) found.push(`cap "${cap.id}" removed`);
    else found.push(...capLoosenings(cap, replaced));
  }
  const floor = preset.maxConversationsPerDay;
  const perDay = result.maxConversationsPerDay;
  if (floor !== null && (perDay === null || perDay > floor)) {
    found.push(`conversations per day ${perDay ?? "unlimited"} is above the preset's ${floor}`);
  }
  found.push(
    ...cooldownLoosenings(preset.cooldownAfterConversation, result.cooldownAfterConversation),
  );
  for (const hold of preset.blockingHolds) {
    if (!result.blockingHolds.includes(hold)) found.push(`a ${hold} hold would no longer block`);
  }
  if (preset.requiresOptOutInElectronicMessages && !result.requiresOptOutInElectronicMessages) {
    found.push("electronic messages would no longer carry an opt-out");
  }
  return found;
}

function isComplete(approval: LooseningApproval | undefined): approval is LooseningApproval {
  return (
    approval?.loosen === true && approval.approvedBy.trim() !== "" && approval.reason.trim() !== ""
  );
}

/**
 * Applies a tenant's overrides to a preset. Stricter overrides always pass.
 * Looser ones throw PolicyLooseningError listing each loosening, unless
 * `overrides.approval` is a complete { loosen: true, approvedBy, reason }; then
 * the policy carries that record and the violations are returned for the audit log.
 * Throws RangeError on malformed overrides (bad times, negative caps).
 */
export function tighten(preset: ContactPolicy, overrides: PolicyOverrides): TightenResult {
  assertWellFormed(overrides);
  const merged: ContactPolicy = {
    id: preset.id,
    source: preset.source,
    hours: replaceById(preset.hours, overrides.hours),
    caps: replaceById(preset.caps, overrides.caps),
    maxConversationsPerDay:
      overrides.maxConversationsPerDay !== undefined
        ? overrides.maxConversationsPerDay
        : preset.maxConversationsPerDay,
    cooldownAfterConversation:
      overrides.cooldownAfterConversation !== undefined
        ? overrides.cooldownAfterConversation
        : preset.cooldownAfterConversation,
    blockingHolds: overrides.blockingHolds ?? preset.blockingHolds,
    requiresOptOutInElectronicMessages:
      overrides.requiresOptOutInElectronicMessages ?? preset.requiresOptOutInElectronicMessages,
  };
  const violations = looseningsOf(preset, merged);
  if (violations.length === 0) return { policy: merged, violations };
  if (!isComplete(overrides.approval)) throw new PolicyLooseningError(preset.id, violations);
  const { approvedBy, reason } = overrides.approval;
  return { policy: { ...merged, loosening: { approvedBy, reason, violations } }, violations };
}
