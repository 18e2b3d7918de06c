/**
 * The contact policy as one pure function: may this contact happen at the
 * proposed time, later, or never? Deterministic (no clock: time comes from the
 * proposal and the history), and every "no" names the rule that said it.
 */

import { describeInstant } from "../../../platform/zoned-time.js";
import {
  nextAllowedMoment,
  type Refusal,
  SEARCH_HORIZON_DAYS,
  timeRefusal,
} from "./allowed-hours.js";
import type {
  ContactEvent,
  ContactProposal,
  DebtorContactContext,
  HoldReason,
  PolicyDecision,
} from "./contact.js";
import { HOLD_REASONS } from "./contact.js";
import { frequencyPostponement } from "./contact-frequency.js";
import type { ContactPolicy } from "./policy.js";

const DAY_MS = 86_400_000;
// Each step moves the candidate time forward; the horizon stops it long before this.
const MAX_STEPS = 1000;

// When several holds apply, the most fundamental one is named, whatever order they were listed in.
// Reasons added to the vocabulary later still count, after these.
const HOLDS_BY_SEVERITY: readonly HoldReason[] = [
  "deceased",
  "insolvency",
  "dispute",
  "vulnerability",
  "hardship",
  "plan",
  "promise",
  ...HOLD_REASONS,
];

/** Rules that forbid the contact outright, whatever the time: do-not-contact, holds, opt-out. */
function blockingRule(
  policy: ContactPolicy,
  debtor: DebtorContactContext,
  proposal: ContactProposal,
): Refusal | null {
  if (debtor.doNotContact) {
    return { rule: "do_not_contact", reason: "the person is marked do-not-contact" };
  }
  const hold = HOLDS_BY_SEVERITY.find(
    (reason) => debtor.holds.includes(reason) && policy.blockingHolds.includes(reason),
  );
  if (hold) {
    return {
      rule: `hold.${hold}`,
      reason: `a ${hold} hold stops all outbound collection contact`,
    };
  }
  if (debtor.optedOut.includes(proposal.channel)) {
    return {
      rule: `opt_out.${proposal.channel}`,
      reason: `the person opted out of ${proposal.channel}`,
    };
  }
  return null;
}

/**
 * Judges one proposed contact. Order: do-not-contact, holds and opt-outs block;
 * then caps, the conversation cool-down and conversations per day postpone to
 * when they free up; then hours, Sundays and holidays postpone to the next
 * allowed moment in the debtor's time zone. The candidate time is re-checked
 * against every rule until all agree; if none does within SEARCH_HORIZON_DAYS
 * the contact is blocked with rule "no_allowed_time". A deferral names the
 * first rule that moved the contact.
 */
export function evaluateContact(
  policy: ContactPolicy,
  debtor: DebtorContactContext,
  history: readonly ContactEvent[],
  proposal: ContactProposal,
): PolicyDecision {
  const decision = judge(policy, debtor, history, proposal);
  // A preferred window narrows the hours; one that leaves no allowed moment is ignored.
  if (decision.kind === "block" && decision.rule === "no_allowed_time" && debtor.preferredWindow) {
    const { preferredWindow: _ignored, ...withoutPreference } = debtor;
    return judge(policy, withoutPreference, history, proposal);
  }
  return decision;
}

function judge(
  policy: ContactPolicy,
  debtor: DebtorContactContext,
  history: readonly ContactEvent[],
  proposal: ContactProposal,
): PolicyDecision {
  const blocked = blockingRule(policy, debtor, proposal);
  if (blocked) return { kind: "block", ...blocked };

  const horizon = new Date(proposal.at.getTime() + SEARCH_HORIZON_DAYS * DAY_MS);
  let candidate = proposal.at;
  let first: Refusal | null = null;
  for (let step = 0; step < MAX_STEPS && candidate <= horizon; step++) {
    const postponed = frequencyPostponement(policy, debtor, history, proposal, candidate);
    if (postponed) {
      first ??= postponed;
      candidate = postponed.until;
      continue;
    }
    const outside = timeRefusal(policy, debtor, proposal.channel, candidate);
    if (outside) {
      first ??= outside;
      const next = nextAllowedMoment(policy, debtor, proposal.channel, candidate);
      if (!next) break;
      candidate = next;
      continue;
    }
    if (!first) return { kind: "allow" };
    return {
      kind: "defer",
      until: candidate,
      rule: first.rule,
      reason: `${first.reason}; next allowed moment ${describeInstant(candidate, debtor.timeZone)}`,
    };
  }
  return {
    kind: "block",
    rule: "no_allowed_time",
    reason: `no moment within ${SEARCH_HORIZON_DAYS} days satisfies the contact policy for ${proposal.channel}${first ? ` (first obstacle: ${first.rule} — ${first.reason})` : ""}`,
  };
}
