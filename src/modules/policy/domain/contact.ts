/**
 * The shared vocabulary of contacts: what the strategy engine proposes, what the
 * contact policy judges, and what the history it judges by is made of.
 */

export const CHANNELS = [
  "email",
  "sms",
  "call",
  "voice",
  "letter",
  "registered_letter",
  "pec",
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Channels that reach a person in real time (a call, a voice message): hours and conversation rules apply. */
export const LIVE_CHANNELS: readonly Channel[] = ["call", "voice"];

/** Why contacts are paused on a case or for a person. */
export const HOLD_REASONS = [
  "dispute",
  "plan",
  "promise",
  "hardship",
  "vulnerability",
  "deceased",
  "insolvency",
] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

/** One contact that happened (or was attempted), on any tenant's case for this person. */
export interface ContactEvent {
  at: Date;
  channel: Channel;
  tenantId: string;
  caseId: string;
  /** attempt: sent or dialled; conversation: spoke with the right party. */
  kind: "attempt" | "conversation";
}

/** Who is contacted: one identity across tenants, in their own time zone and country. */
export interface DebtorContactContext {
  identityId: string;
  /** IANA time zone, e.g. "Europe/Rome": what "9:00" means for this person. */
  timeZone: string;
  /** ISO 3166-1 alpha-2, for public holidays. */
  country: string;
  /** Optional subdivision for regional holidays (e.g. "BZ"), when known. */
  region?: string;
  /** Channels this person opted out of (for this contact point or altogether). */
  optedOut: readonly Channel[];
  doNotContact: boolean;
  /** Holds on the case being worked, or on the person (vulnerability, deceased). */
  holds: readonly HoldReason[];
  /**
   * The hours the person asked to be called or texted in ("HH:MM", their time zone).
   * It narrows the policy's hours for calls, voice and SMS; it never widens them, and
   * a window that leaves no allowed moment is ignored rather than blocking contact.
   */
  preferredWindow?: { from: string; to: string };
}

/** What the strategy (or an agent) wants to do, and when. */
export interface ContactProposal {
  tenantId: string;
  caseId: string;
  channel: Channel;
  /** The earliest moment the contact should happen. */
  at: Date;
}

/** The policy's answer. A rule id names the rule that decided, for the timeline and reports. */
export type PolicyDecision =
  | { kind: "allow" }
  | { kind: "defer"; until: Date; rule: string; reason: string }
  | { kind: "block"; rule: string; reason: string };
