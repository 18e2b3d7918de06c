/**
 * What a tenant decides about money coming in and agreements: how sure matching must
 * be, how long a promise may run and its grace, the plan policy, and the SEPA
 * creditor identity its direct debits are collected under.
 */
import { z } from "zod";
import { DEFAULT_PLAN_POLICY, PlanPolicySchema } from "../../plans/domain/plan-policy.js";
import { DEFAULT_AUTO_MATCH_THRESHOLD } from "./match-decision.js";

export const PaymentSettingsSchema = z
  .object({
    /** Below this confidence (0–100) a payment waits for a person. */
    autoMatchThreshold: z.number().int().min(50).max(100).default(DEFAULT_AUTO_MATCH_THRESHOLD),
    promises: z
      .object({
        /** Days after the promised date before the promise counts as broken. */
        graceDays: z.number().int().min(0).max(30).default(3),
        /** How far ahead a debtor may promise (the portal and replies respect it). */
        maxDaysAhead: z.number().int().min(1).max(180).default(30),
        /** Added to the case priority when a promise is broken. */
        brokenPriorityBoost: z.number().int().min(0).max(1000).default(100),
      })
      .strict()
      .default({ graceDays: 3, maxDaysAhead: 30, brokenPriorityBoost: 100 }),
    plans: z
      .object({
        policy: PlanPolicySchema.default(DEFAULT_PLAN_POLICY),
        /** Days after an installment's due date before it counts as missed. */
        graceDays: z.number().int().min(0).max(30).default(5),
        /** A missed installment older than this breaks the plan (so do two missed). */
        brokenAfterDays: z.number().int().min(1).max(120).default(30),
      })
      .strict()
      .default({ policy: DEFAULT_PLAN_POLICY, graceDays: 5, brokenAfterDays: 30 }),
    directDebit: z
      .object({
        creditorId: z.string().max(35).optional(),
        creditorName: z.string().max(70).optional(),
        iban: z.string().max(34).optional(),
        bic: z.string().max(11).optional(),
        /** Business days before the due date the pain.008 file must reach the bank. */
        leadDays: z.number().int().min(1).max(14).default(5),
      })
      .strict()
      .default({ leadDays: 5 }),
  })
  .strict();

export type PaymentSettings = z.output<typeof PaymentSettingsSchema>;

export function paymentSettingsOf(stored: unknown): PaymentSettings {
  return PaymentSettingsSchema.parse(stored ?? {});
}
