/** Reading a scanned element tree by local names. */
import type { XmlNode } from "./xml-scanner.js";

export function child(node: XmlNode, name: string): XmlNode | undefined {
  for (const c of node.children) if (c.name === name) return c;
  return undefined;
}

export function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

/** Paths are a handful of constants: split each once, not on every call. */
const SPLIT_PATHS = new Map<string, string[]>();

function segments(path: string): string[] {
  let split = SPLIT_PATHS.get(path);
  if (!split) {
    split = path.split("/");
    SPLIT_PATHS.set(path, split);
  }
  return split;
}

/** Follows a path of local names ("Refs/EndToEndId"), first match at each step. */
export function nodeAt(node: XmlNode, path: string): XmlNode | undefined {
  let current: XmlNode | undefined = node;
  for (const segment of segments(path)) {
    current = child(current, segment);
    if (!current) return undefined;
  }
  return current;
}

/** The text at a path; undefined when the element is missing or empty. */
export function textAt(node: XmlNode, path: string): string | undefined {
  const text = nodeAt(node, path)?.text;
  return text === "" ? undefined : text;
}

/** Every element at the end of a path, expanding repeated elements at each step. */
export function nodesAt(node: XmlNode, path: string): XmlNode[] {
  let current = [node];
  for (const segment of segments(path)) {
    const next: XmlNode[] = [];
    for (const n of current) for (const c of n.children) if (c.name === segment) next.push(c);
    current = next;
  }
  return current;
}
