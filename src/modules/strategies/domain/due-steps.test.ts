import { describe, expect, it } from "vitest";
import { dueSteps } from "./due-steps.js";
import { formatLocal } from "./local-time.js";
import { caseState, defaultStrategy, ROME, rome, sent } from "./test-support.js";

const consumer = defaultStrategy("consumer-utility");

function preview(steps: ReturnType<typeof dueSteps>): string[] {
  return steps.map(
    (step) =>
      `${formatLocal(step.at, ROME)} ${step.stepId} ${step.channel ?? `skipped: ${step.skipReason}`}`,
  );
}

describe("due steps preview", () => {
  it("lists every remaining step of a new case", () => {
    const steps = dueSteps(
      caseState(),
      consumer,
      rome("2026-09-20 00:00"),
      rome("2027-01-01 00:00"),
    );
    expect(preview(steps)).toEqual([
      "2026-09-25 10:00 caring email",
      "2026-10-01 09:00 reminder_1 email",
      "2026-10-08 10:00 reminder_2 sms",
      "2026-10-11 10:00 call_1 call",
      "2026-10-30 09:00 reminder_letter letter",
      "2026-11-14 09:00 formal_notice registered_letter",
      "2026-11-29 10:00 call_prelegal call",
      "2026-12-14 09:00 legal_review letter",
    ]);
    expect(steps.map((step) => step.moveToStage).filter(Boolean)).toEqual([
      "early",
      "late",
      "pre_legal",
      "legal",
    ]);
  });

  it("keeps to the window and starts after the done steps", () => {
    const state = caseState({
      stage: "early",
      history: [
        sent("caring", "email", "2026-09-25 10:00"),
        sent("reminder_1", "email", "2026-10-02 15:00"),
      ],
    });
    const steps = dueSteps(state, consumer, rome("2026-10-05 00:00"), rome("2026-11-01 00:00"));
    expect(preview(steps)).toEqual([
      "2026-10-09 10:00 reminder_2 sms", // seven days after the first reminder actually went
      "2026-10-12 10:00 call_1 call",
      "2026-10-30 09:00 reminder_letter letter",
    ]);
  });

  it("shows fallbacks and the steps that would be skipped", () => {
    const state = caseState({
      balanceMinor: 3_000n,
      debtor: { availableChannels: ["sms", "letter"] },
    });
    const steps = dueSteps(state, consumer, rome("2026-09-20 00:00"), rome("2026-10-12 00:00"));
    expect(preview(steps)).toEqual([
      "2026-09-25 10:00 caring sms",
      "2026-10-01 09:00 reminder_1 sms",
      "2026-10-08 10:00 reminder_2 sms",
      "2026-10-11 10:00 call_1 skipped: balance 3000 is below the step's minimum 5000",
    ]);
    expect(steps[0]?.fallbackFrom).toBe("email");
  });

  it("starts a promised case when the promise runs out", () => {
    const state = caseState({
      stage: "early",
      promise: { dueDate: "2026-10-20" },
      history: [
        sent("caring", "email", "2026-09-25 10:00"),
        sent("reminder_1", "email", "2026-10-01 09:00"),
      ],
    });
    const steps = dueSteps(state, consumer, rome("2026-10-05 00:00"), rome("2026-10-26 00:00"));
    expect(preview(steps)).toEqual([
      "2026-10-22 00:00 reminder_2 sms",
      "2026-10-25 10:00 call_1 call",
    ]);
  });

  it("is empty for a case that exits or is held without an end", () => {
    const from = rome("2026-09-20 00:00");
    const to = rome("2027-01-01 00:00");
    expect(dueSteps(caseState({ balanceMinor: 0n }), consumer, from, to)).toEqual([]);
    expect(dueSteps(caseState({ holdReasons: ["dispute"] }), consumer, from, to)).toEqual([]);
  });
});
