/** Test helper: the element paths, child order and texts of an XML document, read with fast-xml-parser. */
import { XMLParser } from "fast-xml-parser";

type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

export interface XmlStructure {
  /** Every element path from the root, e.g. "Document/CstmrDrctDbtInitn/GrpHdr/MsgId". */
  readonly paths: ReadonlySet<string>;
  /** For each parent path, the child names of each of its elements, in document order. */
  readonly childSequences: ReadonlyMap<string, string[][]>;
  /** The text of each leaf element, per path, in document order. */
  readonly texts: ReadonlyMap<string, string[]>;
  /** Attributes of each element, per path, in document order. */
  readonly attributes: ReadonlyMap<string, Record<string, string>[]>;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  trimValues: true,
});

export function readXmlStructure(xml: string): XmlStructure {
  const paths = new Set<string>();
  const childSequences = new Map<string, string[][]>();
  const texts = new Map<string, string[]>();
  const attributes = new Map<string, Record<string, string>[]>();
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    map.set(key, [...(map.get(key) ?? []), value]);
  };

  const walk = (nodes: OrderedNode[], parentPath: string) => {
    const childNames: string[] = [];
    for (const node of nodes) {
      const name = Object.keys(node).find((key) => key !== ":@");
      if (name === undefined || name.startsWith("?")) continue;
      if (name === "#text") {
        push(texts, parentPath, String(node[name]));
        continue;
      }
      const path = parentPath === "" ? name : `${parentPath}/${name}`;
      paths.add(path);
      childNames.push(name);
      push(attributes, path, node[":@"] ?? {});
      walk(node[name] as OrderedNode[], path);
    }
    if (parentPath !== "" && childNames.length > 0) push(childSequences, parentPath, childNames);
  };
  walk(parser.parse(xml) as OrderedNode[], "");
  return { paths, childSequences, texts, attributes };
}

/** Each child name's position in the first sequence that mentions it, per parent path. */
export function childOrderOf(structure: XmlStructure): Map<string, string[]> {
  const order = new Map<string, string[]>();
  for (const [parent, sequences] of structure.childSequences) {
    const names: string[] = [];
    for (const name of sequences.flat()) if (!names.includes(name)) names.push(name);
    order.set(parent, names);
  }
  return order;
}

/** Pairs of siblings in `ours` that appear in the opposite order in `reference`. */
export function orderViolations(ours: XmlStructure, reference: XmlStructure): string[] {
  const referenceOrder = childOrderOf(reference);
  const violations: string[] = [];
  for (const [parent, sequences] of ours.childSequences) {
    const expected = referenceOrder.get(parent);
    if (!expected) continue;
    for (const sequence of sequences) {
      const known = sequence.filter((name) => expected.includes(name));
      for (let i = 1; i < known.length; i++) {
        if (expected.indexOf(known[i - 1]!) > expected.indexOf(known[i]!)) {
          violations.push(`${parent}: ${known[i - 1]} before ${known[i]}`);
        }
      }
    }
  }
  return violations;
}
