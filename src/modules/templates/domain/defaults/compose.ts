/** Small helpers to assemble the shipped templates from shared paragraphs. */
import type { Channel, MessageTemplate, TemplateLanguage } from "../template.js";

/** Joins paragraphs with a blank line, which the HTML renderer turns into <p> blocks. */
export function paragraphs(...parts: readonly (string | false)[]): string {
  return parts
    .filter((part): part is string => part !== false && part.trim() !== "")
    .map((part) => part.trim())
    .join("\n\n");
}

export function message(
  id: string,
  channel: Channel,
  language: TemplateLanguage,
  body: string,
  subject?: string,
): MessageTemplate {
  return subject === undefined
    ? { id, channel, language, body }
    : { id, channel, language, subject, body };
}
