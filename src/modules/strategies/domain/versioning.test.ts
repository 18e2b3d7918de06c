import { describe, expect, it } from "vitest";
import { DEFAULT_STRATEGIES } from "./default-strategies.js";
import { evaluateCase } from "./evaluate-case.js";
import type { StrategyDefinition } from "./strategy-definition.js";
import { caseState, rome, sent } from "./test-support.js";
import { migrateCaseToVersion, nextVersion } from "./versioning.js";

const consumer = DEFAULT_STRATEGIES[0]!;
const T1 = new Date("2026-01-01T10:00:00Z");
const T2 = new Date("2026-02-01T10:00:00Z");

/** The consumer strategy with the SMS follow-up removed and an extra email before the letter. */
function edited(): StrategyDefinition {
  const definition = structuredClone(consumer);
  for (const variant of definition.variants) {
    const steps = variant.steps.filter((step) => step.id !== "reminder_2");
    const letter = steps.findIndex((step) => step.id === "reminder_letter");
    steps.splice(letter, 0, {
      id: "reminder_email_2",
      timing: { anchor: "due_date", offsetDays: 20, at: "09:00" },
      channel: "email",
      template: "reminder.followup",
      fallback: [],
    });
    variant.steps = steps;
  }
  return definition;
}

describe("strategy versions", () => {
  it("numbers versions and keeps the strategy id", () => {
    const v1 = nextVersion([], consumer, T1);
    expect(v1).toMatchObject({ strategyId: "consumer-utility", version: 1, createdAt: T1 });
    const v2 = nextVersion([v1], edited(), T2);
    expect(v2).toMatchObject({ strategyId: "consumer-utility", version: 2, createdAt: T2 });
    expect(nextVersion([v2, v1], consumer, T2).version).toBe(3);
  });

  it("does not mint a version for an unchanged definition", () => {
    const v1 = nextVersion([], consumer, T1);
    expect(nextVersion([v1], structuredClone(consumer), T2)).toBe(v1);
  });

  it("copies the definition, so later edits of the input do not change a version", () => {
    const draft = structuredClone(consumer);
    const v1 = nextVersion([], draft, T1);
    draft.name.en = "Changed";
    expect(v1.definition.name.en).toBe("Consumer utilities");
  });

  it("refuses to mix two strategies' versions", () => {
    const v1 = nextVersion([], consumer, T1);
    expect(() => nextVersion([v1], DEFAULT_STRATEGIES[1]!, T2)).toThrow(RangeError);
  });

  it("keeps a running case on its version until it is migrated", () => {
    const v1 = nextVersion([], consumer, T1);
    const v2 = nextVersion([v1], edited(), T2);
    const state = caseState({
      stage: "early",
      history: [
        sent("caring", "email", "2026-09-25 10:00"),
        sent("reminder_1", "email", "2026-10-01 09:00"),
      ],
    });
    const now = rome("2026-10-08 10:00");
    expect(evaluateCase(state, v1, now).actions[0]?.stepId).toBe("reminder_2");
    // v2 has no SMS follow-up: the call comes three days after the first reminder.
    expect(evaluateCase(state, v2, now).actions[0]).toMatchObject({
      stepId: "call_1",
      earliestAt: rome("2026-10-04 10:00"),
      idempotencyKey: "case-1/consumer-utility@v2/call_1/1",
    });
  });

  it("maps completed steps by id and reports the ones that are gone", () => {
    const v1 = nextVersion([], consumer, T1);
    const v2 = nextVersion([v1], edited(), T2);
    const history = [
      sent("caring", "email", "2026-09-25 10:00"),
      sent("reminder_1", "email", "2026-10-01 09:00"),
      sent("reminder_2", "sms", "2026-10-08 10:00"),
      { ...sent("call_1", "call", "2026-10-11 10:00"), outcome: "failed_temporary" as const },
    ];
    expect(migrateCaseToVersion({ variant: "sms_first", history }, v2)).toEqual({
      strategyId: "consumer-utility",
      version: 2,
      variant: "sms_first",
      variantChanged: false,
      carriedOver: ["caring", "reminder_1"],
      missing: ["reminder_2"],
      bypassed: [],
      resumesWith: "call_1",
    });
  });

  it("reports steps a migration bypasses and a variant that is gone", () => {
    const v2 = nextVersion([nextVersion([], consumer, T1)], edited(), T2);
    const history = [
      sent("caring", "email", "2026-09-25 10:00"),
      sent("reminder_1", "email", "2026-10-01 09:00"),
      sent("call_1", "call", "2026-10-11 10:00"),
      sent("reminder_letter", "letter", "2026-10-30 09:00"),
    ];
    expect(migrateCaseToVersion({ variant: "old_test", history }, v2)).toMatchObject({
      variant: "champion",
      variantChanged: true,
      carriedOver: ["caring", "reminder_1", "call_1", "reminder_letter"],
      missing: [],
      bypassed: ["reminder_email_2"],
      resumesWith: "formal_notice",
    });
  });
});
