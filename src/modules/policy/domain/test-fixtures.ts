/** Shared builders for the policy's tests (not exported from index.ts). */
import type { Channel, ContactEvent, ContactProposal, DebtorContactContext } from "./contact.js";
import { ALL_HOLDS, type ContactPolicy } from "./policy.js";

/** A policy with no time rules, so frequency rules can be tested alone. */
export const ANYTIME: ContactPolicy = {
  id: "test",
  source: "tests",
  hours: [],
  caps: [],
  maxConversationsPerDay: null,
  cooldownAfterConversation: null,
  blockingHolds: ALL_HOLDS,
  requiresOptOutInElectronicMessages: false,
};

export const PERSON: DebtorContactContext = {
  identityId: "p1",
  timeZone: "Europe/Rome",
  country: "IT",
  optedOut: [],
  doNotContact: false,
  holds: [],
};

export function propose(
  at: string,
  channel: Channel = "call",
  caseId = "c1",
  tenantId = "t1",
): ContactProposal {
  return { tenantId, caseId, channel, at: new Date(at) };
}

export function event(
  at: string,
  channel: Channel = "call",
  kind: ContactEvent["kind"] = "attempt",
  caseId = "c1",
  tenantId = "t1",
): ContactEvent {
  return { at: new Date(at), channel, kind, caseId, tenantId };
}

/** A person living in `timeZone`, for the preset tests. */
export function debtorIn(timeZone: string, country: string): DebtorContactContext {
  return { identityId: "p1", timeZone, country, optedOut: [], doNotContact: false, holds: [] };
}

/** Preset tests: a proposal on tenant-a's case-a. */
export function proposeOnCase(
  at: string,
  channel: Channel = "call",
  tenantId = "tenant-a",
  caseId = "case-a",
): ContactProposal {
  return { tenantId, caseId, channel, at: new Date(at) };
}

/** Preset tests: a past contact, kind first (most are attempts by call). */
export function contactOnCase(
  at: string,
  kind: ContactEvent["kind"] = "attempt",
  channel: Channel = "call",
  tenantId = "tenant-a",
  caseId = "case-a",
): ContactEvent {
  return { at: new Date(at), channel, kind, tenantId, caseId };
}
