/** What a debtor's free-text reply (SMS, email, WhatsApp) asks of us. */
export type ReplyIntent =
  | "opt_out"
  | "already_paid"
  | "dispute"
  | "hardship"
  | "promise"
  | "call_me"
  | "other";

/**
 * When a reply says several things, the first of these wins; the others are
 * kept in `alsoMentions`. Safety and compliance come first:
 * - opt_out: an objection to contact must be honoured whatever else the
 *   message says (GDPR art. 21, Garante 2005 on debt collection); one more
 *   message after "STOP" is a breach, one missed promise is not.
 * - dispute: collecting on a contested claim is the main legal risk; the
 *   case pauses until someone reviews it.
 * - hardship: a vulnerable debtor gets a pause and a person, not reminders
 *   (UNIREC code of conduct), even when they also promise something.
 * - already_paid: a claimed payment must be reconciled before any further
 *   demand, or we chase money already received.
 * - promise before call_me: a dated promise pauses the strategy; the call
 *   request stays visible in alsoMentions for the agent.
 */
export const INTENT_PRECEDENCE = [
  "opt_out",
  "dispute",
  "hardship",
  "already_paid",
  "promise",
  "call_me",
] as const satisfies readonly ReplyIntent[];

export type DetectedIntent = (typeof INTENT_PRECEDENCE)[number];

export interface PromiseToPay {
  /** The promised day in the debtor's calendar; absent when none was named. */
  date?: string;
  /** The promised amount in minor units (cents of euro); absent when none was named. */
  amountMinor?: bigint;
  /** The words the date was read from, e.g. "fine mese", for the agent to check. */
  dateExpression?: string;
}

export interface ReplyClassification {
  intent: ReplyIntent;
  /** How sure the rules are, 0..1: the strongest matching phrase, less when intents compete. */
  confidence: number;
  /** The phrases (normalised: lower case, no accents) that support `intent`. */
  matched: string[];
  /** Present whenever a promise was detected, even when another intent won. */
  promise?: PromiseToPay;
  /** The other intents the reply also expresses, gravest first. */
  alsoMentions: DetectedIntent[];
  /** Phrases that matched but were negated ("non ho pagato"), kept for audit. */
  negated: string[];
}

export interface ClassifyReplyOptions {
  /** When the reply arrived: relative dates ("domani") count from this instant. */
  receivedAt: Date;
  /** The debtor's IANA time zone: it decides which calendar day "today" is. */
  timeZone: string;
  /**
   * A hint only. Rules of both languages always run (Italian debtors write
   * "STOP" and "ok", foreign residents write Italian); English turns off the
   * Italian shorthand "x" = "per".
   */
  language?: "it" | "en";
}
