/**
 * Builders for the strategies tests: a case in Rome with every channel, and a
 * default strategy as version 1. Not exported from index.ts.
 */
import type { CaseDebtor, CaseState, StepAttempt } from "./case-state.js";
import { DEFAULT_STRATEGIES } from "./default-strategies.js";
import { formatLocal } from "./local-time.js";
import {
  type StrategyDefinition,
  type StrategyDefinitionInput,
  strategyDefinition,
} from "./strategy-definition.js";
import type { StrategyVersion } from "./versioning.js";

export const ROME = "Europe/Rome";

export function versionOf(
  definition: StrategyDefinition | StrategyDefinitionInput,
  version = 1,
): StrategyVersion {
  const parsed = strategyDefinition.parse(definition);
  return {
    strategyId: parsed.key,
    version,
    definition: parsed,
    createdAt: new Date("2026-01-01T00:00:00Z"),
  };
}

export function defaultStrategy(key: "consumer-utility" | "b2b-supplier"): StrategyVersion {
  const definition = DEFAULT_STRATEGIES.find((candidate) => candidate.key === key);
  if (!definition) throw new Error(`no default strategy ${key}`);
  return versionOf(definition);
}

type CaseOverrides = Partial<Omit<CaseState, "debtor">> & { debtor?: Partial<CaseDebtor> };

/** A consumer in Rome owing €120.00, due 2026-09-30, reachable on every channel but PEC. */
export function caseState(overrides: CaseOverrides = {}): CaseState {
  const { debtor, ...rest } = overrides;
  return {
    caseId: "case-1",
    tenantId: "tenant-1",
    stage: "pre_due",
    status: "open",
    holdReasons: [],
    balanceMinor: 12_000n,
    oldestDueDate: "2026-09-30",
    openedAt: new Date("2026-09-01T06:00:00Z"),
    variant: "champion",
    history: [],
    ...rest,
    debtor: {
      kind: "person",
      language: "it",
      timeZone: ROME,
      availableChannels: ["email", "sms", "call", "voice", "letter", "registered_letter"],
      ...debtor,
    },
  };
}

/** An instant given as wall-clock time in Rome: rome("2026-10-01 09:00"). */
export function rome(localDateTime: string): Date {
  const [date, time] = localDateTime.split(" ");
  for (const offset of ["+02:00", "+01:00"]) {
    const instant = new Date(`${date}T${time}:00${offset}`);
    if (formatLocal(instant, ROME) === localDateTime) return instant;
  }
  throw new RangeError(`not a Rome wall-clock time: ${localDateTime}`);
}

export function sent(stepId: string, channel: StepAttempt["channel"], at: string): StepAttempt {
  return { stepId, channel, at: rome(at), outcome: "sent" };
}
