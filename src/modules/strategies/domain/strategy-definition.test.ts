import { describe, expect, it } from "vitest";
import {
  type StrategyDefinitionInput,
  strategyDefinition,
  strategyJsonSchema,
} from "./strategy-definition.js";

function minimal(): StrategyDefinitionInput {
  return {
    key: "small-balances",
    name: { it: "Piccoli importi", en: "Small balances" },
    description: { it: "Solo email e SMS", en: "Email and SMS only" },
    variants: [
      {
        key: "champion",
        weight: 1,
        steps: [
          {
            id: "caring",
            timing: { anchor: "due_date", offsetDays: -5, at: "10:00" },
            channel: "email",
            template: "caring.courtesy",
            fallback: ["sms"],
            conditions: { stages: ["pre_due"] },
          },
          {
            id: "reminder",
            timing: { anchor: "previous_step", offsetDays: 6, at: "09:30" },
            channel: "sms",
            template: "reminder.first",
            moveToStage: "early",
          },
        ],
      },
    ],
  };
}

/** The minimal definition with one change applied. */
function withChange(change: (definition: StrategyDefinitionInput) => void) {
  const definition = structuredClone(minimal());
  change(definition);
  return strategyDefinition.safeParse(definition);
}

interface JsonSchemaNode {
  $schema?: string;
  required?: string[];
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  enum?: unknown[];
  pattern?: string;
  default?: unknown;
}

function firstStep(definition: StrategyDefinitionInput) {
  return definition.variants[0]!.steps[0]!;
}

describe("strategy definition", () => {
  it("accepts a good definition and fills the defaults", () => {
    const parsed = strategyDefinition.parse(minimal());
    expect(parsed.appliesTo).toEqual({ priority: 0 });
    expect(parsed.variants[0]!.steps[1]!.fallback).toEqual([]);
  });

  it("accepts segment rules and champion/challenger variants", () => {
    const result = withChange((d) => {
      d.appliesTo = {
        amountMinor: { min: 0, max: 50_000 },
        segments: ["utility"],
        riskClasses: ["low", "medium"],
        debtorKind: "person",
        languages: ["it"],
        priority: 5,
      };
      d.variants.push({ ...structuredClone(d.variants[0]!), key: "sms_first", weight: 0.25 });
    });
    expect(result.success).toBe(true);
  });

  it.each([
    [
      "duplicate step ids",
      (d: StrategyDefinitionInput) => {
        d.variants[0]!.steps[1]!.id = "caring";
      },
      "duplicate step id: caring",
    ],
    [
      "previous_step anchor on the first step",
      (d: StrategyDefinitionInput) => {
        firstStep(d).timing.anchor = "previous_step";
      },
      "no previous step",
    ],
    [
      "a zero weight",
      (d: StrategyDefinitionInput) => {
        d.variants[0]!.weight = 0;
      },
      "expected number to be >0",
    ],
    [
      "a negative weight",
      (d: StrategyDefinitionInput) => {
        d.variants[0]!.weight = -1;
      },
      "expected number to be >0",
    ],
    [
      "no champion",
      (d: StrategyDefinitionInput) => {
        d.variants[0]!.key = "only";
      },
      'must be "champion"',
    ],
    [
      "duplicate variant keys",
      (d: StrategyDefinitionInput) => {
        d.variants.push(structuredClone(d.variants[0]!));
      },
      "duplicate variant key",
    ],
    [
      "time 9:00",
      (d: StrategyDefinitionInput) => {
        firstStep(d).timing.at = "9:00";
      },
      "HH:MM",
    ],
    [
      "time 24:00",
      (d: StrategyDefinitionInput) => {
        firstStep(d).timing.at = "24:00";
      },
      "HH:MM",
    ],
    [
      "time 12:60",
      (d: StrategyDefinitionInput) => {
        firstStep(d).timing.at = "12:60";
      },
      "HH:MM",
    ],
    [
      "fractional offset",
      (d: StrategyDefinitionInput) => {
        firstStep(d).timing.offsetDays = 1.5;
      },
      "expected int",
    ],
    [
      "an unknown channel",
      (d: StrategyDefinitionInput) => {
        (firstStep(d) as { channel: string }).channel = "fax";
      },
      "Invalid option",
    ],
    [
      "an unknown fallback channel",
      (d: StrategyDefinitionInput) => {
        (firstStep(d) as { fallback: string[] }).fallback = ["pigeon"];
      },
      "Invalid option",
    ],
    [
      "a template id with spaces",
      (d: StrategyDefinitionInput) => {
        firstStep(d).template = "first reminder";
      },
      "template id",
    ],
    [
      "an upper-case key",
      (d: StrategyDefinitionInput) => {
        d.key = "Small Balances";
      },
      "lower-case",
    ],
    [
      "an amount band with max below min",
      (d: StrategyDefinitionInput) => {
        d.appliesTo = { amountMinor: { min: 10_000, max: 5_000 } };
      },
      "max must be above min",
    ],
    [
      "a fractional amount",
      (d: StrategyDefinitionInput) => {
        firstStep(d).conditions = { minBalanceMinor: 10.5 };
      },
      "expected int",
    ],
    [
      "no steps",
      (d: StrategyDefinitionInput) => {
        d.variants[0]!.steps = [];
      },
      ">=1",
    ],
    [
      "a missing English name",
      (d: StrategyDefinitionInput) => {
        (d.name as { en?: string }).en = undefined;
      },
      "expected string",
    ],
    [
      "an unknown stage",
      (d: StrategyDefinitionInput) => {
        (firstStep(d) as { moveToStage?: string }).moveToStage = "court";
      },
      "Invalid option",
    ],
  ])("refuses %s", (_name, change, message) => {
    const result = withChange(change);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message).join(" | ")).toContain(message);
  });

  it("publishes a JSON Schema of what an editor sends", () => {
    const schema = strategyJsonSchema() as JsonSchemaNode;
    /** The node at a path of property names; "[]" steps into array items. */
    const at = (...path: string[]): JsonSchemaNode =>
      path.reduce<JsonSchemaNode>((node, name) => {
        const next = name === "[]" ? node.items : node.properties?.[name];
        if (!next) throw new Error(`no ${name} in the schema`);
        return next;
      }, schema);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.required).toEqual(["key", "name", "description", "variants"]);
    const step = ["variants", "[]", "steps", "[]"];
    expect(at(...step).required).toEqual(["id", "timing", "channel", "template"]);
    expect(at(...step, "channel").enum).toEqual([
      "email",
      "sms",
      "call",
      "voice",
      "letter",
      "registered_letter",
      "pec",
    ]);
    expect(at(...step, "fallback", "[]").enum).toEqual(at(...step, "channel").enum);
    expect(at(...step, "timing", "anchor").enum).toEqual([
      "due_date",
      "previous_step",
      "case_opened",
    ]);
    const atPattern = new RegExp(at(...step, "timing", "at").pattern ?? "");
    expect(["09:00", "23:59", "00:00"].every((t) => atPattern.test(t))).toBe(true);
    expect(["9:00", "24:00", "12:60"].some((t) => atPattern.test(t))).toBe(false);
    expect(at("appliesTo", "debtorKind").enum).toEqual(["person", "company"]);
    expect(at("appliesTo", "priority").default).toBe(0);
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});
