import { describe, expect, it } from "vitest";
import type { CaseFacts } from "./case-state.js";
import { DEFAULT_STRATEGIES } from "./default-strategies.js";
import { selectStrategy } from "./select-strategy.js";
import type { AppliesTo, StrategyDefinitionInput } from "./strategy-definition.js";
import { versionOf } from "./test-support.js";
import type { StrategyVersion } from "./versioning.js";

function strategy(key: string, appliesTo: Partial<AppliesTo>, version = 1): StrategyVersion {
  const definition: StrategyDefinitionInput = {
    key,
    name: { it: key, en: key },
    description: { it: key, en: key },
    appliesTo,
    variants: [
      {
        key: "champion",
        weight: 1,
        steps: [
          {
            id: "reminder",
            timing: { anchor: "due_date", offsetDays: 1, at: "09:00" },
            channel: "email",
            template: "reminder.first",
          },
        ],
      },
    ],
  };
  return versionOf(definition, version);
}

const STRATEGIES = [
  strategy("consumer", { debtorKind: "person", priority: 10 }),
  strategy("business", { debtorKind: "company", priority: 10 }),
  strategy("high-value", { amountMinor: { min: 500_000 }, priority: 20 }),
  strategy("small", { amountMinor: { max: 2_000 }, debtorKind: "person", priority: 15 }),
  strategy("risky-utility", {
    segments: ["utility"],
    riskClasses: ["high"],
    debtorKind: "person",
    priority: 10,
  }),
  strategy("english", { languages: ["en"], priority: 12 }),
  strategy("catch-all", { priority: 0 }),
];

function facts(balanceMinor: bigint, debtor: Partial<CaseFacts["debtor"]> = {}): CaseFacts {
  return { balanceMinor, debtor: { kind: "person", language: "it", ...debtor } };
}

describe("strategy selection", () => {
  it.each([
    ["an Italian consumer", facts(12_000n), "consumer", "debtor kind person"],
    ["a company", facts(12_000n, { kind: "company" }), "business", "debtor kind company"],
    [
      "a large balance, whoever owes it",
      facts(900_000n, { kind: "company" }),
      "high-value",
      "balance 900000 in [500000, ∞)",
    ],
    ["exactly the lower bound", facts(500_000n), "high-value", "balance 500000"],
    ["a small consumer balance", facts(1_999n), "small", "balance 1999 in [0, 2000)"],
    ["the upper bound is exclusive", facts(2_000n), "consumer", "debtor kind person"],
    ["an English speaker", facts(12_000n, { language: "en-GB" }), "english", "language en-GB"],
    [
      "equal priority: the more specific wins",
      facts(12_000n, { segment: "utility", riskClass: "high" }),
      "risky-utility",
      "segment utility, risk class high, debtor kind person",
    ],
    [
      "a segment alone is not enough",
      facts(12_000n, { segment: "utility", riskClass: "low" }),
      "consumer",
      "debtor kind person",
    ],
  ])("%s → %s", (_name, caseFacts, expectedKey, expectedReason) => {
    const selection = selectStrategy(STRATEGIES, caseFacts);
    expect(selection?.strategy.definition.key).toBe(expectedKey);
    expect(selection?.reason).toContain(expectedReason);
  });

  it("explains a catch-all match", () => {
    const selection = selectStrategy(
      [STRATEGIES[0]!, STRATEGIES[6]!],
      facts(12_000n, { kind: "company" }),
    );
    expect(selection?.strategy.definition.key).toBe("catch-all");
    expect(selection?.reason).toBe("catch-all v1 (priority 0): applies to every case");
    expect(selection?.matchedRules).toEqual([]);
  });

  it("returns undefined when nothing applies", () => {
    expect(selectStrategy([STRATEGIES[1]!], facts(12_000n))).toBeUndefined();
    expect(selectStrategy([], facts(12_000n))).toBeUndefined();
  });

  it("starts new cases on the latest version of a strategy", () => {
    const v1 = strategy("consumer", { debtorKind: "person", priority: 10 }, 1);
    const v2 = strategy("consumer", { debtorKind: "person", priority: 10 }, 2);
    expect(selectStrategy([v2, v1], facts(12_000n))?.strategy.version).toBe(2);
    expect(selectStrategy([v1, v2], facts(12_000n))?.reason).toMatch(/^consumer v2/);
  });

  it("picks the shipped default for people and for companies", () => {
    const defaults = DEFAULT_STRATEGIES.map((definition) => versionOf(definition));
    expect(selectStrategy(defaults, facts(12_000n))?.strategy.strategyId).toBe("consumer-utility");
    expect(selectStrategy(defaults, facts(12_000n, { kind: "company" }))?.strategy.strategyId).toBe(
      "b2b-supplier",
    );
  });
});
