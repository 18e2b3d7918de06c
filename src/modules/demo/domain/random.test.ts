import { describe, expect, it } from "vitest";
import { SeededRandom } from "./random.js";

const draw = (rng: SeededRandom, n: number) => Array.from({ length: n }, () => rng.next());

describe("SeededRandom", () => {
  it("repeats the same sequence for the same seed and label", () => {
    expect(draw(new SeededRandom(7, "a"), 50)).toEqual(draw(new SeededRandom(7, "a"), 50));
  });

  it("gives independent streams for different seeds or labels", () => {
    const base = draw(new SeededRandom(7, "a"), 20);
    expect(draw(new SeededRandom(8, "a"), 20)).not.toEqual(base);
    expect(draw(new SeededRandom(7, "b"), 20)).not.toEqual(base);
    expect(draw(new SeededRandom(7).stream("a"), 20)).toEqual(base);
  });

  it("stays in range and is roughly uniform", () => {
    const rng = new SeededRandom(1);
    const counts = new Array<number>(10).fill(0);
    let outOfRange = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = rng.next();
      if (!(x >= 0 && x < 1)) outOfRange++;
      else counts[Math.floor(x * 10)]!++;
    }
    expect(outOfRange).toBe(0);
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  it("draws integers within both bounds, both reachable", () => {
    const rng = new SeededRandom(2);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(rng.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it("follows the weights", () => {
    const rng = new SeededRandom(3);
    let heavy = 0;
    for (let i = 0; i < 10_000; i++)
      if (
        rng.weighted([
          ["heavy", 9],
          ["light", 1],
        ] as const) === "heavy"
      )
        heavy++;
    expect(heavy).toBeGreaterThan(8700);
    expect(heavy).toBeLessThan(9300);
  });

  it("shuffles into a permutation without touching the input", () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = new SeededRandom(4).shuffle(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...out].sort()).toEqual(input);
  });
});
