import { XMLParser, XMLValidator } from "fast-xml-parser";
import { FatturaParseError } from "./errors";

/**
 * A small, uniform element tree over fast-xml-parser's output, so the FatturaPA
 * mapping reads elements by local name and every element knows its path and line
 * (for error messages a person can act on).
 */
export interface XmlElement {
  /** Local name: the root carries any prefix (p:, nx:, ns2:...) and children are unqualified. */
  name: string;
  /** Path below the root, e.g. "FatturaElettronicaBody[2]/DatiGenerali"; "" for the root itself. */
  path: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Text content, trimmed, with the predefined XML entities and character references decoded. */
  text: string;
  /** 1-based line of the element's start tag. */
  line: number;
}

// Security requirement: no entity processing and no DOCTYPE. FatturaPA never carries a
// DTD (the SdI schema does not allow one), so a declaration can only be an attack
// (billion laughs, external entities) or junk: reject it before parsing at all.
const DTD_MARKUP = /<!DOCTYPE|<!ENTITY/i;

const parser = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  preserveOrder: true,
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: "#cdata",
  captureMetaData: true,
});
const META = XMLParser.getMetaDataSymbol();

type RawNode = Record<string, unknown>;

export function parseXmlTree(input: string, fileName: string): XmlElement {
  // Some exporters put a blank line before the XML declaration, which XML forbids;
  // skip it, but keep counting lines from the top of the file.
  const lead = /^\s+(?=<\?xml)/.exec(input)?.[0] ?? "";
  const xml = input.slice(lead.length);
  const lineShift = lead.split("\n").length - 1;

  const dtd = DTD_MARKUP.exec(xml);
  if (dtd) {
    throw new FatturaParseError(
      fileName,
      "xml",
      "DOCTYPE/ENTITY declarations are not allowed in a FatturaPA file and are never expanded",
      lineFromOffsets(newlineOffsets(xml), dtd.index) + lineShift,
    );
  }
  // The parser is lenient with unbalanced tags; the validator is not, and says where.
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new FatturaParseError(
      fileName,
      "xml",
      `not well-formed XML: ${valid.err.msg}`,
      valid.err.line + lineShift,
    );
  }
  const nodes = parser.parse(xml) as RawNode[];
  const rootNode = nodes.find((n) => elementName(n) !== undefined);
  if (!rootNode) throw new FatturaParseError(fileName, "xml", "the XML has no root element", 1);
  const newlines = newlineOffsets(xml);
  return toElement(rootNode, "", (offset) => lineFromOffsets(newlines, offset) + lineShift);
}

function elementName(node: RawNode): string | undefined {
  return Object.keys(node).find((k) => k !== ":@" && k !== "#text" && k !== "#cdata");
}

function toElement(node: RawNode, path: string, lineOf: (offset: number) => number): XmlElement {
  const name = elementName(node)!;
  const raw = (node[name] as RawNode[]) ?? [];
  const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[META as symbol];
  const element: XmlElement = {
    name,
    path,
    attributes: decodeAttributes(node[":@"] as Record<string, unknown> | undefined),
    children: [],
    text: "",
    line: meta?.startIndex === undefined ? 1 : lineOf(meta.startIndex),
  };
  const texts: string[] = [];
  const childNodes: RawNode[] = [];
  for (const n of raw) {
    if ("#text" in n) texts.push(decodeXmlEntities(String(n["#text"])));
    else if ("#cdata" in n) texts.push(cdataText(n["#cdata"]));
    else if (elementName(n) !== undefined) childNodes.push(n);
  }
  element.text = texts.join(" ").trim();
  // Index repeated siblings ("FatturaElettronicaBody[2]") so a path names one element.
  const counts = new Map<string, number>();
  for (const n of childNodes) counts.set(elementName(n)!, (counts.get(elementName(n)!) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const n of childNodes) {
    const childName = elementName(n)!;
    const index = (seen.get(childName) ?? 0) + 1;
    seen.set(childName, index);
    const segment = (counts.get(childName) ?? 0) > 1 ? `${childName}[${index}]` : childName;
    element.children.push(toElement(n, path ? `${path}/${segment}` : segment, lineOf));
  }
  return element;
}

// CDATA is literal text: it is not entity-decoded.
function cdataText(value: unknown): string {
  if (!Array.isArray(value)) return "";
  return value.map((v: RawNode) => String(v["#text"] ?? "")).join("");
}

function decodeAttributes(attrs: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs ?? {})) out[k] = decodeXmlEntities(String(v));
  return out;
}

/**
 * With entity processing off the parser leaves even "&amp;" alone, and supplier names
 * such as "ROSSI &amp; FIGLI" are common. The five predefined entities and numeric
 * character references are not expansion risks, so they are decoded here, in one pass
 * (so "&amp;lt;" becomes "&lt;", not "<"). Unknown named references stay as written.
 */
export function decodeXmlEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (whole, ref: string) => {
    switch (ref) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
    }
    const code = ref.startsWith("#x") ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function newlineOffsets(text: string): number[] {
  const offsets: number[] = [];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) offsets.push(i);
  return offsets;
}

/** Number of newlines before the offset, plus one (binary search). */
function lineFromOffsets(newlines: number[], offset: number): number {
  let lo = 0;
  let hi = newlines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (newlines[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

/** The first child with this local name. */
export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

/** All children with this local name, in document order. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

/** Follows a relative path of local names ("DatiGenerali/DatiGeneraliDocumento"), first match at each step. */
export function elementAt(element: XmlElement, relPath: string): XmlElement | undefined {
  let current: XmlElement | undefined = element;
  for (const segment of relPath.split("/")) {
    current = current && childNamed(current, segment);
  }
  return current;
}

/** Every element at the end of a relative path, expanding repeated elements at each step. */
export function elementsAt(element: XmlElement, relPath: string): XmlElement[] {
  let current = [element];
  for (const segment of relPath.split("/")) {
    current = current.flatMap((e) => childrenNamed(e, segment));
  }
  return current;
}

/** The path of an element's (possibly missing) descendant, for error messages. */
export function pathOf(element: XmlElement, relPath: string): string {
  return element.path ? `${element.path}/${relPath}` : relPath;
}
