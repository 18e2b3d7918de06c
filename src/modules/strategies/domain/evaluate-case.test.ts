import { describe, expect, it } from "vitest";
import type { StepAttempt } from "./case-state.js";
import { evaluateCase } from "./evaluate-case.js";
import { MAX_TRANSIENT_FAILURES_PER_CHANNEL } from "./step-progress.js";
import { caseState, defaultStrategy, rome, sent } from "./test-support.js";

const consumer = defaultStrategy("consumer-utility");
/** The case history up to and including the first reminder. */
const throughReminder1 = [
  sent("caring", "email", "2026-09-25 10:00"),
  sent("reminder_1", "email", "2026-10-01 09:00"),
];
const throughCall1 = [
  ...throughReminder1,
  sent("reminder_2", "sms", "2026-10-08 10:00"),
  sent("call_1", "call", "2026-10-11 10:00"),
];

function attempt(
  stepId: string,
  channel: StepAttempt["channel"],
  at: string,
  outcome: StepAttempt["outcome"],
): StepAttempt {
  return { stepId, channel, at: rome(at), outcome };
}

describe("exit rules", () => {
  it.each([
    ["paid", caseState({ balanceMinor: 0n }), "paid"],
    ["overpaid (a credit)", caseState({ balanceMinor: -500n }), "paid"],
    ["closed", caseState({ status: "closed" }), "closed"],
    ["closed stage", caseState({ stage: "closed" }), "closed"],
    ["opted out of every channel", caseState({ debtor: { availableChannels: [] } }), "no_channel"],
    ["paid outranks a dispute", caseState({ balanceMinor: 0n, holdReasons: ["dispute"] }), "paid"],
  ])("%s → exit %s", (_name, state, reason) => {
    const evaluation = evaluateCase(state, consumer, rome("2026-10-01 09:00"));
    expect(evaluation.exit).toEqual({ reason });
    expect(evaluation.actions).toEqual([]);
    expect(evaluation.nextEvaluationAt).toBeUndefined();
  });

  it("exits once every step is done", () => {
    const history = [
      ...throughCall1,
      sent("reminder_letter", "letter", "2026-10-30 09:00"),
      sent("formal_notice", "registered_letter", "2026-11-14 09:00"),
      sent("call_prelegal", "call", "2026-11-29 10:00"),
      sent("legal_review", "letter", "2026-12-14 09:00"),
    ];
    const evaluation = evaluateCase(
      caseState({ stage: "legal", history }),
      consumer,
      rome("2026-12-20 09:00"),
    );
    expect(evaluation.exit).toEqual({ reason: "strategy_completed" });
  });
});

describe("pause rules", () => {
  it.each([
    ["dispute", caseState({ holdReasons: ["dispute"] }), "dispute"],
    ["hardship", caseState({ holdReasons: ["hardship"] }), "hardship"],
    ["vulnerability", caseState({ holdReasons: ["vulnerability"] }), "vulnerability"],
    ["deceased", caseState({ holdReasons: ["deceased"] }), "deceased"],
    ["insolvency", caseState({ holdReasons: ["insolvency"] }), "insolvency"],
    [
      "the gravest of several holds",
      caseState({ holdReasons: ["dispute", "vulnerability"] }),
      "vulnerability",
    ],
    ["an active plan", caseState({ planActive: true }), "plan"],
    ["a plan hold", caseState({ holdReasons: ["plan"] }), "plan"],
    ["a promise hold without a date", caseState({ holdReasons: ["promise"] }), "promise"],
    ["on hold with no reason given", caseState({ status: "on_hold" }), "on_hold"],
  ])("%s → pause %s, nothing proposed, only an event resumes", (_name, state, reason) => {
    const evaluation = evaluateCase(
      { ...state, history: throughReminder1 },
      consumer,
      rome("2026-10-08 10:00"),
    );
    expect(evaluation.pause).toEqual({ reason });
    expect(evaluation.actions).toEqual([]);
    expect(evaluation.exit).toBeUndefined();
    expect(evaluation.nextEvaluationAt).toBeUndefined();
  });

  it("pauses on a pending promise until the day after its grace day, in the debtor's zone", () => {
    const state = caseState({ history: throughReminder1, promise: { dueDate: "2026-10-10" } });
    const paused = evaluateCase(state, consumer, rome("2026-10-11 23:59"));
    const until = rome("2026-10-12 00:00");
    expect(paused.pause).toEqual({ reason: "promise", until });
    expect(paused.nextEvaluationAt).toEqual(until);
    expect(paused.actions).toEqual([]);

    const resumed = evaluateCase(state, consumer, until);
    expect(resumed.pause).toBeUndefined();
    expect(resumed.actions.map((a) => a.stepId)).toEqual(["reminder_2"]);
    expect(resumed.explanation.join("\n")).toContain("was not kept");
  });

  it("pauses reminders for a while (waiting for proof of a payment), then resumes", () => {
    const until = rome("2026-10-12 09:00");
    const state = caseState({
      history: throughReminder1,
      pausedUntil: { until, reason: "proof of payment requested" },
    });
    const paused = evaluateCase(state, consumer, rome("2026-10-08 10:00"));
    expect(paused.pause).toEqual({ reason: "paused", until });
    expect(paused.nextEvaluationAt).toEqual(until);
    expect(paused.actions).toEqual([]);
    expect(evaluateCase(state, consumer, until).actions.map((a) => a.stepId)).toEqual([
      "reminder_2",
    ]);
  });

  it("lets a broken promise resume even if the promise hold was not lifted", () => {
    const state = caseState({
      history: throughReminder1,
      holdReasons: ["promise"],
      promise: { dueDate: "2026-10-01" },
    });
    expect(evaluateCase(state, consumer, rome("2026-10-08 10:00")).actions).toHaveLength(1);
  });
});

