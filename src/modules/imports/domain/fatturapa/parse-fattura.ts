import { FatturaParseError } from "./errors";
import { FieldReader } from "./field-reader";
import { readBody } from "./parse-body";
import { readCustomer, readSupplier, readTransmission } from "./parse-parties";
import type { FatturaDocument, FatturaFormat } from "./types";
import { childrenNamed, parseXmlTree } from "./xml-tree";

const FORMATS: readonly string[] = ["FPA12", "FPR12"] satisfies FatturaFormat[];

/**
 * Reads a FatturaPA 1.2 XML text (as returned by unwrapFatturaFile) into a
 * FatturaDocument. Elements are matched by local name, whatever the root prefix.
 * Throws FatturaParseError naming the element path when a needed element is missing
 * or malformed.
 */
export function parseFattura(xml: string, fileName: string): FatturaDocument {
  const root = parseXmlTree(xml, fileName);
  const r = new FieldReader(fileName);

  if (root.name === "FatturaElettronicaSemplificata") {
    throw new FatturaParseError(
      fileName,
      root.name,
      "simplified invoices (FatturaElettronicaSemplificata, FSM10) are not supported; only FPA12 and FPR12",
      root.line,
    );
  }
  if (root.name !== "FatturaElettronica") {
    throw new FatturaParseError(
      fileName,
      root.name,
      `not a FatturaPA document: the root element is <${root.name}>, expected <FatturaElettronica>`,
      root.line,
    );
  }

  const header = r.requiredElement(root, "FatturaElettronicaHeader");
  // versione is required on the root; FormatoTrasmissione says the same and rescues files that lack it.
  const version = (
    root.attributes.versione ?? r.optionalText(header, "DatiTrasmissione/FormatoTrasmissione")
  )?.toUpperCase();
  if (!version || !FORMATS.includes(version)) {
    throw new FatturaParseError(
      fileName,
      `${root.name}/@versione`,
      version
        ? `unsupported FatturaPA version "${version}"; only FPA12 and FPR12 are supported`
        : "the versione attribute (FPA12 or FPR12) is missing",
      root.line,
    );
  }

  const bodyElements = childrenNamed(root, "FatturaElettronicaBody");
  if (bodyElements.length === 0) {
    throw new FatturaParseError(
      fileName,
      "FatturaElettronicaBody",
      "required element FatturaElettronicaBody is missing",
      root.line,
    );
  }

  return {
    format: version as FatturaFormat,
    transmission: readTransmission(r, header),
    supplier: readSupplier(r, header),
    customer: readCustomer(r, header),
    bodies: bodyElements.map((body, i) => readBody(r, body, i + 1)),
  };
}
