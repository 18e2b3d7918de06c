import * as codiceFiscaleModule from "codice-fiscale-js";
import { describe, expect, it } from "vitest";
import { isValidPersonalTaxCode, isValidVatNumber } from "../../debtors/domain/tax-ids.js";
import { FOREIGN_BIRTH_COUNTRIES, PLACES } from "./places.js";
import { omocodiaVariant, personalTaxCode, vatNumber } from "./tax-codes.js";
import { DEFAULT_DEMO_SIZE, DEMO_AGENCY, DEMO_TENANTS } from "./tenants.js";

const { CodiceFiscale } = codiceFiscaleModule as unknown as {
  CodiceFiscale: {
    compute(input: object): string;
    findLocationCode(name: string, province?: string): string;
  };
};

describe("codice fiscale", () => {
  it("matches the library's full computation", () => {
    const people = [
      {
        firstName: "Mario",
        lastName: "Rossi",
        gender: "M",
        day: 1,
        month: 3,
        year: 1980,
        place: "Milano",
        prov: "MI",
      },
      {
        firstName: "Maria",
        lastName: "D'Angelo",
        gender: "F",
        day: 29,
        month: 2,
        year: 1964,
        place: "Napoli",
        prov: "NA",
      },
      {
        firstName: "Nicolò",
        lastName: "De Luca",
        gender: "M",
        day: 31,
        month: 12,
        year: 2001,
        place: "Bergamo",
        prov: "BG",
      },
      {
        firstName: "Ida",
        lastName: "Fo",
        gender: "F",
        day: 5,
        month: 7,
        year: 1950,
        place: "Palermo",
        prov: "PA",
      },
    ] as const;
    for (const p of people) {
      const expected = CodiceFiscale.compute({
        name: p.firstName,
        surname: p.lastName,
        gender: p.gender,
        day: p.day,
        month: p.month,
        year: p.year,
        birthplace: p.place,
        birthplaceProvincia: p.prov,
      });
      const ours = personalTaxCode({
        firstName: p.firstName,
        lastName: p.lastName,
        gender: p.gender,
        birthDay: p.day,
        birthMonth: p.month,
        birthYear: p.year,
        birthplaceCode: CodiceFiscale.findLocationCode(p.place, p.prov),
      });
      expect(ours).toBe(expected);
      expect(isValidPersonalTaxCode(ours)).toBe(true);
    }
  });

  it("makes valid, distinct omocodia variants", () => {
    const plain = "RSSMRA80C01F205B";
    const variants = [1, 2, 3, 7].map((level) => omocodiaVariant(plain, level));
    expect(variants[0]).toMatch(/^RSSMRA80C01F20R.$/);
    expect(new Set([plain, ...variants]).size).toBe(5);
    for (const v of variants) expect(isValidPersonalTaxCode(v)).toBe(true);
  });

  it("uses the cadastral codes of the library's own comuni list", () => {
    for (const place of PLACES) {
      expect(`${place.name} ${CodiceFiscale.findLocationCode(place.name, place.province)}`).toBe(
        `${place.name} ${place.cadastralCode}`,
      );
    }
    for (const country of FOREIGN_BIRTH_COUNTRIES) {
      expect(CodiceFiscale.findLocationCode(country.name, "EE")).toBe(country.cadastralCode);
    }
  });
});

describe("partita IVA", () => {
  it("pads the company number and adds a valid check digit", () => {
    const vat = vatNumber(123_456, "015");
    expect(vat).toMatch(/^0123456015\d$/);
    expect(isValidVatNumber(vat)).toBe(true);
  });

  it("is valid for the demo creditors and the agency", () => {
    for (const org of [...DEMO_TENANTS, DEMO_AGENCY])
      expect(isValidVatNumber(org.vatNumber)).toBe(true);
    expect(DEMO_TENANTS.map((t) => t.slug).sort()).toEqual(Object.keys(DEFAULT_DEMO_SIZE).sort());
    expect(DEFAULT_DEMO_SIZE.utility + DEFAULT_DEMO_SIZE.b2b).toBe(2000);
  });
});
