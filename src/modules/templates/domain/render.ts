/**
 * Renders a template for one case. Strict by design: a variable the data does
 * not have throws TemplateRenderError; a debtor never receives "Gentile ," or
 * "IBAN: ". In HTML, the template's own text and every value are escaped, and
 * the text is then given paragraphs, lists and links.
 */
import Mustache from "mustache";
import type { TemplateContext } from "./context.js";
import { escapedTextToHtml, escapeHtml } from "./html.js";
import type { Channel, MessageTemplate, TemplateLanguage, TemplatePart } from "./template.js";
import { buildTemplateView } from "./variables.js";

export type RenderFormat = "text" | "html";

export interface RenderedMessage {
  /** Always plain text: a subject line is never HTML. */
  subject?: string;
  body: string;
}

export type RenderFailure = "missing_variable" | "unsupported_tag" | "invalid_template";

export class TemplateRenderError extends Error {
  override readonly name = "TemplateRenderError";

  constructor(
    readonly templateId: string,
    readonly channel: Channel,
    readonly language: TemplateLanguage,
    readonly part: TemplatePart,
    readonly reason: RenderFailure,
    /** The variable (or partial) the template refers to; absent for a syntax error. */
    readonly variable?: string,
    detail?: string,
  ) {
    super(
      `template "${templateId}" (${channel}, ${language}), ${part}: ${
        reason === "missing_variable"
          ? `"${variable}" is not available for this message`
          : reason === "unsupported_tag"
            ? `partial "${variable}" is not supported`
            : `invalid template: ${detail ?? "syntax error"}`
      }`,
    );
  }
}

/** Formats with the template's language, whatever the context says, so amounts read like the text around them. */
export function renderTemplate(
  template: MessageTemplate,
  context: TemplateContext,
  format: RenderFormat,
): RenderedMessage {
  const view = buildTemplateView({ ...context, language: template.language });
  const fail =
    (part: TemplatePart) => (reason: RenderFailure, variable?: string, detail?: string) => {
      return new TemplateRenderError(
        template.id,
        template.channel,
        template.language,
        part,
        reason,
        variable,
        detail,
      );
    };
  const body = renderPart(template.body, view, format, fail("body"));
  if (template.subject === undefined) return { body };
  const subject = renderPart(template.subject, view, "text", fail("subject")).replace(/\s+/g, " ");
  return { subject, body };
}

type FailureFactory = (
  reason: RenderFailure,
  variable?: string,
  detail?: string,
) => TemplateRenderError;

function renderPart(
  source: string,
  view: unknown,
  format: RenderFormat,
  fail: FailureFactory,
): string {
  let spans: Mustache.TemplateSpans;
  try {
    spans = Mustache.parse(source);
  } catch (error) {
    throw fail(
      "invalid_template",
      undefined,
      error instanceof Error ? error.message : String(error),
    );
  }
  const context = new StrictContext(view, undefined, (name) => {
    throw fail("missing_variable", name);
  });
  const prepared = prepareSpans(spans, format, fail);
  const escapeValue = format === "html" ? escapeHtml : (value: unknown) => String(value);
  const text = new Mustache.Writer().renderTokens(
    prepared as string[][],
    context,
    undefined,
    source,
    {
      escape: escapeValue,
    },
  );
  const tidy = tidyText(text);
  return format === "html" ? escapedTextToHtml(tidy) : tidy;
}

/**
 * Refuses partials (they would render as nothing) and, for HTML, escapes the
 * template's own text and treats {{{raw}}} like {{escaped}}: nothing reaches the
 * page unescaped. Mustache's parse cache is shared, so the spans are copied.
 */
function prepareSpans(
  spans: Mustache.TemplateSpans,
  format: RenderFormat,
  fail: FailureFactory,
): Mustache.TemplateSpans {
  return spans.map((span) => {
    const [type, value] = span;
    if (type === ">") throw fail("unsupported_tag", value);
    const copy = [...span] as typeof span;
    if (format === "html" && type === "text") copy[1] = escapeHtml(value);
    if (format === "html" && type === "&") copy[0] = "name";
    if (Array.isArray(span[4])) copy[4] = prepareSpans(span[4], format, fail);
    return copy;
  });
}

/** Conditional blocks leave stray blank lines and trailing spaces; letters must not. */
function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** A mustache context that throws instead of rendering a missing value as blank. */
class StrictContext extends Mustache.Context {
  constructor(
    view: unknown,
    parent: Mustache.Context | undefined,
    private readonly onMissing: (name: string) => never,
  ) {
    super(view, parent);
  }

  override push(view: unknown): Mustache.Context {
    return new StrictContext(view, this, this.onMissing);
  }

  override lookup(name: string): unknown {
    const value: unknown = super.lookup(name);
    if (value === undefined || value === null) this.onMissing(name);
    return value;
  }
}
