import { describe, expect, it } from "vitest";
import { shapeScript, splitSections } from "./call-script";

const SCRIPT = `[GREETING]
"Good morning, may I speak with Ada Rossi?"

[LISTEN]
Listen.

[A. SAYS THEY HAVE ALREADY PAID]
Ask for the date and the CRO.

[B. DISPUTES THE AMOUNT OR THE INVOICE]
Note the reason.

[C. FINANCIAL DIFFICULTY]
Offer a plan.

[CLOSING]
Thank them.`;

describe("call script", () => {
  it("splits titled sections and marks the lettered ones as branches", () => {
    expect(splitSections(SCRIPT).map((s) => [s.title, s.branch])).toEqual([
      ["GREETING", false],
      ["LISTEN", false],
      ["A. SAYS THEY HAVE ALREADY PAID", true],
      ["B. DISPUTES THE AMOUNT OR THE INVOICE", true],
      ["C. FINANCIAL DIFFICULTY", true],
      ["CLOSING", false],
    ]);
  });

  it("branches on the reason the debtor gave", () => {
    const shaped = shapeScript(SCRIPT, "job_loss_illness");
    expect(shaped.branch).toEqual({
      reason: "job_loss_illness",
      text: "[C. FINANCIAL DIFFICULTY]\nOffer a plan.",
    });
    expect(shaped.opening).toContain("[LISTEN]");
    expect(shaped.closing).toBe("[CLOSING]\nThank them.");
    expect(shapeScript(SCRIPT, "already_paid").branch?.text).toMatch(/ALREADY PAID/);
    expect(shapeScript(SCRIPT, "billing_error").branch?.text).toMatch(/DISPUTES/);
  });

  it("has no branch without a reason, and an Italian script branches the same way", () => {
    expect(shapeScript(SCRIPT, null).branch).toBeNull();
    const italian =
      "[SALUTO]\nBuongiorno.\n\n[A. DICE DI AVER GIÀ PAGATO]\nChieda il CRO.\n\n[B. DIFFICOLTÀ ECONOMICHE]\nProponga un piano.\n\n[CHIUSURA]\nGrazie.";
    expect(shapeScript(italian, "temporary_difficulty").branch?.text).toMatch(/DIFFICOLTÀ/);
    expect(shapeScript(italian, "already_paid").branch?.text).toMatch(/PAGATO/);
  });
});
