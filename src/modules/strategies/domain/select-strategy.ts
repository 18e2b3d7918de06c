/**
 * Which strategy a new case gets: the highest-priority one whose segment rules
 * all match. The reason is written to the case timeline.
 */
import type { CaseFacts } from "./case-state.js";
import type { AppliesTo } from "./strategy-definition.js";
import type { StrategyVersion } from "./versioning.js";

export interface StrategySelection {
  strategy: StrategyVersion;
  /** e.g. 'consumer-utility v2 (priority 10): debtor kind person, language it' */
  reason: string;
  /** One line per rule that matched; empty for a catch-all strategy. */
  matchedRules: string[];
}

/**
 * The strategy for a case, or undefined when none applies. Only the latest version
 * of each strategy is considered (new cases start on the latest). Ties on
 * priority go to the strategy with more rules (the more specific), then by key.
 */
export function selectStrategy(
  strategies: readonly StrategyVersion[],
  facts: CaseFacts,
): StrategySelection | undefined {
  const candidates = latestVersions(strategies)
    .map((strategy) => ({ strategy, matched: matchRules(strategy.definition.appliesTo, facts) }))
    .filter((candidate): candidate is { strategy: StrategyVersion; matched: string[] } =>
      Array.isArray(candidate.matched),
    )
    .sort(
      (a, b) =>
        b.strategy.definition.appliesTo.priority - a.strategy.definition.appliesTo.priority ||
        b.matched.length - a.matched.length ||
        a.strategy.definition.key.localeCompare(b.strategy.definition.key),
    );
  const best = candidates[0];
  if (!best) return undefined;
  const { key, appliesTo } = best.strategy.definition;
  const rules = best.matched.length > 0 ? best.matched.join(", ") : "applies to every case";
  return {
    strategy: best.strategy,
    reason: `${key} v${best.strategy.version} (priority ${appliesTo.priority}): ${rules}`,
    matchedRules: best.matched,
  };
}

function latestVersions(strategies: readonly StrategyVersion[]): StrategyVersion[] {
  const latest = new Map<string, StrategyVersion>();
  for (const strategy of strategies) {
    const seen = latest.get(strategy.strategyId);
    if (!seen || strategy.version > seen.version) latest.set(strategy.strategyId, strategy);
  }
  return [...latest.values()];
}

/** The rules that matched, or undefined as soon as one does not (rules are AND-ed). */
export function matchRules(rules: AppliesTo, facts: CaseFacts): string[] | undefined {
  const matched: string[] = [];
  const { debtor, balanceMinor } = facts;
  if (rules.amountMinor) {
    const { min, max } = rules.amountMinor;
    if (min !== undefined && balanceMinor < BigInt(min)) return undefined;
    if (max !== undefined && balanceMinor >= BigInt(max)) return undefined;
    matched.push(`balance ${balanceMinor} in [${min ?? 0}, ${max ?? "∞"})`);
  }
  if (rules.segments) {
    if (!debtor.segment || !rules.segments.includes(debtor.segment)) return undefined;
    matched.push(`segment ${debtor.segment}`);
  }
  if (rules.riskClasses) {
    if (!debtor.riskClass || !rules.riskClasses.includes(debtor.riskClass)) return undefined;
    matched.push(`risk class ${debtor.riskClass}`);
  }
  if (rules.debtorKind) {
    if (debtor.kind !== rules.debtorKind) return undefined;
    matched.push(`debtor kind ${debtor.kind}`);
  }
  if (rules.languages) {
    if (!rules.languages.some((language) => languageMatches(language, debtor.language))) {
      return undefined;
    }
    matched.push(`language ${debtor.language}`);
  }
  return matched;
}

/** "it" matches "it" and "it-CH"; "it-CH" matches only "it-CH". Case-insensitive. */
function languageMatches(rule: string, language: string): boolean {
  const wanted = rule.toLowerCase();
  const actual = language.toLowerCase();
  return actual === wanted || actual.startsWith(`${wanted}-`);
}
