import { describe, expect, it } from "vitest";
import {
  DEFAULT_PLAN_POLICY,
  decidePlan,
  type PlanPolicy,
  PlanPolicySchema,
  type PlanProposal,
  planOptions,
  planPolicyToJson,
} from "./plan-policy.js";

const TODAY = "2026-03-10";
const proposal = (overrides: Partial<PlanProposal> = {}): PlanProposal => ({
  balanceMinor: 150_000n,
  count: 6,
  frequency: "monthly",
  firstDueDate: "2026-04-01",
  debtorKind: "consumer",
  ...overrides,
});
const codes = (overrides: Partial<PlanProposal>, policy: PlanPolicy = DEFAULT_PLAN_POLICY) => {
  const result = decidePlan(proposal(overrides), policy, TODAY);
  return { decision: result.decision, codes: result.reasons.map((reason) => reason.code) };
};

describe("PlanPolicySchema", () => {
  it("reads amounts given as strings, numbers or bigints, and round-trips through JSON", () => {
    const json = JSON.parse(JSON.stringify(planPolicyToJson(DEFAULT_PLAN_POLICY)));
    expect(PlanPolicySchema.parse(json)).toEqual(DEFAULT_PLAN_POLICY);
    const policy = PlanPolicySchema.parse({
      ...json,
      bands: [{ upToMinor: 50_000, maxInstallments: 3 }],
      minInstallmentMinor: 2500n,
      minDownPaymentPercent: 5,
    });
    expect(policy.bands[0]).toEqual({
      upToMinor: 50_000n,
      maxInstallments: 3,
      requiresSupervisor: false,
    });
    expect(policy.minDownPaymentPercent).toEqual({ consumer: 5, business: 5 });
  });

  it("refuses bands out of order, an open band before the last, and negative amounts", () => {
    const json = planPolicyToJson(DEFAULT_PLAN_POLICY);
    const bands = (list: unknown[]) => PlanPolicySchema.safeParse({ ...json, bands: list }).success;
    expect(bands([{ upToMinor: "500", maxInstallments: 3 }])).toBe(true);
    expect(
      bands([
        { upToMinor: "900", maxInstallments: 3 },
        { upToMinor: "500", maxInstallments: 6 },
      ]),
    ).toBe(false);
    expect(
      bands([
        { upToMinor: null, maxInstallments: 3 },
        { upToMinor: "500", maxInstallments: 6 },
      ]),
    ).toBe(false);
    expect(bands([{ upToMinor: -5, maxInstallments: 3 }])).toBe(false);
    expect(bands([{ upToMinor: "1.5", maxInstallments: 3 }])).toBe(false);
  });
});