describe("steps, timing and fallbacks", () => {
  it("waits for the next step and says when to look again", () => {
    const evaluation = evaluateCase(
      caseState({ history: throughReminder1, stage: "early" }),
      consumer,
      rome("2026-10-05 12:00"),
    );
    expect(evaluation.actions).toEqual([]);
    expect(evaluation.nextEvaluationAt).toEqual(rome("2026-10-08 10:00"));
    expect(evaluation.explanation.at(-1)).toBe(
      "next: step reminder_2 (sms, template reminder.followup) at 2026-10-08 10:00 Europe/Rome",
    );
  });

  it("falls back to SMS when the debtor has no email", () => {
    const state = caseState({
      history: [sent("caring", "sms", "2026-09-25 10:00")],
      debtor: { availableChannels: ["sms", "call", "letter", "registered_letter"] },
    });
    const [action] = evaluateCase(state, consumer, rome("2026-10-01 09:00")).actions;
    expect(action).toMatchObject({
      stepId: "reminder_1",
      attempt: 1,
      channel: "sms",
      fallbackFrom: "email",
      template: "reminder.first",
    });
  });

  it("falls back to a letter when the SMS failed permanently", () => {
    const history = [
      ...throughReminder1,
      attempt("reminder_2", "sms", "2026-10-08 10:00", "failed_permanent"),
    ];
    const evaluation = evaluateCase(
      caseState({ history, stage: "early" }),
      consumer,
      rome("2026-10-08 11:00"),
    );
    expect(evaluation.actions).toEqual([
      {
        stepId: "reminder_2",
        attempt: 2,
        channel: "letter",
        template: "reminder.followup",
        earliestAt: rome("2026-10-08 10:00"),
        idempotencyKey: "case-1/consumer-utility@v1/reminder_2/2",
        fallbackFrom: "sms",
      },
    ]);
    expect(evaluation.explanation.at(-1)).toContain("sms: failed permanently");
  });

  it.each([["deferred"], ["blocked"], ["failed_temporary"]] as const)(
    "retries the same channel after %s, with the next attempt number",
    (outcome) => {
      const history = [
        ...throughReminder1,
        attempt("reminder_2", "sms", "2026-10-08 10:00", outcome),
      ];
      const [action] = evaluateCase(
        caseState({ history, stage: "early" }),
        consumer,
        rome("2026-10-08 12:00"),
      ).actions;
      expect(action).toMatchObject({ stepId: "reminder_2", attempt: 2, channel: "sms" });
      expect(action?.fallbackFrom).toBeUndefined();
      expect(action?.idempotencyKey).toBe("case-1/consumer-utility@v1/reminder_2/2");
    },
  );

  it("gives a channel up after repeated temporary failures, never after deferrals", () => {
    const failures = Array.from({ length: MAX_TRANSIENT_FAILURES_PER_CHANNEL }, (_, i) =>
      attempt("reminder_2", "sms", `2026-10-08 1${i}:00`, "failed_temporary"),
    );
    const deferrals = failures.map((failure) => ({ ...failure, outcome: "deferred" as const }));
    const now = rome("2026-10-08 18:00");
    const afterFailures = evaluateCase(
      caseState({ history: [...throughReminder1, ...failures], stage: "early" }),
      consumer,
      now,
    ).actions[0];
    expect(afterFailures).toMatchObject({ channel: "letter", attempt: 4 });
    expect(afterFailures?.earliestAt).toEqual(rome("2026-10-08 12:00"));
    const afterDeferrals = evaluateCase(
      caseState({ history: [...throughReminder1, ...deferrals], stage: "early" }),
      consumer,
      now,
    ).actions[0];
    expect(afterDeferrals).toMatchObject({ channel: "sms", attempt: 4 });
  });

  it("skips a step with no channel left and goes on to the next when it is due", () => {
    const state = caseState({
      history: [...throughReminder1, sent("reminder_2", "sms", "2026-10-08 10:00")],
      stage: "early",
      debtor: { availableChannels: ["email", "sms", "letter", "registered_letter"] },
    });
    const onCallDay = evaluateCase(state, consumer, rome("2026-10-11 10:00"));
    expect(onCallDay.actions).toEqual([]);
    expect(onCallDay.skippedSteps).toEqual([
      { stepId: "call_1", reason: "no channel left (call: no usable contact point)" },
    ]);
    expect(onCallDay.nextEvaluationAt).toEqual(rome("2026-10-30 09:00"));
  });

  it("skips the call when the balance is too small to be worth one", () => {
    const state = caseState({
      balanceMinor: 3_000n,
      stage: "early",
      history: [...throughReminder1, sent("reminder_2", "sms", "2026-10-08 10:00")],
    });
    const evaluation = evaluateCase(state, consumer, rome("2026-10-11 10:00"));
    expect(evaluation.skippedSteps).toEqual([
      { stepId: "call_1", reason: "balance 3000 is below the step's minimum 5000" },
    ]);
    expect(evaluation.explanation.join("\n")).toContain("skipped step call_1");
  });

  it("skips pre-due caring for a case that opens after its due date", () => {
    const state = caseState({ stage: "early", openedAt: rome("2026-10-03 08:00") });
    const evaluation = evaluateCase(state, consumer, rome("2026-10-03 09:00"));
    expect(evaluation.skippedSteps).toEqual([
      { stepId: "caring", reason: "stage early is not one of pre_due" },
    ]);
    // The first reminder was due on 1 October: it goes now.
    expect(evaluation.actions).toMatchObject([{ stepId: "reminder_1", channel: "email" }]);
  });

  it.each([
    // due date, instant the first reminder (due + 1 at 09:00 local) falls at
    ["2026-10-23", "2026-10-24T07:00:00.000Z"], // the day before the October switch: CEST
    ["2026-10-25", "2026-10-26T08:00:00.000Z"], // the day after: CET
    ["2026-03-27", "2026-03-28T08:00:00.000Z"], // the day before the March switch: CET
    ["2026-03-28", "2026-03-29T07:00:00.000Z"], // the switch day itself: CEST
  ])("across daylight saving: due %s → first reminder at %s", (dueDate, expected) => {
    const state = caseState({ oldestDueDate: dueDate, openedAt: new Date("2026-01-01") });
    const history = [sent("caring", "email", "2026-01-02 10:00")];
    const waiting = evaluateCase({ ...state, history }, consumer, new Date("2026-01-03"));
    expect(waiting.nextEvaluationAt?.toISOString()).toBe(expected);
  });

  it("uses the debtor's own time zone", () => {
    const state = caseState({
      history: [sent("caring", "email", "2026-09-25 10:00")],
      debtor: { timeZone: "America/New_York" },
    });
    const waiting = evaluateCase(state, consumer, rome("2026-09-26 09:00"));
    expect(waiting.nextEvaluationAt?.toISOString()).toBe("2026-10-01T13:00:00.000Z");
  });

  it("proposes the same action with the same key until an outcome is recorded", () => {
    const state = caseState({ history: throughReminder1, stage: "early" });
    const first = evaluateCase(state, consumer, rome("2026-10-08 10:00"));
    const again = evaluateCase(state, consumer, rome("2026-10-08 10:05"));
    expect(again.actions).toEqual(first.actions);
    expect(first.actions[0]?.idempotencyKey).toBe("case-1/consumer-utility@v1/reminder_2/1");
  });
});

