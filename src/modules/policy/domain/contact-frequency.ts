/**
 * The frequency rules: rolling-window caps, the cool-down after a conversation
 * and conversations per local day. Each answers "not before T" with T the first
 * moment the rule itself frees up; evaluateContact then re-checks everything at T.
 */

import {
  addDays,
  describeInstant,
  localDateAt,
  sameLocalDate,
  startOfLocalDay,
} from "../../../platform/zoned-time.js";
import type { Refusal } from "./allowed-hours.js";
import type { Channel, ContactEvent, ContactProposal, DebtorContactContext } from "./contact.js";
import { type ContactCap, type ContactPolicy, capCoversChannel, isLiveChannel } from "./policy.js";

const HOUR_MS = 3_600_000;

export interface Postponement extends Refusal {
  until: Date;
}

type Scope = "person" | "case";

/** History is this person's across all tenants; "case" keeps only the case being worked. */
function inScope(event: ContactEvent, scope: Scope, proposal: ContactProposal): boolean {
  return (
    scope === "person" || (event.tenantId === proposal.tenantId && event.caseId === proposal.caseId)
  );
}

function scopeLabel(scope: Scope): string {
  return scope === "person" ? "this person, across all creditors" : "this case";
}

function channelsLabel(cap: ContactCap): string {
  return cap.channels === "all" ? "contacts on any channel" : `${cap.channels.join("/")} contacts`;
}

function capPostponement(
  cap: ContactCap,
  history: readonly ContactEvent[],
  proposal: ContactProposal,
  at: Date,
): Postponement | null {
  const windowMs = cap.windowHours * HOUR_MS;
  // The rolling window is (at − window, at]: an event exactly one window old has left it.
  const counted = history
    .filter(
      (event) =>
        inScope(event, cap.scope, proposal) &&
        capCoversChannel(cap, event.channel) &&
        event.at <= at &&
        event.at.getTime() > at.getTime() - windowMs,
    )
    .map((event) => event.at.getTime())
    .sort((a, b) => a - b);
  if (counted.length < cap.max) return null;
  // Room for one more once all but max − 1 of them have left the window.
  const leaving = counted[counted.length - cap.max] ?? at.getTime();
  return {
    rule: cap.id,
    until: new Date(leaving + windowMs),
    reason: `at most ${cap.max} ${channelsLabel(cap)} in ${cap.windowHours} h for ${scopeLabel(cap.scope)}; ${counted.length} already made`,
  };
}

function cooldownPostponement(
  policy: ContactPolicy,
  debtor: DebtorContactContext,
  history: readonly ContactEvent[],
  proposal: ContactProposal,
  at: Date,
): Postponement | null {
  const cooldown = policy.cooldownAfterConversation;
  if (!cooldown) return null;
  if (cooldown.appliesTo === "live" && !isLiveChannel(proposal.channel)) return null;
  const windowMs = cooldown.hours * HOUR_MS;
  let latest: Date | null = null;
  for (const event of history) {
    if (event.kind !== "conversation" || !inScope(event, cooldown.scope, proposal)) continue;
    if (event.at > at || event.at.getTime() + windowMs <= at.getTime()) continue;
    if (!latest || event.at > latest) latest = event.at;
  }
  if (!latest) return null;
  const channels = cooldown.appliesTo === "live" ? "live-channel contact" : "contact";
  return {
    rule: "cooldown.conversation",
    until: new Date(latest.getTime() + windowMs),
    reason: `no ${channels} for ${cooldown.hours} h after a conversation with the right party (${scopeLabel(cooldown.scope)}); the last was ${describeInstant(latest, debtor.timeZone)}`,
  };
}

function dailyConversationsPostponement(
  policy: ContactPolicy,
  debtor: DebtorContactContext,
  history: readonly ContactEvent[],
  channel: Channel,
  at: Date,
): Postponement | null {
  const max = policy.maxConversationsPerDay;
  if (max === null || !isLiveChannel(channel)) return null;
  const today = localDateAt(at, debtor.timeZone);
  const held = history.filter(
    (event) =>
      event.kind === "conversation" &&
      event.at <= at &&
      sameLocalDate(localDateAt(event.at, debtor.timeZone), today),
  ).length;
  if (held < max) return null;
  return {
    rule: "conversations.per_day",
    until: startOfLocalDay(addDays(today, 1), debtor.timeZone),
    reason: `at most ${max} conversation(s) a day with this person, across all creditors; ${held} already held today (${debtor.timeZone})`,
  };
}

/**
 * The frequency rule that forbids the contact at `at`, with the moment it frees
 * up. When several object, the one that frees up last is named: it is the one
 * that decides the new time.
 */
export function frequencyPostponement(
  policy: ContactPolicy,
  debtor: DebtorContactContext,
  history: readonly ContactEvent[],
  proposal: ContactProposal,
  at: Date,
): Postponement | null {
  const candidates: (Postponement | null)[] = [
    ...policy.caps
      .filter((cap) => capCoversChannel(cap, proposal.channel))
      .map((cap) => capPostponement(cap, history, proposal, at)),
    cooldownPostponement(policy, debtor, history, proposal, at),
    dailyConversationsPostponement(policy, debtor, history, proposal.channel, at),
  ];
  let decisive: Postponement | null = null;
  for (const candidate of candidates) {
    if (candidate && (!decisive || candidate.until > decisive.until)) decisive = candidate;
  }
  return decisive;
}
