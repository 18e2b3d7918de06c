import { describe, expect, it } from "vitest";
import { assignVariant, hash32 } from "./assign-variant.js";

const CONSUMER = [
  { key: "champion", weight: 0.8 },
  { key: "sms_first", weight: 0.2 },
];

/** Deterministic UUID-shaped ids, so the test does not depend on randomness. */
function uuidLike(i: number): string {
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  const a = hash32(`a${i}`);
  const b = hash32(`b${i}`);
  return `${hex(a)}-${hex(b).slice(0, 4)}-4${hex(b).slice(5, 8)}-8${hex(a ^ b).slice(1, 4)}-${hex(i)}0000`;
}

function shares(ids: string[], strategyKey: string, variants: typeof CONSUMER) {
  const counts = new Map<string, number>();
  for (const id of ids) {
    const key = assignVariant(id, strategyKey, variants);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].map(([key, count]) => [key, count / ids.length]));
}

describe("champion/challenger assignment", () => {
  it("is pinned: the same case gets the same variant in every process and release", () => {
    expect(hash32("")).toBe(2872998923);
    expect(hash32("consumer-utility:case-1")).toBe(3222711486);
    const first = Array.from({ length: 12 }, (_, i) =>
      assignVariant(`case-${i + 1}`, "consumer-utility", CONSUMER),
    );
    expect(first.join(",")).toBe(
      "champion,champion,champion,champion,champion,champion,champion,champion,champion,sms_first,champion,champion",
    );
  });

  it("is stable across repeated calls", () => {
    for (let i = 0; i < 1000; i++) {
      const id = uuidLike(i);
      const once = assignVariant(id, "consumer-utility", CONSUMER);
      expect(assignVariant(id, "consumer-utility", CONSUMER)).toBe(once);
    }
  });

  it.each([
    ["sequential ids", (i: number) => `case-${i}`],
    ["UUID-shaped ids", uuidLike],
  ])("splits 10,000 %s within ±2%% of the weights", (_name, makeId) => {
    const ids = Array.from({ length: 10_000 }, (_, i) => makeId(i));
    const twoWay = shares(ids, "consumer-utility", CONSUMER);
    expect(Math.abs((twoWay.champion ?? 0) - 0.8)).toBeLessThan(0.02);
    expect(Math.abs((twoWay.sms_first ?? 0) - 0.2)).toBeLessThan(0.02);

    const threeWay = shares(ids, "b2b-supplier", [
      { key: "champion", weight: 5 },
      { key: "pec_first", weight: 3 },
      { key: "call_first", weight: 2 },
    ]);
    expect(Math.abs((threeWay.champion ?? 0) - 0.5)).toBeLessThan(0.02);
    expect(Math.abs((threeWay.pec_first ?? 0) - 0.3)).toBeLessThan(0.02);
    expect(Math.abs((threeWay.call_first ?? 0) - 0.2)).toBeLessThan(0.02);
  });

  it("draws independently per strategy, so experiments do not share their challengers", () => {
    const half = [
      { key: "champion", weight: 1 },
      { key: "challenger", weight: 1 },
    ];
    const ids = Array.from({ length: 10_000 }, (_, i) => `case-${i}`);
    const both = ids.filter(
      (id) =>
        assignVariant(id, "strategy-a", half) === "challenger" &&
        assignVariant(id, "strategy-b", half) === "challenger",
    ).length;
    expect(Math.abs(both / ids.length - 0.25)).toBeLessThan(0.02);
  });

  it("gives every case the only variant of a single-variant strategy", () => {
    expect(assignVariant("case-7", "b2b-supplier", [{ key: "champion", weight: 1 }])).toBe(
      "champion",
    );
  });

  it("refuses a strategy without a positive weight", () => {
    expect(() => assignVariant("case-7", "x", [])).toThrow(RangeError);
    expect(() => assignVariant("case-7", "x", [{ key: "champion", weight: 0 }])).toThrow(
      RangeError,
    );
  });
});
