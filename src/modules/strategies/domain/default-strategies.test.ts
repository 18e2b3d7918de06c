import { describe, expect, it } from "vitest";
import { DEFAULT_STRATEGIES } from "./default-strategies.js";
import { DEFAULT_TEMPLATES, templatesUsed } from "./default-templates.js";
import { strategyDefinition } from "./strategy-definition.js";

describe("default strategies", () => {
  it("validate against the schema", () => {
    for (const definition of DEFAULT_STRATEGIES) {
      expect(strategyDefinition.safeParse(definition).success).toBe(true);
    }
    expect(DEFAULT_STRATEGIES.map((definition) => definition.key)).toEqual([
      "consumer-utility",
      "b2b-supplier",
    ]);
  });

  it("document every template id they use, with the channels each is sent on", () => {
    const documented = new Map(
      DEFAULT_TEMPLATES.map((template) => [template.id, [...template.channels].sort()]),
    );
    expect(Object.fromEntries(documented)).toEqual(
      Object.fromEntries(templatesUsed(DEFAULT_STRATEGIES)),
    );
  });

  it("run a 20% challenger on the consumer strategy, with the same steps", () => {
    const [consumer] = DEFAULT_STRATEGIES;
    const [champion, challenger] = consumer!.variants;
    expect([champion?.key, champion?.weight]).toEqual(["champion", 0.8]);
    expect([challenger?.key, challenger?.weight]).toEqual(["sms_first", 0.2]);
    expect(challenger?.steps.map((step) => step.id)).toEqual(
      champion?.steps.map((step) => step.id),
    );
    expect(challenger?.steps[0]?.channel).toBe("sms");
  });

  it("follow good practice: caring before the due date, formal notice, then legal", () => {
    for (const definition of DEFAULT_STRATEGIES) {
      for (const variant of definition.variants) {
        const [first] = variant.steps;
        expect(first?.timing.offsetDays).toBeLessThan(0);
        expect(first?.conditions?.stages).toEqual(["pre_due"]);
        expect(variant.steps.map((step) => step.moveToStage).filter(Boolean)).toEqual([
          "early",
          "late",
          "pre_legal",
          "legal",
        ]);
        for (const step of variant.steps) {
          expect(step.name?.it && step.name.en).toBeTruthy();
        }
      }
    }
  });
});
