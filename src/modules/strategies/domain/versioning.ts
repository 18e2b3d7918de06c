/**
 * Strategies are versioned: an edit makes a new version, and a running case keeps
 * the version it started with until it is migrated on purpose.
 */
import type { StepAttempt } from "./case-state.js";
import { completedStepIds } from "./step-progress.js";
import { CHAMPION, type StrategyDefinition, type StrategyVariant } from "./strategy-definition.js";

export interface StrategyVersion {
  /** Stable across versions; the key of the first version's definition. */
  strategyId: string;
  /** 1, 2, 3, … */
  version: number;
  definition: StrategyDefinition;
  createdAt: Date;
}

/**
 * The version an edit creates. `existing` are the versions of this strategy so far
 * (any order, may be empty). Saving an unchanged definition returns the latest
 * version itself, so a save without edits does not mint a version.
 */
export function nextVersion(
  existing: readonly StrategyVersion[],
  newDefinition: StrategyDefinition,
  now: Date,
): StrategyVersion {
  const latest = existing.reduce<StrategyVersion | undefined>(
    (best, candidate) => (best && best.version >= candidate.version ? best : candidate),
    undefined,
  );
  if (latest && latest.definition.key !== newDefinition.key) {
    // Mixing two strategies' versions is a caller bug, not a user error.
    throw new RangeError(
      `strategy key changed from ${latest.definition.key} to ${newDefinition.key}`,
    );
  }
  if (latest && sameJson(latest.definition, newDefinition)) return latest;
  return {
    strategyId: latest?.strategyId ?? newDefinition.key,
    version: (latest?.version ?? 0) + 1,
    definition: structuredClone(newDefinition),
    createdAt: new Date(now),
  };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The variant a case follows: its own, or the champion when that variant is gone. */
export function variantOf(version: StrategyVersion, variantKey: string): StrategyVariant {
  const { variants } = version.definition;
  const variant =
    variants.find((candidate) => candidate.key === variantKey) ??
    variants.find((candidate) => candidate.key === CHAMPION) ??
    variants[0];
  if (!variant) throw new RangeError(`strategy ${version.strategyId} has no variants`);
  return variant;
}

export interface CaseMigration {
  strategyId: string;
  version: number;
  /** The variant the case follows in the new version. */
  variant: string;
  /** True when the case's variant is not in the new version and it moves to the champion. */
  variantChanged: boolean;
  /** Completed steps that exist in the new version, in its order: progress kept. */
  carriedOver: string[];
  /** Completed steps the new version no longer has (reported, not lost: history stays). */
  missing: string[];
  /**
   * New-version steps before the furthest carried-over step that were never done:
   * the engine continues after the furthest done step, so these will not run.
   */
  bypassed: string[];
  /** The step the case continues with, or undefined when nothing is left. */
  resumesWith: string | undefined;
}

/**
 * Moves a running case to another version. Steps are matched by id, so a step
 * the strategist kept keeps its progress (and the history entries that prove it).
 */
export function migrateCaseToVersion(
  state: { variant: string; history: readonly StepAttempt[] },
  target: StrategyVersion,
): CaseMigration {
  const variant = variantOf(target, state.variant);
  const done = completedStepIds(state.history);
  const stepIds = variant.steps.map((step) => step.id);
  const carriedOver = stepIds.filter((id) => done.has(id));
  const missing = [...done].filter((id) => !stepIds.includes(id)).sort();
  const furthest = stepIds.reduce((last, id, index) => (done.has(id) ? index : last), -1);
  return {
    strategyId: target.strategyId,
    version: target.version,
    variant: variant.key,
    variantChanged: variant.key !== state.variant,
    carriedOver,
    missing,
    bypassed: stepIds.slice(0, furthest + 1).filter((id) => !done.has(id)),
    resumesWith: stepIds[furthest + 1],
  };
}
