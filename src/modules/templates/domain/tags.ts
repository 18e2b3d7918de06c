/**
 * Mustache's parse tree in named shapes, and offsets turned into line and column,
 * so validation can say where a problem is.
 */
import Mustache from "mustache";

export type TagKind =
  | "variable"
  | "unescaped"
  | "section"
  | "inverted"
  | "partial"
  | "comment"
  | "delimiters";

export interface TemplateTag {
  kind: TagKind;
  name: string;
  /** Offset of the opening "{{" in the source. */
  start: number;
  /** Tags inside a section or inverted section. */
  children: TemplateTag[];
}

const KINDS: Readonly<Record<string, TagKind>> = {
  name: "variable",
  "&": "unescaped",
  "#": "section",
  "^": "inverted",
  ">": "partial",
  "!": "comment",
  "=": "delimiters",
};

/** The tags of a template, nested as sections nest. Throws mustache's Error on a syntax error. */
export function parseTags(source: string): TemplateTag[] {
  return toTags(Mustache.parse(source));
}

function toTags(spans: Mustache.TemplateSpans): TemplateTag[] {
  const tags: TemplateTag[] = [];
  for (const span of spans) {
    const kind = KINDS[span[0]];
    if (kind === undefined) continue; // text and section-closing spans
    const nested = span[4];
    tags.push({
      kind,
      name: span[1],
      start: span[2],
      children: Array.isArray(nested) ? toTags(nested) : [],
    });
  }
  return tags;
}

export interface SourcePosition {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units like editors' columns. */
  column: number;
}

export function positionAt(source: string, offset: number): SourcePosition {
  const before = source.slice(0, Math.max(0, Math.min(offset, source.length)));
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: before.length - lineStart + 1 };
}

export interface TemplateSyntaxError {
  message: string;
  offset: number;
  /** The section involved, when the error is about one. */
  section?: string;
}

/**
 * Reads mustache's parse error ('Unclosed section "x" at 42') into an offset that
 * points at the cause: the opening tag of an unclosed section or tag, not the end
 * of the text where mustache noticed it.
 */
export function describeSyntaxError(source: string, error: unknown): TemplateSyntaxError {
  const text = error instanceof Error ? error.message : String(error);
  const reported = Number(/ at (\d+)$/.exec(text)?.[1] ?? 0);
  const section = /section "([^"]*)"/.exec(text)?.[1];
  if (text.startsWith("Unclosed tag")) {
    const opener = source.lastIndexOf("{{", reported);
    return {
      message: "a tag is opened with {{ but never closed with }}",
      offset: Math.max(opener, 0),
    };
  }
  if (text.startsWith("Unopened section") && section !== undefined) {
    return {
      message: `{{/${section}}} closes a section that was never opened`,
      offset: reported,
      section,
    };
  }
  if (text.startsWith("Unclosed section") && section !== undefined) {
    if (reported < source.length) {
      return {
        message: `section "${section}" must be closed with {{/${section}}} before this tag`,
        offset: reported,
        section,
      };
    }
    return {
      message: `section "${section}" is never closed: add {{/${section}}}`,
      offset: lastOpeningTag(source, section) ?? reported,
      section,
    };
  }
  return { message: text, offset: reported };
}

function lastOpeningTag(source: string, section: string): number | undefined {
  const escaped = section.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const openers = [...source.matchAll(new RegExp(`\\{\\{\\s*[#^]\\s*${escaped}\\s*\\}\\}`, "g"))];
  return openers.at(-1)?.index;
}
