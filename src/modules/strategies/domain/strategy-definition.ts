/**
 * A collection strategy as data: the JSON a strategist edits, validated here and
 * published as a JSON Schema so editors and the API can check it too.
 */
import { z } from "zod";
import { STAGES } from "../../cases/domain/stage.js";
import { CHANNELS } from "../../policy/domain/contact.js";

/** Keys end up in idempotency keys and URLs: lower case, digits and `_ . -` only. */
const KEY_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
const TEMPLATE_PATTERN = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
/** 00:00–23:59 in the debtor's own time zone. */
export const LOCAL_TIME_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

const key = z.string().regex(KEY_PATTERN, "lower-case letters, digits, '_', '.', '-'");
const channel = z.enum(CHANNELS);
const stage = z.enum(STAGES);
/**
 * Amounts are integer minor units (cents). JSON has no bigint, so a definition
 * holds safe integers (up to 90 trillion euros) and the engine compares them as
 * bigint; they are never floats.
 */
const minorUnits = z.int().nonnegative();

export const localizedText = z
  .object({ it: z.string().trim().min(1), en: z.string().trim().min(1) })
  .describe("The same text in Italian and English");

export const STEP_ANCHORS = ["due_date", "previous_step", "case_opened"] as const;
export type StepAnchor = (typeof STEP_ANCHORS)[number];

export const stepTiming = z
  .object({
    anchor: z.enum(STEP_ANCHORS),
    offsetDays: z
      .int()
      .min(-365)
      .max(3650)
      .describe("Days after the anchor; negative before the due date (pre-due caring)"),
    at: z
      .string()
      .regex(LOCAL_TIME_PATTERN, "a time of day as HH:MM")
      .describe("Preferred time of day (HH:MM) in the debtor's time zone"),
  })
  .describe("When the step falls: anchor day + offsetDays, at the local time");

export const stepConditions = z
  .object({
    minBalanceMinor: minorUnits
      .optional()
      .describe("Run only when the open balance is at least this (minor units)"),
    stages: z.array(stage).min(1).optional().describe("Run only in one of these stages"),
    onlyIfNoPromise: z.boolean().optional().describe("Skip when the debtor promised to pay"),
  })
  .describe("When unmet at the step's time, the step is skipped");

export const strategyStep = z.object({
  id: key.describe("Unique within its variant; kept across versions to carry progress over"),
  name: localizedText.optional(),
  timing: stepTiming,
  channel,
  template: z
    .string()
    .regex(TEMPLATE_PATTERN, "a template id such as reminder.first")
    .describe("Template id; rendered for whichever channel the step ends up on"),
  fallback: z
    .array(channel)
    .default([])
    .describe("Tried in order when the channel is impossible or failed permanently"),
  conditions: stepConditions.optional(),
  moveToStage: stage.optional().describe("Stage the case enters once this step is done"),
});

export const strategyVariant = z.object({
  key: key.describe('"champion" is the baseline every strategy has'),
  weight: z.number().positive().describe("Share of new cases; weights are relative"),
  steps: z.array(strategyStep).min(1),
});

export const DEBTOR_KINDS = ["person", "company"] as const;

export const appliesTo = z
  .object({
    amountMinor: z
      .object({
        min: minorUnits.optional().describe("Inclusive lower bound of the open balance"),
        max: minorUnits.optional().describe("Exclusive upper bound, so bands can touch"),
      })
      .optional(),
    segments: z.array(z.string().min(1)).min(1).optional(),
    riskClasses: z.array(z.string().min(1)).min(1).optional(),
    debtorKind: z.enum(DEBTOR_KINDS).optional(),
    languages: z
      .array(z.string().min(2))
      .min(1)
      .optional()
      .describe('BCP 47 tags; "it" also matches "it-CH"'),
    priority: z.int().default(0).describe("Higher wins when several strategies match"),
  })
  .describe("Which cases the strategy is for; every rule given must match");

export const CHAMPION = "champion";

export const strategyDefinition = z
  .object({
    key,
    name: localizedText,
    description: localizedText,
    appliesTo: appliesTo.default({ priority: 0 }),
    variants: z.array(strategyVariant).min(1),
  })
  .superRefine((definition, ctx) => {
    const variantKeys = definition.variants.map((variant) => variant.key);
    if (!variantKeys.includes(CHAMPION)) {
      ctx.addIssue({
        code: "custom",
        path: ["variants"],
        message: 'one variant must be "champion": the baseline, and where unknown variants go',
      });
    }
    reportDuplicates(variantKeys, ["variants"], "variant key", ctx);
    definition.variants.forEach((variant, v) => {
      const path = ["variants", v, "steps"];
      reportDuplicates(
        variant.steps.map((step) => step.id),
        path,
        "step id",
        ctx,
      );
      if (variant.steps[0]?.timing.anchor === "previous_step") {
        ctx.addIssue({
          code: "custom",
          path: [...path, 0, "timing", "anchor"],
          message: "the first step has no previous step to be timed from",
        });
      }
    });
    const { min, max } = definition.appliesTo.amountMinor ?? {};
    if (min !== undefined && max !== undefined && max <= min) {
      ctx.addIssue({
        code: "custom",
        path: ["appliesTo", "amountMinor", "max"],
        message: "max must be above min",
      });
    }
  });

function reportDuplicates(
  values: string[],
  path: (string | number)[],
  what: string,
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value))
      ctx.addIssue({ code: "custom", path, message: `duplicate ${what}: ${value}` });
    seen.add(value);
  }
}

export type StrategyDefinition = z.output<typeof strategyDefinition>;
/** What an editor may send: defaults (fallback, priority) may be left out. */
export type StrategyDefinitionInput = z.input<typeof strategyDefinition>;
export type StrategyVariant = StrategyDefinition["variants"][number];
export type StrategyStep = StrategyVariant["steps"][number];
export type StepConditions = NonNullable<StrategyStep["conditions"]>;
export type AppliesTo = StrategyDefinition["appliesTo"];

/**
 * The published JSON Schema of a definition (what an editor sends: defaults
 * optional). Cross-field rules (unique ids, a champion, first-step anchor) are
 * checked by `strategyDefinition` only.
 */
export function strategyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(strategyDefinition, { target: "draft-2020-12", io: "input" }) as Record<
    string,
    unknown
  >;
}
