/** The postal code line of an address, found so print shops can sort mail by destination. */
export interface PostalDestination {
  postalCode: string;
  city: string;
  /** Italian province code ("RM"), when the line carries one. */
  province: string;
  /** Lines after the postal code line: the country of a foreign address. */
  country: string;
}

// "00100 ROMA RM", "20121 Milano (MI)", "00100 Roma"
const ITALIAN_LINE = /^(\d{5})\s+(.+?)(?:\s+\(?([A-Z]{2})\)?)?$/;
// "D-10115 Berlin", "1010 Wien", "75008 PARIS", "CH-8001 Zürich"
const FOREIGN_LINE = /^((?:[A-Z]{1,3}-)?\d{4,5})\s+(.+)$/;

export function findPostalDestination(lines: string[]): PostalDestination | undefined {
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = (lines[index] ?? "").trim();
    const country = lines
      .slice(index + 1)
      .map((rest) => rest.trim())
      .join(" ");
    const italian = ITALIAN_LINE.exec(line);
    if (italian) {
      const [, postalCode = "", city = "", province = ""] = italian;
      return { postalCode, city, province, country };
    }
    const foreign = FOREIGN_LINE.exec(line);
    if (foreign) {
      const [, postalCode = "", city = ""] = foreign;
      return { postalCode, city, province: "", country };
    }
  }
  return undefined;
}
