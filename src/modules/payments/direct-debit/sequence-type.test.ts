import { describe, expect, it } from "vitest";
import { sequenceTypeFor } from "./sequence-type.js";

describe("sequenceTypeFor", () => {
  it.each([
    [{ oneOff: true, isLastOfPlan: true }, "OOFF"],
    [{ oneOff: true, isLastOfPlan: false, firstCollectedAt: "2025-01-05" }, "OOFF"],
    [{ oneOff: false, isLastOfPlan: false }, "FRST"],
    // A plan of one installment, or a first collection that never went through: still FRST.
    [{ oneOff: false, isLastOfPlan: true }, "FRST"],
    [{ oneOff: false, isLastOfPlan: false, firstCollectedAt: "2025-01-05" }, "RCUR"],
    [{ oneOff: false, isLastOfPlan: true, firstCollectedAt: "2025-01-05" }, "FNAL"],
  ] as const)("%j → %s", (input, expected) => {
    expect(sequenceTypeFor(input)).toBe(expected);
  });
});