describe("stages and variants", () => {
  it("moves a pre-due case to early once the due date is behind it", () => {
    const evaluation = evaluateCase(
      caseState({ history: [sent("caring", "email", "2026-09-25 10:00")] }),
      consumer,
      rome("2026-10-01 00:30"),
    );
    expect(evaluation.stageChange).toBe("early");
  });

  it("applies a done step's stage, but never moves a case back", () => {
    const history = [
      ...throughCall1,
      sent("reminder_letter", "letter", "2026-10-30 09:00"),
      sent("formal_notice", "registered_letter", "2026-11-14 09:00"),
    ];
    const now = rome("2026-11-15 09:00");
    expect(evaluateCase(caseState({ history, stage: "late" }), consumer, now).stageChange).toBe(
      "pre_legal",
    );
    expect(
      evaluateCase(caseState({ history, stage: "legal" }), consumer, now).stageChange,
    ).toBeUndefined();
  });

  it("follows the champion when the case's variant is gone, and says so", () => {
    const evaluation = evaluateCase(
      caseState({
        variant: "retired_test",
        history: [sent("caring", "email", "2026-09-25 10:00")],
      }),
      consumer,
      rome("2026-10-01 09:00"),
    );
    expect(evaluation.variant).toBe("champion");
    expect(evaluation.actions[0]?.channel).toBe("email");
    expect(evaluation.explanation[1]).toBe(
      "variant retired_test is not in this version: following champion",
    );
  });
});
