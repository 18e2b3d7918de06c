/**
 * The templates Saldo ships: Italian and English, one per (id, channel), for
 * every message the default strategies send and for the service replies.
 */
import type { Channel, MessageTemplate } from "../template.js";
import { B2B_EN } from "./b2b-en.js";
import { B2B_IT } from "./b2b-it.js";
import { CALLS_EN } from "./calls-en.js";
import { CALLS_IT } from "./calls-it.js";
import { CONSUMER_EN } from "./consumer-en.js";
import { CONSUMER_IT } from "./consumer-it.js";
import { FORMAL_EN } from "./formal-en.js";
import { FORMAL_IT } from "./formal-it.js";
import { SERVICE_EN } from "./service-en.js";
import { SERVICE_IT } from "./service-it.js";

export const DEFAULT_MESSAGE_TEMPLATES: readonly MessageTemplate[] = [
  ...CONSUMER_IT,
  ...FORMAL_IT,
  ...CALLS_IT,
  ...B2B_IT,
  ...SERVICE_IT,
  ...CONSUMER_EN,
  ...FORMAL_EN,
  ...CALLS_EN,
  ...B2B_EN,
  ...SERVICE_EN,
];

/**
 * The shipped template for a message, channel and language tag. A regional tag
 * uses its language ("en-GB" → "en"); a language we do not ship falls back to
 * Italian, then English.
 */
export function findDefaultTemplate(
  id: string,
  channel: Channel,
  language: string,
): MessageTemplate | undefined {
  const primary = language.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  for (const candidate of [primary, "it", "en"]) {
    const found = DEFAULT_MESSAGE_TEMPLATES.find(
      (template) =>
        template.id === id && template.channel === channel && template.language === candidate,
    );
    if (found) return found;
  }
  return undefined;
}
