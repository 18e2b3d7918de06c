import { describe, expect, it } from "vitest";
import { ITALY } from "../../policy/domain";
import { callsCsv, csvCell } from "./call-report-csv";
import { allowedUntil } from "./call-window";
import {
  actionStatusAfter,
  dispositionProblems,
  followUp,
  isConversation,
  OUTCOMES,
} from "./outcomes";
import { agentMayTake, requiredSkill } from "./routing";

const now = new Date("2026-11-24T09:00:00Z");

describe("outcomes", () => {
  it("counts as a conversation only when the debtor was on the line", () => {
    const talked = OUTCOMES.filter(isConversation);
    expect(talked).not.toContain("no_answer");
    expect(talked).not.toContain("third_party");
    expect(talked).not.toContain("voicemail");
    expect(talked).toContain("refused");
    expect(talked).toHaveLength(8);
  });

  it("retries unanswered calls after a pause, three tries at most; a callback at its time", () => {
    expect(followUp("busy", 1, now, null)).toEqual({
      kind: "retry",
      at: new Date("2026-11-24T09:30:00Z"),
    });
    expect(followUp("no_answer", 3, now, null)).toEqual({ kind: "done" });
    expect(followUp("promise_to_pay", 1, now, null)).toEqual({ kind: "done" });
    const at = new Date("2026-11-25T10:00:00Z");
    expect(followUp("callback_requested", 1, now, at)).toEqual({ kind: "callback", at });
    expect(actionStatusAfter("wrong_number")).toBe("failed_permanent");
    expect(actionStatusAfter("dispute")).toBe("delivered");
    expect(actionStatusAfter("busy")).toBe("sent");
  });

  it("names the missing field for each outcome", () => {
    expect(dispositionProblems({ outcome: "payment_taken" }, now)).toEqual([
      { field: "paymentAmountMinor", reason: "say how much was paid" },
    ]);
    expect(
      dispositionProblems(
        { outcome: "callback_requested", callbackAt: new Date("2027-03-01T00:00:00Z") },
        now,
      )[0]?.reason,
    ).toMatch(/60 days/);
    expect(dispositionProblems({ outcome: "no_answer" }, now)).toEqual([]);
  });
});

describe("routing", () => {
  it("asks hardship before language before B2B", () => {
    expect(requiredSkill({ language: "en", debtorKind: "company", hardship: true })).toBe(
      "hardship",
    );
    expect(requiredSkill({ language: "de-AT", debtorKind: "company", hardship: false })).toBe(
      "lang:de",
    );
    expect(requiredSkill({ language: "it", debtorKind: "company", hardship: false })).toBe("b2b");
    expect(requiredSkill({ language: "it", debtorKind: "person", hardship: false })).toBeNull();
  });

  it("gives a named task only to its agent, a team task only to the team", () => {
    const agent = { userId: "u1", team: "north", skills: ["b2b"] };
    expect(agentMayTake(agent, { assignedUserId: "u2", team: null, skill: null })).toBe(false);
    expect(agentMayTake(agent, { assignedUserId: null, team: "south", skill: null })).toBe(false);
    expect(agentMayTake(agent, { assignedUserId: null, team: "north", skill: "b2b" })).toBe(true);
    expect(agentMayTake(agent, { assignedUserId: null, team: null, skill: "hardship" })).toBe(
      false,
    );
  });
});

describe("call window and report", () => {
  it("ends the window where the Italian call hours end in the debtor's zone", () => {
    const person = {
      identityId: "p",
      timeZone: "Europe/Rome",
      country: "IT",
      optedOut: [],
      doNotContact: false,
      holds: [],
    };
    expect(allowedUntil(ITALY, person, "call", now)).toEqual(new Date("2026-11-24T20:00:00Z"));
    const narrowed = { ...person, preferredWindow: { from: "09:00", to: "12:00" } };
    expect(allowedUntil(ITALY, narrowed, "call", now)).toEqual(new Date("2026-11-24T11:00:00Z"));
  });

  it("writes CSV that a spreadsheet will not run", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+393471234567")).toBe("+393471234567");
    expect(csvCell("+39=HYPERLINK()")).toBe("'+39=HYPERLINK()");
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell(-5)).toBe("-5");
    expect(callsCsv([]).split("\r\n")[0]).toMatch(/^ended_at,/);
  });
});