describe("decidePlan", () => {
  it("approves a plan inside every limit", () => {
    expect(decidePlan(proposal(), DEFAULT_PLAN_POLICY, TODAY)).toEqual({
      decision: "approve",
      reasons: [],
    });
  });

  it("sends plausible plans outside the automatic limits to a supervisor, with reasons", () => {
    const table: Array<[Partial<PlanProposal>, string[]]> = [
      [{ count: 9 }, ["installments_above_band"]],
      [{ balanceMinor: 40_000n, count: 3, frequency: "weekly" }, []],
      [{ balanceMinor: 6_000n, count: 3 }, ["installment_below_minimum"]],
      [{ balanceMinor: 2_000_000n, count: 12 }, ["balance_needs_supervisor"]],
      [{ firstDueDate: "2026-04-20" }, ["start_too_late"]],
      [{ debtorKind: "business" }, ["down_payment_below_minimum"]],
      [{ debtorKind: "business", downPaymentMinor: 15_000n }, []],
      [
        { balanceMinor: 2_000_000n, count: 30 },
        ["duration_too_long", "balance_needs_supervisor", "installments_above_band"],
      ],
    ];
    for (const [overrides, expected] of table) {
      const result = codes(overrides);
      expect(
        result.codes,
        JSON.stringify(overrides, (_, v) => (typeof v === "bigint" ? `${v}` : v)),
      ).toEqual(expected);
      expect(result.decision).toBe(expected.length === 0 ? "approve" : "needs_supervisor");
    }
  });

  it("refuses only what cannot work", () => {
    expect(codes({ count: 0 })).toEqual({ decision: "refuse", codes: ["count_invalid"] });
    expect(codes({ firstDueDate: "2026-03-09" }).codes).toEqual(["first_due_in_past"]);
    expect(codes({ firstDueDate: "2026-04-09" }).decision).toBe("approve"); // 30 days
    expect(codes({ firstDueDate: "2026-05-09" }).codes).toEqual(["start_too_late"]); // 60 days
    expect(codes({ firstDueDate: "2026-05-10" }).codes).toEqual(["start_far_too_late"]);
    expect(codes({ balanceMinor: 500n, count: 6 }).codes).toContain("installment_below_floor");
    expect(codes({ downPaymentMinor: 150_000n }).codes).toEqual(["down_payment_invalid"]);
    expect(codes({ balanceMinor: 0n }).codes).toContain("nothing_to_plan");
    expect(codes({ firstDueDate: "2026-02-30" }).codes).toEqual(["first_due_date_invalid"]);
    expect(codes({ balanceMinor: 5_000_000n, count: 49 }).codes).toContain("duration_far_too_long");
  });

  it("treats a first installment due today as no delay and measures duration from today", () => {
    expect(codes({ firstDueDate: TODAY }).decision).toBe("approve");
    // 24 monthly installments starting in 30 days end just inside 24 months; a day later, outside.
    const big = { balanceMinor: 900_000n, count: 24 };
    const loose: PlanPolicy = {
      ...DEFAULT_PLAN_POLICY,
      bands: [{ upToMinor: null, maxInstallments: 24, requiresSupervisor: false }],
    };
    expect(codes({ ...big, firstDueDate: "2026-04-09" }, loose).decision).toBe("approve");
    expect(codes({ ...big, firstDueDate: "2026-04-11" }, loose).codes).toEqual([
      "start_too_late",
      "duration_too_long",
    ]);
  });

  it("asks a supervisor for everything when the tenant does not approve automatically", () => {
    const manual = { ...DEFAULT_PLAN_POLICY, autoApprove: false };
    expect(codes({}, manual)).toEqual({
      decision: "needs_supervisor",
      codes: ["auto_approve_off"],
    });
    expect(codes({ count: 0 }, manual).decision).toBe("refuse");
  });

  it("escalates a frequency the tenant does not offer", () => {
    const monthlyOnly = { ...DEFAULT_PLAN_POLICY, frequencies: ["monthly" as const] };
    expect(codes({ frequency: "weekly" }, monthlyOnly).codes).toEqual(["frequency_not_offered"]);
  });
});

describe("planOptions", () => {
  it("lists what the portal can offer, each option approved automatically", () => {
    const options = planOptions(150_000n, DEFAULT_PLAN_POLICY, TODAY);
    expect(options.map((option) => `${option.frequency}×${option.count}`)).toEqual([
      ...[2, 3, 4, 5, 6].map((count) => `weekly×${count}`),
      ...[2, 3, 4, 5, 6].map((count) => `biweekly×${count}`),
      ...[2, 3, 4, 5, 6].map((count) => `monthly×${count}`),
    ]);
    expect(options.find((option) => option.count === 4)?.installmentMinor).toBe(37_500n);
    for (const option of options) {
      const result = decidePlan(
        proposal({ count: option.count, frequency: option.frequency, firstDueDate: TODAY }),
        DEFAULT_PLAN_POLICY,
        TODAY,
      );
      expect(result.decision).toBe("approve");
    }
  });

  it("stops where installments would fall below the minimum and rounds the shown amount up", () => {
    const options = planOptions(10_001n, DEFAULT_PLAN_POLICY, TODAY, { firstDueDate: TODAY });
    expect(options.filter((option) => option.frequency === "monthly")).toEqual([
      { count: 2, frequency: "monthly", installmentMinor: 5_001n, downPaymentMinor: 0n },
      { count: 3, frequency: "monthly", installmentMinor: 3_334n, downPaymentMinor: 0n },
    ]);
  });

  it("includes the business down payment and offers nothing that needs a supervisor", () => {
    const business = planOptions(100_000n, DEFAULT_PLAN_POLICY, TODAY, { debtorKind: "business" });
    expect(business[0]).toMatchObject({ downPaymentMinor: 10_000n, installmentMinor: 45_000n });
    expect(planOptions(2_000_000n, DEFAULT_PLAN_POLICY, TODAY)).toEqual([]);
    expect(planOptions(100_000n, { ...DEFAULT_PLAN_POLICY, autoApprove: false }, TODAY)).toEqual(
      [],
    );
  });
});
