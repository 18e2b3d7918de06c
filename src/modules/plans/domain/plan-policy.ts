import { z } from "zod";
import { isRealIsoDate } from "../../../platform/iso-date.js";
import { formatDecimal } from "../../../platform/money.js";
import {
  daysBetween,
  monthsSpanned,
  nthDueDate,
  PLAN_FREQUENCIES,
  type PlanFrequency,
} from "./plan-calendar.js";

/** Minor units as JSON carries them: a bigint, a safe integer or a string of digits. */
const minorUnits = z
  .union([z.bigint(), z.number().int().nonnegative(), z.string().regex(/^\d+$/)])
  .transform((value) => BigInt(value))
  .refine((value) => value >= 0n, "must not be negative");

const percent = z.number().int().min(0).max(100);

const PlanBandSchema = z.object({
  /** The band covers balances up to this amount; null is "above every other band" (last only). */
  upToMinor: minorUnits.nullable(),
  maxInstallments: z.number().int().min(1).max(520),
  /** Plans for balances in this band always go to a supervisor. */
  requiresSupervisor: z.boolean().default(false),
});

export const PlanPolicySchema = z
  .object({
    bands: z.array(PlanBandSchema).min(1),
    /** Installments below this need a supervisor. */
    minInstallmentMinor: minorUnits,
    /** Installments below this are refused outright (1 € by default). */
    floorInstallmentMinor: minorUnits.default(100n),
    /** From today to the last due date, a started month counting as one. */
    maxDurationMonths: z.number().int().min(1).max(240),
    /** A number for every debtor, or one per kind of debtor. */
    minDownPaymentPercent: z
      .union([percent, z.object({ consumer: percent, business: percent })])
      .transform((value) =>
        typeof value === "number" ? { consumer: value, business: value } : value,
      ),
    frequencies: z
      .array(z.enum(PLAN_FREQUENCIES))
      .min(1)
      .transform((list) => PLAN_FREQUENCIES.filter((frequency) => list.includes(frequency))),
    /** The first payment is due no later than this many days from today. */
    maxStartDelayDays: z.number().int().min(0).max(365),
    /** Off: every plan, even one inside all limits, waits for a supervisor. */
    autoApprove: z.boolean(),
  })
  .superRefine((policy, context) => {
    policy.bands.forEach((band, index) => {
      const previous = policy.bands[index - 1];
      if (band.upToMinor === null && index < policy.bands.length - 1) {
        context.addIssue({
          code: "custom",
          path: ["bands", index, "upToMinor"],
          message: "only the last band may be open-ended",
        });
      }
      if (previous?.upToMinor != null && band.upToMinor !== null) {
        if (band.upToMinor <= previous.upToMinor) {
          context.addIssue({
            code: "custom",
            path: ["bands", index, "upToMinor"],
            message: "bands must be in ascending order of amount",
          });
        }
      }
    });
  });

export type PlanPolicy = z.output<typeof PlanPolicySchema>;
/** The policy as stored and sent as JSON: amounts as strings. */
export type PlanPolicyJson = z.input<typeof PlanPolicySchema>;

/** Up to €500 in 3, €2,000 in 6, €10,000 in 12; above, up to 24 with a supervisor. */
export const DEFAULT_PLAN_POLICY: PlanPolicy = PlanPolicySchema.parse({
  bands: [
    { upToMinor: "50000", maxInstallments: 3 },
    { upToMinor: "200000", maxInstallments: 6 },
    { upToMinor: "1000000", maxInstallments: 12 },
    { upToMinor: null, maxInstallments: 24, requiresSupervisor: true },
  ],
  minInstallmentMinor: "2500",
  floorInstallmentMinor: "100",
  maxDurationMonths: 24,
  minDownPaymentPercent: { consumer: 0, business: 10 },
  frequencies: ["weekly", "biweekly", "monthly"],
  maxStartDelayDays: 30,
  autoApprove: true,
});

export function planPolicyToJson(policy: PlanPolicy): PlanPolicyJson {
  return {
    ...policy,
    bands: policy.bands.map((band) => ({
      ...band,
      upToMinor: band.upToMinor === null ? null : band.upToMinor.toString(),
    })),
    minInstallmentMinor: policy.minInstallmentMinor.toString(),
    floorInstallmentMinor: policy.floorInstallmentMinor.toString(),
  };
}

export type DebtorKind = "consumer" | "business";

export interface PlanProposal {
  balanceMinor: bigint;
  downPaymentMinor?: bigint;
  /** Installments after the down payment. */
  count: number;
  frequency: PlanFrequency;
  firstDueDate: string;
  debtorKind: DebtorKind;
}

export type PlanDecisionKind = "approve" | "needs_supervisor" | "refuse";

export interface PlanReason {
  code: string;
  detail: string;
}

export interface PlanDecision {
  decision: PlanDecisionKind;
  /** Why it is not approved automatically; empty when it is. */
  reasons: PlanReason[];
}

export interface PlanOption {
  count: number;
  frequency: PlanFrequency;
  /** The largest installment (the first ones carry the remainder cents). */
  installmentMinor: bigint;
  /** The down payment the policy asks of this kind of debtor (0n when none). */
  downPaymentMinor: bigint;
}

/**
 * Approve when the proposal is inside every automatic limit (and the tenant approves
 * automatically); send it to a supervisor when it is outside a limit but plausible;
 * refuse only what cannot work. Every reason found is listed, not just the first.
 */
