/**
 * Classifies a debtor's free-text reply by phrase rules: transparent (every
 * decision names the phrases behind it), deterministic, and cheap enough to
 * run on every inbound SMS. A person reviews anything consequential.
 */
import { localDateAt } from "../../../../platform/zoned-time.js";
import { isNegated } from "./negation.js";
import { type Clause, normalizeReply, splitClauses } from "./normalize-reply.js";
import { DISPUTE_RULES, HARDSHIP_RULES, OPT_OUT_RULES } from "./objection-rules.js";
import { ALREADY_PAID_RULES, CALL_ME_RULES, PROMISE_RULES } from "./payment-rules.js";
import { findAmounts } from "./promise-amount.js";
import { type DateMention, findDateMentions } from "./promise-date.js";
import {
  type ClassifyReplyOptions,
  type DetectedIntent,
  INTENT_PRECEDENCE,
  type PromiseToPay,
  type ReplyClassification,
} from "./reply-intent.js";

const PHRASE_RULES = [
  ...OPT_OUT_RULES,
  ...DISPUTE_RULES,
  ...HARDSHIP_RULES,
  ...ALREADY_PAID_RULES,
  ...PROMISE_RULES,
  ...CALL_ME_RULES,
];

interface Evidence {
  intent: DetectedIntent;
  phrase: string;
  weight: number;
  clause: number;
  start: number;
  end: number;
}

/** A date alone ("la settimana prossima", answering "when will you pay?") is a weak promise. */
const DATE_ONLY_PROMISE_WEIGHT = 0.55;
/** A commitment verb with a date beside it ("pago venerdì") is a firm one. */
const DATED_PROMISE_WEIGHT = 0.9;
const CONFIDENCE_OF_OTHER = 0.5;
/**
 * Only the start of a long reply is read: what a debtor wants comes first, and
 * a pasted statement or a forwarded thread must not cost a worker seconds.
 */
export const MAX_CLASSIFIED_CHARS = 4000;

export function classifyReply(text: string, options: ClassifyReplyOptions): ReplyClassification {
  const clauses = splitClauses(
    normalizeReply(text.slice(0, MAX_CLASSIFIED_CHARS), options.language),
  );
  const { evidence, negated } = findPhrases(clauses);
  const today = localDateAt(options.receivedAt, options.timeZone);
  const dates = clauses.map((clause) => findDateMentions(clause.text, today));
  addDateOnlyPromises(clauses, dates, evidence, negated);
  const promise = readPromise(clauses, dates, evidence);

  const present = INTENT_PRECEDENCE.filter((intent) => evidence.some((e) => e.intent === intent));
  const [intent, ...alsoMentions] = present;
  if (!intent) {
    return {
      intent: "other",
      confidence: CONFIDENCE_OF_OTHER,
      matched: [],
      alsoMentions: [],
      negated,
    };
  }
  const support = evidence.filter((e) => e.intent === intent);
  const phrases = [...new Set(support.map((e) => e.phrase))];
  let strongest = Math.max(...support.map((e) => e.weight));
  if (
    intent === "promise" &&
    promise?.date &&
    support.some((e) => e.weight > DATE_ONLY_PROMISE_WEIGHT)
  ) {
    strongest = Math.max(strongest, DATED_PROMISE_WEIGHT);
  }
  const corroborated = Math.min(0.99, strongest + 0.05 * (phrases.length - 1));
  const confidence = alsoMentions.length > 0 ? corroborated * 0.9 : corroborated;
  return {
    intent,
    confidence: Math.round(confidence * 100) / 100,
    matched: phrases,
    ...(promise ? { promise } : {}),
    alsoMentions,
    negated,
  };
}

function findPhrases(clauses: Clause[]) {
  const evidence: Evidence[] = [];
  const negated: string[] = [];
  clauses.forEach((clause, index) => {
    for (const rule of PHRASE_RULES) {
      for (const match of clause.text.matchAll(rule.pattern)) {
        const start = match.index ?? 0;
        const phrase = match[0].trim();
        if (rule.negatable && isNegated(clause.text.slice(0, start))) {
          negated.push(phrase);
          continue;
        }
        const end = start + match[0].length;
        evidence.push({
          intent: rule.intent,
          phrase,
          weight: rule.weight,
          clause: index,
          start,
          end,
        });
      }
    }
  });
  return { evidence: withoutNestedDuplicates(evidence), negated: [...new Set(negated)] };
}

/** "ho gia pagato" also matches the bare "pagato" rule: keep the longer phrase only. */
function withoutNestedDuplicates(evidence: Evidence[]): Evidence[] {
  return evidence.filter(
    (inner) =>
      !evidence.some(
        (outer) =>
          outer !== inner &&
          outer.intent === inner.intent &&
          outer.clause === inner.clause &&
          outer.start <= inner.start &&
          outer.end >= inner.end &&
          outer.end - outer.start > inner.end - inner.start,
      ),
  );
}

/**
 * A future day in a clause that says nothing else is read as "I will pay then".
 * A clause with any other phrase owns its dates: "chiamatemi domani",
 * "ho pagato lunedì" and "non posso pagare venerdì" are not promises.
 */
function addDateOnlyPromises(
  clauses: Clause[],
  dates: DateMention[][],
  evidence: Evidence[],
  negated: string[],
) {
  clauses.forEach((clause, index) => {
    const first = dates[index]?.[0];
    if (!first || evidence.some((e) => e.clause === index)) return;
    if (negated.some((phrase) => clause.text.includes(phrase))) return;
    evidence.push({
      intent: "promise",
      phrase: first.expression,
      weight: DATE_ONLY_PROMISE_WEIGHT,
      clause: index,
      start: first.index,
      end: first.index + first.expression.length,
    });
  });
}

function readPromise(
  clauses: Clause[],
  dates: DateMention[][],
  evidence: Evidence[],
): PromiseToPay | undefined {
  const promises = evidence.filter((e) => e.intent === "promise");
  const first = promises[0];
  if (!first) return undefined;
  const ownsNothingElse = (index: number) =>
    !evidence.some((e) => e.clause === index && e.intent !== "promise");
  const promiseClauses = [...new Set(promises.map((e) => e.clause))];
  // The date beside a promise verb; failing that, one in a clause that says nothing else.
  const date =
    promiseClauses.map((index) => dates[index]?.[0]).find(Boolean) ??
    dates.flatMap((mentions, index) => (ownsNothingElse(index) ? mentions : []))[0];
  const amountMinor =
    promiseClauses.flatMap((index) => findAmounts(clauses[index]?.text ?? ""))[0] ??
    soleAmountOutside(clauses, evidence);
  return {
    ...(date ? { date: date.date, dateExpression: date.expression } : {}),
    ...(amountMinor !== undefined ? { amountMinor } : {}),
  };
}

/** "50 euro" in a clause of its own belongs to the promise when it is the only amount. */
function soleAmountOutside(clauses: Clause[], evidence: Evidence[]): bigint | undefined {
  if (evidence.some((e) => e.intent === "already_paid")) return undefined;
  const amounts = clauses.flatMap((clause) => findAmounts(clause.text));
  return amounts.length === 1 ? amounts[0] : undefined;
}
