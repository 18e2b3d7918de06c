import { parseAmount } from "../../../../platform/money";
import { FatturaParseError } from "./errors";
import { elementAt, pathOf, type XmlElement } from "./xml-tree";

/**
 * Reads typed values out of FatturaPA elements. Every failure names the file, the
 * element path and the line, because the person fixing it has only the XML.
 */
export class FieldReader {
  constructor(readonly fileName: string) {}

  fail(element: XmlElement, reason: string, relPath?: string): FatturaParseError {
    const where = relPath ? pathOf(element, relPath) : element.path || element.name;
    return new FatturaParseError(this.fileName, where, reason, element.line);
  }

  optionalElement(element: XmlElement, relPath: string): XmlElement | undefined {
    return elementAt(element, relPath);
  }

  requiredElement(element: XmlElement, relPath: string): XmlElement {
    const found = elementAt(element, relPath);
    if (!found) throw this.missing(element, relPath);
    return found;
  }

  /** Text of a descendant; undefined when the element is absent or empty. */
  optionalText(element: XmlElement, relPath: string): string | undefined {
    const text = elementAt(element, relPath)?.text;
    return text ? text : undefined;
  }

  requiredText(element: XmlElement, relPath: string): string {
    const found = elementAt(element, relPath);
    if (!found) throw this.missing(element, relPath);
    if (!found.text) throw this.fail(found, `required element ${relPath} is empty`, "");
    return found.text;
  }

  /** FatturaPA amounts are xs:decimal with a dot ("1234.50"), no grouping, optional minus. */
  optionalAmount(element: XmlElement, relPath: string, exponent: number): bigint | undefined {
    const found = elementAt(element, relPath);
    if (!found?.text) return undefined;
    return this.amountOf(found, exponent);
  }

  requiredAmount(element: XmlElement, relPath: string, exponent: number): bigint {
    const found = elementAt(element, relPath);
    if (!found) throw this.missing(element, relPath);
    return this.amountOf(found, exponent);
  }

  amountOf(element: XmlElement, exponent: number): bigint {
    const text = element.text;
    const minor = /^[-+]?\d+(\.\d+)?$/.test(text) ? parseAmount(text, exponent, "dot") : null;
    if (minor === null) {
      throw new FatturaParseError(
        this.fileName,
        element.path,
        `"${text}" is not an amount with at most ${exponent} decimals (expected e.g. "1234.50")`,
        element.line,
      );
    }
    return minor;
  }

  /**
   * xs:date may carry a time zone ("2015-07-01+02:00", "2015-07-01Z"); a due date is a
   * calendar day, so the zone is dropped and the date part kept as written.
   */
  optionalDate(element: XmlElement, relPath: string): string | undefined {
    const found = elementAt(element, relPath);
    if (!found?.text) return undefined;
    return this.dateOf(found);
  }

  requiredDate(element: XmlElement, relPath: string): string {
    const found = elementAt(element, relPath);
    if (!found) throw this.missing(element, relPath);
    return this.dateOf(found);
  }

  dateOf(element: XmlElement): string {
    const match = /^(\d{4})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$/.exec(element.text);
    if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
      throw new FatturaParseError(
        this.fileName,
        element.path,
        `"${element.text}" is not a date (expected YYYY-MM-DD)`,
        element.line,
      );
    }
    return `${match[1]}-${match[2]}-${match[3]}`;
  }

  optionalInteger(element: XmlElement, relPath: string): number | undefined {
    const found = elementAt(element, relPath);
    if (!found?.text) return undefined;
    if (!/^\d{1,4}$/.test(found.text)) {
      throw this.fail(found, `"${found.text}" is not a whole number of days`, "");
    }
    return Number(found.text);
  }

  /** Names the first missing step, so "DatiGenerali" is reported rather than its child. */
  private missing(element: XmlElement, relPath: string): FatturaParseError {
    const segments = relPath.split("/");
    let current = element;
    for (let i = 0; i < segments.length; i++) {
      const next = elementAt(current, segments[i]!);
      if (!next) {
        const missingPath = pathOf(current, segments[i]!);
        return new FatturaParseError(
          this.fileName,
          missingPath,
          `required element ${missingPath} is missing`,
          current.line,
        );
      }
      current = next;
    }
    return this.fail(element, `required element ${relPath} is missing`, relPath);
  }
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}
