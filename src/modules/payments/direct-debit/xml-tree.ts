/** A minimal element tree and its serialisation: enough for the pain messages we write. */
import { escapeXml } from "./sepa-text.js";

export interface XmlElement {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, string>>;
  readonly text?: string;
  readonly children?: readonly XmlElement[];
}

/** An element with text or children; `undefined` children are left out, so optional parts read inline. */
export function element(
  name: string,
  content: string | readonly (XmlElement | undefined)[],
  attributes?: Readonly<Record<string, string>>,
): XmlElement {
  if (typeof content === "string") return { name, text: content, attributes };
  const children = content.filter((child): child is XmlElement => child !== undefined);
  return { name, children, attributes };
}

export function xmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(root, 0)}\n`;
}

function serialize(node: XmlElement, depth: number): string {
  const indent = "  ".repeat(depth);
  const attributes = Object.entries(node.attributes ?? {})
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join("");
  if (node.text !== undefined) {
    return `${indent}<${node.name}${attributes}>${escapeXml(node.text)}</${node.name}>`;
  }
  const children = (node.children ?? []).map((child) => serialize(child, depth + 1));
  return [`${indent}<${node.name}${attributes}>`, ...children, `${indent}</${node.name}>`].join(
    "\n",
  );
}