export function decidePlan(
  proposal: PlanProposal,
  policy: PlanPolicy,
  today: string,
): PlanDecision {
  const refusals: PlanReason[] = [];
  const escalations: PlanReason[] = [];
  const refuse = (code: string, detail: string) => refusals.push({ code, detail });
  const escalate = (code: string, detail: string) => escalations.push({ code, detail });

  const { balanceMinor: balance, count, frequency, firstDueDate } = proposal;
  const down = proposal.downPaymentMinor ?? 0n;
  if (balance <= 0n) refuse("nothing_to_plan", "the balance is zero or negative");
  if (!Number.isSafeInteger(count) || count < 1) {
    refuse("count_invalid", "a plan needs at least one installment");
  }
  if (down < 0n || (balance > 0n && down >= balance)) {
    refuse("down_payment_invalid", "the down payment must be at least 0 and less than the balance");
  }
  if (!isRealIsoDate(firstDueDate)) {
    refuse("first_due_date_invalid", `"${firstDueDate}" is not a real date`);
  }
  if (refusals.length > 0) return { decision: "refuse", reasons: refusals };

  const smallest = (balance - down) / BigInt(count);
  if (smallest < policy.floorInstallmentMinor) {
    refuse(
      "installment_below_floor",
      `installments of ${money(smallest)} are below the floor of ${money(policy.floorInstallmentMinor)}`,
    );
  } else if (smallest < policy.minInstallmentMinor) {
    escalate(
      "installment_below_minimum",
      `installments of ${money(smallest)} are below the minimum of ${money(policy.minInstallmentMinor)}`,
    );
  }

  const delay = daysBetween(today, firstDueDate);
  if (delay < 0) refuse("first_due_in_past", `the first due date ${firstDueDate} is before today`);
  else if (delay > 2 * policy.maxStartDelayDays) {
    refuse(
      "start_far_too_late",
      `the plan starts in ${delay} days, more than twice the limit of ${policy.maxStartDelayDays}`,
    );
  } else if (delay > policy.maxStartDelayDays) {
    escalate(
      "start_too_late",
      `the plan starts in ${delay} days, the limit is ${policy.maxStartDelayDays}`,
    );
  }

  if (!policy.frequencies.includes(frequency)) {
    escalate("frequency_not_offered", `${frequency} installments are not offered automatically`);
  }

  const lastDueDate = nthDueDate(firstDueDate, frequency, count - 1);
  const months = monthsSpanned(today, lastDueDate);
  if (months > 2 * policy.maxDurationMonths) {
    refuse(
      "duration_far_too_long",
      `the plan ends on ${lastDueDate}, ${months} months away, more than twice the limit of ${policy.maxDurationMonths}`,
    );
  } else if (months > policy.maxDurationMonths) {
    escalate(
      "duration_too_long",
      `the plan ends on ${lastDueDate}, ${months} months away, the limit is ${policy.maxDurationMonths}`,
    );
  }

  const band = bandFor(balance, policy);
  if (!band) {
    escalate("balance_above_bands", `no band covers a balance of ${money(balance)}`);
  } else {
    if (band.requiresSupervisor) {
      escalate(
        "balance_needs_supervisor",
        `plans for a balance of ${money(balance)} need a supervisor`,
      );
    }
    if (count > band.maxInstallments) {
      escalate(
        "installments_above_band",
        `${count} installments, the band allows ${band.maxInstallments} for a balance of ${money(balance)}`,
      );
    }
  }

  const requiredDown = requiredDownPayment(balance, policy, proposal.debtorKind);
  if (down < requiredDown) {
    escalate(
      "down_payment_below_minimum",
      `a down payment of ${money(down)} is below the required ${money(requiredDown)}`,
    );
  }

  if (refusals.length > 0) return { decision: "refuse", reasons: [...refusals, ...escalations] };
  if (escalations.length === 0 && !policy.autoApprove) {
    escalate("auto_approve_off", "the tenant approves every plan by hand");
  }
  if (escalations.length > 0) return { decision: "needs_supervisor", reasons: escalations };
  return { decision: "approve", reasons: [] };
}

/**
 * The plans the portal can offer for automatic approval, by frequency then number of
 * installments (two or more; one payment on a later date is a promise to pay, not a plan).
 * The first installment is due on `firstDueDate` (today unless given).
 */
export function planOptions(
  balanceMinor: bigint,
  policy: PlanPolicy,
  today: string,
  options: { debtorKind?: DebtorKind; firstDueDate?: string } = {},
): PlanOption[] {
  const debtorKind = options.debtorKind ?? "consumer";
  const firstDueDate = options.firstDueDate ?? today;
  const band = bandFor(balanceMinor, policy);
  if (!policy.autoApprove || !band || band.requiresSupervisor) return [];
  const downPaymentMinor = requiredDownPayment(balanceMinor, policy, debtorKind);
  const financed = balanceMinor - downPaymentMinor;
  const offers: PlanOption[] = [];
  for (const frequency of policy.frequencies) {
    for (let count = 2; count <= band.maxInstallments; count++) {
      const proposal = {
        balanceMinor,
        downPaymentMinor,
        count,
        frequency,
        firstDueDate,
        debtorKind,
      };
      if (decidePlan(proposal, policy, today).decision !== "approve") continue;
      const installmentMinor = (financed + BigInt(count) - 1n) / BigInt(count);
      offers.push({ count, frequency, installmentMinor, downPaymentMinor });
    }
  }
  return offers;
}

function bandFor(balance: bigint, policy: PlanPolicy): PlanPolicy["bands"][number] | undefined {
  return policy.bands.find((band) => band.upToMinor === null || balance <= band.upToMinor);
}

/** The policy's minimum down payment, rounded up to the cent. */
function requiredDownPayment(balance: bigint, policy: PlanPolicy, kind: DebtorKind): bigint {
  const percentage = BigInt(policy.minDownPaymentPercent[kind]);
  return (balance * percentage + 99n) / 100n;
}

const money = (minor: bigint) => formatDecimal(minor);
