import { describe, expect, it } from "vitest";
import { findPostalDestination } from "./postal-address.js";

describe("findPostalDestination", () => {
  it.each([
    [
      ["Via Roma 1", "00100 ROMA RM"],
      { postalCode: "00100", city: "ROMA", province: "RM", country: "" },
    ],
    [
      ["Via Roma 1", "20121 Milano (MI)"],
      { postalCode: "20121", city: "Milano", province: "MI", country: "" },
    ],
    [
      ["Piazza Duomo 1", "50122 Firenze"],
      { postalCode: "50122", city: "Firenze", province: "", country: "" },
    ],
    [
      ["Unter den Linden 1", "D-10117 Berlin", "GERMANIA"],
      { postalCode: "D-10117", city: "Berlin", province: "", country: "GERMANIA" },
    ],
    [
      ["Ringstraße 1", "1010 Wien", "AUSTRIA"],
      { postalCode: "1010", city: "Wien", province: "", country: "AUSTRIA" },
    ],
  ])("reads %j", (lines, expected) => {
    expect(findPostalDestination(lines)).toEqual(expected);
  });

  it("finds nothing in an address without a postal code", () => {
    expect(findPostalDestination(["10 Downing Street", "LONDON", "SW1A 2AA"])).toBeUndefined();
  });
});
