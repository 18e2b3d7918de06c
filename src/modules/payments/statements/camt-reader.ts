/**
 * Field reading for camt mapping: every value that can be wrong is read through
 * here, so each error names the file, the line of the element and its path.
 */
import { isCurrencyCode, isoAmountToMinor } from "./amounts.js";
import { dateFromIsoDate, dateFromIsoDateTime } from "./dates.js";
import { StatementError } from "./statement-error.js";
import { lineAt } from "./text-lines.js";
import { child, nodeAt } from "./xml-node.js";
import type { XmlNode } from "./xml-scanner.js";

export interface Money {
  minor: bigint;
  currency: string;
}

export class CamtReader {
  constructor(
    readonly fileName: string,
    private readonly text: string,
  ) {}

  /** Throws for `element` (a path such as "Ntry/Amt"), at the line of `node`. */
  fail(node: XmlNode | undefined, element: string | undefined, reason: string): never {
    const line = node ? lineAt(this.text, node.offset) : undefined;
    throw new StatementError({ file: this.fileName, line, element, reason });
  }

  /** The element at `path` below `node`; `where` is the path of `node` for messages. */
  required(node: XmlNode, path: string, where: string): XmlNode {
    const found = nodeAt(node, path);
    if (!found) this.fail(node, join(where, path), "is missing");
    return found;
  }

  requiredText(node: XmlNode, path: string, where: string): string {
    const found = this.required(node, path, where);
    if (found.text === "") this.fail(found, join(where, path), "is empty");
    return found.text;
  }

  /** An <Amt Ccy="EUR">12.50</Amt> element as minor units. */
  amount(amt: XmlNode, element: string): Money {
    const currency = amt.attributes?.Ccy;
    if (currency === undefined) this.fail(amt, element, "has no Ccy attribute");
    if (!isCurrencyCode(currency)) {
      this.fail(amt, element, `Ccy "${currency}" is not an ISO 4217 currency code`);
    }
    const result = isoAmountToMinor(amt.text, currency);
    if (!result.ok) this.fail(amt, element, result.reason);
    return { minor: result.minor, currency };
  }

  /** CRDT/DBIT of the CdtDbtInd child of `node`. */
  direction(node: XmlNode, where: string): "credit" | "debit" {
    const indicator = this.requiredText(node, "CdtDbtInd", where);
    if (indicator === "CRDT") return "credit";
    if (indicator === "DBIT") return "debit";
    return this.fail(
      child(node, "CdtDbtInd"),
      join(where, "CdtDbtInd"),
      `"${indicator}" is neither CRDT nor DBIT`,
    );
  }

  /** A date choice (BookgDt, ValDt, Bal/Dt): its Dt, or the date part of its DtTm. */
  dateChoice(node: XmlNode | undefined, element: string): string | undefined {
    if (!node) return undefined;
    const dt = child(node, "Dt");
    if (dt) return this.date(dt, `${element}/Dt`);
    const dtTm = child(node, "DtTm");
    if (dtTm) return this.dateTime(dtTm, `${element}/DtTm`);
    return this.fail(node, element, "has neither Dt nor DtTm");
  }

  date(node: XmlNode, element: string): string {
    const date = dateFromIsoDate(node.text);
    if (date === undefined) this.fail(node, element, `"${node.text}" is not a date (YYYY-MM-DD)`);
    return date;
  }

  /** The date part of an ISO date-time. */
  dateTime(node: XmlNode, element: string): string {
    const date = dateFromIsoDateTime(node.text);
    if (date === undefined) {
      this.fail(node, element, `"${node.text}" is not a date-time (YYYY-MM-DDThh:mm:ss)`);
    }
    return date;
  }
}

export function join(where: string, path: string): string {
  return where === "" ? path : `${where}/${path}`;
}
