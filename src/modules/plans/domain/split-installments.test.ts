import { describe, expect, it } from "vitest";
import { AppError } from "../../../platform/errors.js";
import { type SplitInstallmentsInput, splitInstallments } from "./split-installments.js";

const base: SplitInstallmentsInput = {
  totalMinor: 100_000n,
  count: 4,
  frequency: "monthly",
  firstDueDate: "2026-04-15",
};

function problemFields(input: SplitInstallmentsInput): string[] {
  try {
    splitInstallments(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("validation_failed");
    const details = (error as AppError).details as { problems: Array<{ field: string }> };
    return details.problems.map((problem) => problem.field);
  }
  throw new Error("expected splitInstallments to refuse the input");
}

const sum = (amounts: bigint[]) => amounts.reduce((total, amount) => total + amount, 0n);

describe("splitInstallments", () => {
  it("splits evenly with no down payment, numbering from 1", () => {
    expect(splitInstallments(base)).toEqual([
      { seq: 1, dueDate: "2026-04-15", amountMinor: 25_000n, kind: "installment" },
      { seq: 2, dueDate: "2026-05-15", amountMinor: 25_000n, kind: "installment" },
      { seq: 3, dueDate: "2026-06-15", amountMinor: 25_000n, kind: "installment" },
      { seq: 4, dueDate: "2026-07-15", amountMinor: 25_000n, kind: "installment" },
    ]);
  });

  it("gives the remainder cents to the first installments, one each", () => {
    const plan = splitInstallments({ ...base, totalMinor: 100_003n });
    expect(plan.map((row) => row.amountMinor)).toEqual([25_001n, 25_001n, 25_001n, 25_000n]);
  });

  it("puts the down payment first as seq 0, due on the first date unless told otherwise", () => {
    const plan = splitInstallments({ ...base, totalMinor: 123_457n, downPaymentMinor: 23_457n });
    expect(plan[0]).toEqual({
      seq: 0,
      dueDate: "2026-04-15",
      amountMinor: 23_457n,
      kind: "down_payment",
    });
    expect(plan.slice(1).map((row) => row.seq)).toEqual([1, 2, 3, 4]);
    expect(sum(plan.map((row) => row.amountMinor))).toBe(123_457n);

    const earlier = splitInstallments({
      ...base,
      downPaymentMinor: 10_000n,
      downPaymentDueDate: "2026-04-01",
    });
    expect(earlier[0]?.dueDate).toBe("2026-04-01");
  });

  it("clamps monthly dates to the month's end and comes back to the 31st", () => {
    const dates = (firstDueDate: string) =>
      splitInstallments({ ...base, firstDueDate, count: 4 }).map((row) => row.dueDate);
    expect(dates("2026-01-31")).toEqual(["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"]);
    expect(dates("2028-01-31")).toEqual(["2028-01-31", "2028-02-29", "2028-03-31", "2028-04-30"]);
    expect(dates("2026-11-30")).toEqual(["2026-11-30", "2026-12-30", "2027-01-30", "2027-02-28"]);
  });

  it("steps weekly and biweekly across month and year ends", () => {
    const weekly = splitInstallments({ ...base, frequency: "weekly", firstDueDate: "2026-12-24" });
    expect(weekly.map((row) => row.dueDate)).toEqual([
      "2026-12-24",
      "2026-12-31",
      "2027-01-07",
      "2027-01-14",
    ]);
    const biweekly = splitInstallments({ ...base, frequency: "biweekly", count: 3 });
    expect(biweekly.map((row) => row.dueDate)).toEqual(["2026-04-15", "2026-04-29", "2026-05-13"]);
  });

  it("allows installments of exactly one cent, never zero", () => {
    const plan = splitInstallments({ ...base, totalMinor: 5n, downPaymentMinor: 1n });
    expect(plan.map((row) => row.amountMinor)).toEqual([1n, 1n, 1n, 1n, 1n]);
  });

  it("adds up to the cent for many totals and counts", () => {
    for (let total = 1n; total < 400n; total += 7n) {
      for (let count = 1; BigInt(count) <= total && count <= 36; count += 5) {
        const plan = splitInstallments({ ...base, totalMinor: total, count });
        const amounts = plan.map((row) => row.amountMinor);
        expect(sum(amounts)).toBe(total);
        expect(amounts.every((amount) => amount >= 1n)).toBe(true);
        const spread = amounts[0]! - amounts[amounts.length - 1]!;
        expect(spread === 0n || spread === 1n).toBe(true);
      }
    }
  });

  it("refuses impossible input and names every bad field", () => {
    expect(problemFields({ ...base, count: 0 })).toEqual(["count"]);
    expect(problemFields({ ...base, count: 2.5 })).toEqual(["count"]);
    expect(problemFields({ ...base, downPaymentMinor: 100_000n })).toEqual(["downPaymentMinor"]);
    expect(problemFields({ ...base, downPaymentMinor: -1n })).toEqual(["downPaymentMinor"]);
    expect(problemFields({ ...base, totalMinor: 3n })).toEqual(["count"]);
    expect(problemFields({ ...base, totalMinor: 0n, firstDueDate: "2026-02-30" })).toEqual([
      "totalMinor",
      "firstDueDate",
    ]);
    expect(
      problemFields({ ...base, downPaymentMinor: 1n, downPaymentDueDate: "2026-05-01" }),
    ).toEqual(["downPaymentDueDate"]);
  });
});
