import { describe, expect, it } from "vitest";
import { findAmounts } from "./promise-amount.js";

describe("findAmounts", () => {
  it.each([
    ["pago 50 euro", [5000n]],
    ["€ 50,00", [5000n]],
    ["50€", [5000n]],
    ["€50", [5000n]],
    ["euro 1.200", [120000n]],
    ["1.234,56 euro", [123456n]],
    ["100 eur e 20,5 euro", [10000n, 2050n]],
    ["pago il 15", []],
    ["3331234567", []],
  ])("%s", (text, amounts) => {
    expect(findAmounts(text)).toEqual(amounts);
  });
});
