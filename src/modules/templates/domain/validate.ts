/**
 * Save-time checks of a template: every variable known and used as what it is,
 * sections closed, the channel's subject rule and opt-out requirement met.
 * Returns every problem found (with line and column), [] when the template is fine.
 */
import { findVariable, TEMPLATE_VARIABLES, type TemplateVariable } from "./catalogue.js";
import { describeSyntaxError, parseTags, positionAt, type TemplateTag } from "./tags.js";
import {
  type MessageTemplate,
  OPT_OUT_EXEMPT_IDS,
  REQUIRED_OPT_OUT,
  SUBJECT_RULES,
  type TemplatePart,
} from "./template.js";

export type TemplateProblemCode =
  | "syntax_error"
  | "unknown_variable"
  | "misused_variable"
  | "unescaped_variable"
  | "unsupported_tag"
  | "missing_opt_out"
  | "subject_required"
  | "subject_not_allowed"
  | "subject_multiline"
  | "empty_body";

export interface TemplateProblem {
  code: TemplateProblemCode;
  part: TemplatePart;
  /** 1-based; absent for problems about the template as a whole (a missing subject). */
  line?: number;
  column?: number;
  variable?: string;
  /** The closest known variable name, for an unknown one. */
  suggestion?: string;
  message: string;
}

export function validateTemplate(template: MessageTemplate): TemplateProblem[] {
  const problems: TemplateProblem[] = [...subjectProblems(template)];
  if (template.subject !== undefined) problems.push(...partProblems(template.subject, "subject"));
  if (template.body.trim() === "") {
    problems.push({ code: "empty_body", part: "body", message: "the body is empty" });
    return problems;
  }
  const bodyTags = parseOrReport(template.body, "body", problems);
  if (bodyTags === undefined) return problems;
  problems.push(...tagProblems(bodyTags, template.body, "body"));
  const optOut = OPT_OUT_EXEMPT_IDS.includes(template.id)
    ? undefined
    : REQUIRED_OPT_OUT[template.channel];
  if (optOut !== undefined && !bodyTags.some((tag) => isValueTag(tag) && tag.name === optOut)) {
    problems.push({
      code: "missing_opt_out",
      part: "body",
      variable: optOut,
      message: `${template.channel} messages must show {{${optOut}}} outside any section`,
    });
  }
  return problems;
}

function subjectProblems(template: MessageTemplate): TemplateProblem[] {
  const rule = SUBJECT_RULES[template.channel];
  const subject = template.subject;
  if (rule === "required" && (subject === undefined || subject.trim() === "")) {
    return [
      { code: "subject_required", part: "subject", message: `${template.channel} needs a subject` },
    ];
  }
  if (rule === "forbidden" && subject !== undefined) {
    return [
      {
        code: "subject_not_allowed",
        part: "subject",
        message: `${template.channel} messages have no subject`,
      },
    ];
  }
  if (subject?.includes("\n")) {
    const { line, column } = positionAt(subject, subject.indexOf("\n"));
    return [
      {
        code: "subject_multiline",
        part: "subject",
        line,
        column,
        message: "a subject is one line",
      },
    ];
  }
  return [];
}

function partProblems(source: string, part: TemplatePart): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const tags = parseOrReport(source, part, problems);
  if (tags !== undefined) problems.push(...tagProblems(tags, source, part));
  return problems;
}

/** A syntax error is a problem to report, not an exception: the editor shows it in place. */
function parseOrReport(
  source: string,
  part: TemplatePart,
  problems: TemplateProblem[],
): TemplateTag[] | undefined {
  try {
    return parseTags(source);
  } catch (error) {
    const syntax = describeSyntaxError(source, error);
    problems.push({
      code: "syntax_error",
      part,
      ...positionAt(source, syntax.offset),
      ...(syntax.section !== undefined ? { variable: syntax.section } : {}),
      message: syntax.message,
    });
    return undefined;
  }
}

/** Walks the tags with the fields of every enclosing list in scope, innermost first. */
function tagProblems(
  tags: readonly TemplateTag[],
  source: string,
  part: TemplatePart,
  listFields: readonly (readonly TemplateVariable[])[] = [],
): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const tag of tags) {
    const at = { part, ...positionAt(source, tag.start), variable: tag.name };
    if (tag.kind === "comment") continue;
    if (tag.kind === "partial" || tag.kind === "delimiters") {
      const what = tag.kind === "partial" ? "partials ({{>name}})" : "changing delimiters";
      problems.push({ code: "unsupported_tag", ...at, message: `${what} is not supported` });
      continue;
    }
    const variable = resolve(tag.name, listFields);
    if (variable === undefined) {
      const suggestion = closestName(tag.name, listFields);
      problems.push({
        code: "unknown_variable",
        ...at,
        ...(suggestion !== undefined ? { suggestion } : {}),
        message: `unknown variable "${tag.name}"${suggestion ? `; did you mean "${suggestion}"?` : ""}`,
      });
    } else if (isValueTag(tag) && variable.kind !== "text") {
      const use = variable.kind === "list" ? `{{#${tag.name}}}…{{/${tag.name}}}` : "a section";
      problems.push({
        code: "misused_variable",
        ...at,
        message: `"${tag.name}" is a ${variable.kind}: use it as ${use}, not as a value`,
      });
    }
    if (tag.kind === "unescaped") {
      problems.push({
        code: "unescaped_variable",
        ...at,
        message: `write {{${tag.name}}}: values are always escaped in HTML messages`,
      });
    }
    if (tag.children.length > 0) {
      const inner =
        tag.kind === "section" && variable?.kind === "list" && variable.fields
          ? [variable.fields, ...listFields]
          : listFields;
      problems.push(...tagProblems(tag.children, source, part, inner));
    }
  }
  return problems;
}

function isValueTag(tag: TemplateTag): boolean {
  return tag.kind === "variable" || tag.kind === "unescaped";
}

function resolve(
  name: string,
  listFields: readonly (readonly TemplateVariable[])[],
): TemplateVariable | undefined {
  for (const fields of listFields) {
    const field = fields.find((candidate) => candidate.name === name);
    if (field) return field;
  }
  return findVariable(name);
}

/** The known name nearest in edit distance, if it is near enough to be what was meant. */
function closestName(
  name: string,
  listFields: readonly (readonly TemplateVariable[])[],
): string | undefined {
  const candidates = [...listFields.flat(), ...TEMPLATE_VARIABLES].map((variable) => variable.name);
  let best: { name: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const typed = name.toLowerCase();
    // A truncated name ("case_ref") is as good a hint as a typo.
    const truncated = typed.length >= 3 && candidate.startsWith(typed);
    const distance = truncated ? 1 : editDistance(typed, candidate);
    if (best === undefined || distance < best.distance) best = { name: candidate, distance };
  }
  const tolerance = Math.max(2, Math.floor(name.length / 2));
  return best && best.distance <= tolerance ? best.name : undefined;
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
