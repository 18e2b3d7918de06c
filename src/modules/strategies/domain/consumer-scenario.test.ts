/**
 * One consumer case walked from 5 days before its due date to legal hand-off on
 * the default consumer strategy: an hourly sweep, every proposal sent at once.
 */
import { describe, expect, it } from "vitest";
import type { CaseState, ProposedAction } from "./case-state.js";
import { evaluateCase } from "./evaluate-case.js";
import { formatLocal } from "./local-time.js";
import { caseState, defaultStrategy, ROME, rome } from "./test-support.js";
import type { StrategyVersion } from "./versioning.js";

const HOUR = 3_600_000;

interface Walk {
  sent: string[];
  stages: string[];
  actions: ProposedAction[];
  finalState: CaseState;
  exit?: string;
}

/** Sweeps every hour from `from` to `to`; feeds back "sent" for every proposal. */
function walk(initial: CaseState, version: StrategyVersion, from: string, to: string): Walk {
  let state = initial;
  const result: Walk = { sent: [], stages: [], actions: [], finalState: state };
  for (let t = rome(from).getTime(); t <= rome(to).getTime(); t += HOUR) {
    const now = new Date(t);
    const evaluation = evaluateCase(state, version, now);
    if (evaluation.stageChange) {
      result.stages.push(`${evaluation.stageChange} ${formatLocal(now, ROME)}`);
      state = { ...state, stage: evaluation.stageChange };
    }
    if (evaluation.exit) {
      result.exit = `${evaluation.exit.reason} ${formatLocal(now, ROME)}`;
      break;
    }
    for (const action of evaluation.actions) {
      expect(action.earliestAt.getTime()).toBeLessThanOrEqual(t);
      result.actions.push(action);
      result.sent.push(`${formatLocal(now, ROME)} ${action.stepId} ${action.channel}`);
      state = {
        ...state,
        history: [
          ...state.history,
          { stepId: action.stepId, channel: action.channel, at: now, outcome: "sent" },
        ],
      };
    }
  }
  result.finalState = state;
  return result;
}

describe("consumer case, 5 days before the due date to legal hand-off", () => {
  const version = defaultStrategy("consumer-utility");

  it("runs every step on its day, at its local time, and moves the stages", () => {
    const run = walk(caseState(), version, "2026-09-25 00:00", "2027-01-31 00:00");
    expect(run.sent).toEqual([
      "2026-09-25 10:00 caring email",
      "2026-10-01 09:00 reminder_1 email",
      "2026-10-08 10:00 reminder_2 sms",
      "2026-10-11 10:00 call_1 call",
      "2026-10-30 09:00 reminder_letter letter", // after the October switch: CET
      "2026-11-14 09:00 formal_notice registered_letter",
      "2026-11-29 10:00 call_prelegal call",
      "2026-12-14 09:00 legal_review letter",
    ]);
    expect(run.stages).toEqual([
      "early 2026-10-01 00:00", // the due date has passed
      "late 2026-10-30 10:00",
      "pre_legal 2026-11-14 10:00",
      "legal 2026-12-14 10:00",
    ]);
    expect(run.exit).toBe("strategy_completed 2026-12-14 10:00");
    expect(run.finalState.stage).toBe("legal");
  });

  it("proposes each step once, with its earliest time in UTC and a stable key", () => {
    const run = walk(caseState(), version, "2026-09-25 00:00", "2027-01-31 00:00");
    expect(
      run.actions.map((a) => `${a.earliestAt.toISOString()} ${a.attempt} ${a.idempotencyKey}`),
    ).toEqual([
      "2026-09-25T08:00:00.000Z 1 case-1/consumer-utility@v1/caring/1",
      "2026-10-01T07:00:00.000Z 1 case-1/consumer-utility@v1/reminder_1/1",
      "2026-10-08T08:00:00.000Z 1 case-1/consumer-utility@v1/reminder_2/1",
      "2026-10-11T08:00:00.000Z 1 case-1/consumer-utility@v1/call_1/1",
      "2026-10-30T08:00:00.000Z 1 case-1/consumer-utility@v1/reminder_letter/1",
      "2026-11-14T08:00:00.000Z 1 case-1/consumer-utility@v1/formal_notice/1",
      "2026-11-29T09:00:00.000Z 1 case-1/consumer-utility@v1/call_prelegal/1",
      "2026-12-14T08:00:00.000Z 1 case-1/consumer-utility@v1/legal_review/1",
    ]);
    expect(run.actions.map((a) => a.moveToStage ?? "-")).toEqual([
      "-",
      "early",
      "-",
      "-",
      "late",
      "pre_legal",
      "-",
      "legal",
    ]);
  });

  it("follows the challenger's channels for a case assigned to it", () => {
    const run = walk(
      caseState({ variant: "sms_first" }),
      version,
      "2026-09-25 00:00",
      "2026-10-12 00:00",
    );
    expect(run.sent).toEqual([
      "2026-09-25 10:00 caring sms",
      "2026-10-01 09:00 reminder_1 sms",
      "2026-10-08 10:00 reminder_2 email",
      "2026-10-11 10:00 call_1 call",
    ]);
  });

  it("pauses on a promise and resumes, catching up one overdue step a day", () => {
    const start = walk(caseState(), version, "2026-09-25 00:00", "2026-10-05 00:00");
    expect(start.sent.at(-1)).toBe("2026-10-01 09:00 reminder_1 email");
    // On 5 October the debtor promises to pay by 30 October, and does not.
    const promised = { ...start.finalState, promise: { dueDate: "2026-10-30" } };
    const rest = walk(promised, version, "2026-10-05 01:00", "2026-11-20 00:00");
    expect(rest.sent).toEqual([
      "2026-11-01 00:00 reminder_2 sms", // grace day over: the overdue step, policy picks the hour
      "2026-11-04 10:00 call_1 call", // three days after the previous step
      "2026-11-05 09:00 reminder_letter letter", // overdue since 30 October: next day
      "2026-11-14 09:00 formal_notice registered_letter", // on time again
    ]);
  });
});
