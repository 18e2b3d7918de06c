import { describe, expect, it } from "vitest";
import { AppError } from "../../../platform/errors.js";
import { addDays } from "./plan-calendar.js";
import {
  allocateToInstallments,
  applyAllocation,
  type InstallmentState,
  planProgress,
} from "./plan-progress.js";

/** Monthly €100 installments due on the 1st, from January. */
const plan = (...paid: bigint[]): InstallmentState[] =>
  paid.map((paidMinor, index) => ({
    seq: index + 1,
    dueDate: `2026-0${index + 1}-01`,
    amountMinor: 10_000n,
    paidMinor,
  }));

const statuses = (installments: InstallmentState[], today: string) =>
  planProgress(installments, today).installments.map((row) => row.status);

describe("planProgress", () => {
  it("tells paid, partially paid, due, overdue (in grace) and missed (past grace) apart", () => {
    const rows = plan(10_000n, 0n, 0n, 4_000n, 0n);
    expect(statuses(rows, "2026-03-01")).toEqual([
      "paid",
      "missed",
      "due",
      "partially_paid",
      "due",
    ]);
    expect(statuses(rows, "2026-03-06")).toEqual([
      "paid",
      "missed",
      "overdue",
      "partially_paid",
      "due",
    ]);
    expect(statuses(rows, "2026-04-07")).toEqual(["paid", "missed", "missed", "missed", "due"]);
  });

  it("is active while every late installment is within grace", () => {
    const progress = planProgress(plan(10_000n, 0n, 0n), "2026-02-06");
    expect(progress.status).toBe("active");
    expect(progress.nextDue).toEqual({ seq: 2, dueDate: "2026-02-01", outstandingMinor: 10_000n });
    expect(progress.outstandingMinor).toBe(20_000n);
    expect(progress.lateMinor).toBe(10_000n);
  });

  it("is at risk with one missed installment and broken with two", () => {
    expect(planProgress(plan(10_000n, 0n, 0n), "2026-02-07").status).toBe("at_risk");
    const broken = planProgress(plan(10_000n, 0n, 0n), "2026-03-07");
    expect(broken.status).toBe("broken");
    expect(broken.missedCount).toBe(2);
  });

  it("breaks when one installment stays unpaid longer than brokenAfterDays", () => {
    const rows = plan(0n, 10_000n, 10_000n);
    expect(planProgress(rows, "2026-01-31").status).toBe("at_risk");
    expect(planProgress(rows, "2026-02-01").status).toBe("broken");
    expect(planProgress(rows, "2026-02-01", { brokenAfterDays: 60 }).status).toBe("at_risk");
    expect(planProgress(rows, "2026-01-09", { graceDays: 10 }).status).toBe("active");
  });

  it("a partial payment does not stop a late installment counting as missed", () => {
    const rows = plan(9_999n, 9_999n);
    expect(planProgress(rows, "2026-02-07").status).toBe("broken");
  });

  it("is completed when everything is paid, even late, and overpayment leaves nothing due", () => {
    const progress = planProgress(plan(10_000n, 12_000n), "2026-09-01");
    expect(progress.status).toBe("completed");
    expect(progress.nextDue).toBeNull();
    expect(progress.outstandingMinor).toBe(0n);
  });

  it("refuses an empty plan, duplicate seqs and bad dates", () => {
    expect(() => planProgress([], "2026-01-01")).toThrow(AppError);
    const duplicate = [...plan(0n), ...plan(0n)];
    expect(() => planProgress(duplicate, "2026-01-01")).toThrow(/appears twice/);
    expect(() => planProgress(plan(0n), "2026-02-31")).toThrow(/today/);
  });
});

describe("allocateToInstallments", () => {
  it("pays the oldest unpaid installments first and returns the rest as credit", () => {
    const rows = plan(10_000n, 2_500n, 0n);
    expect(allocateToInstallments(rows, 12_000n)).toEqual({
      allocations: [
        { seq: 2, amountMinor: 7_500n },
        { seq: 3, amountMinor: 4_500n },
      ],
      creditMinor: 0n,
    });
    expect(allocateToInstallments(rows, 20_000n).creditMinor).toBe(2_500n);
  });

  it("pays the named installment first, then the oldest", () => {
    const rows = plan(0n, 0n, 0n);
    expect(allocateToInstallments(rows, 15_000n, 3).allocations).toEqual([
      { seq: 3, amountMinor: 10_000n },
      { seq: 1, amountMinor: 5_000n },
    ]);
  });

  it("refuses a negative payment or an installment that is not in the plan", () => {
    expect(() => allocateToInstallments(plan(0n), -1n)).toThrow(/amountMinor/);
    expect(() => allocateToInstallments(plan(0n), 1n, 7)).toThrow(/targetSeq/);
  });
});

/** mulberry32: a small seeded PRNG, so a failing case can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe("balances always hold (seeded random plans and payments)", () => {
  it("allocation plus credit equals the payment, and progress accounts for every cent", () => {
    const random = seededRandom(20260310);
    const int = (below: number) => Math.floor(random() * below);
    for (let run = 0; run < 2_000; run++) {
      const count = 1 + int(12);
      let rows: InstallmentState[] = Array.from({ length: count }, (_, index) => {
        const amountMinor = BigInt(1 + int(50_000));
        const paidMinor = random() < 0.3 ? BigInt(int(Number(amountMinor) + 100)) : 0n;
        return { seq: index, dueDate: addDays("2026-01-01", int(400)), amountMinor, paidMinor };
      });
      const total = rows.reduce((sum, row) => sum + row.amountMinor, 0n);
      for (let payment = 0; payment < 4; payment++) {
        const before = planProgress(rows, "2026-06-01");
        const amount = BigInt(int(Number(total) / 2 + 1));
        const target = random() < 0.5 ? int(count) : undefined;
        const allocation = allocateToInstallments(rows, amount, target);
        const allocated = allocation.allocations.reduce((sum, item) => sum + item.amountMinor, 0n);
        const context = `run ${run}, payment ${payment}`;
        expect(allocated + allocation.creditMinor, context).toBe(amount);
        expect(allocation.creditMinor >= 0n, context).toBe(true);
        if (allocation.creditMinor > 0n) expect(allocated, context).toBe(before.outstandingMinor);
        for (const item of allocation.allocations) {
          const row = before.installments.find((candidate) => candidate.seq === item.seq)!;
          expect(item.amountMinor > 0n && item.amountMinor <= row.outstandingMinor, context).toBe(
            true,
          );
        }
        rows = applyAllocation(rows, allocation);
        const after = planProgress(rows, "2026-06-01");
        expect(after.outstandingMinor, context).toBe(before.outstandingMinor - allocated);
        const applied = rows.reduce(
          (sum, row) => sum + (row.paidMinor < row.amountMinor ? row.paidMinor : row.amountMinor),
          0n,
        );
        expect(applied + after.outstandingMinor, context).toBe(total);
        expect(after.status === "completed", context).toBe(after.outstandingMinor === 0n);
      }
    }
  });
});
