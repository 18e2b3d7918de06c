/** Reading raw mail with mailparser, and the header fields every parser here needs. */
import {
  type AddressObject,
  type Attachment,
  type HeaderValue,
  type ParsedMail,
  type StructuredHeader,
  simpleParser,
} from "mailparser";

/**
 * One way to parse, so every parser sees the same structure: delivery
 * reports and embedded messages (message/rfc822, such as PEC's postacert.eml)
 * stay attachments instead of being merged into the text.
 */
export function readMail(raw: Buffer | string): Promise<ParsedMail> {
  return simpleParser(raw, {
    keepDeliveryStatus: true,
    ignoreEmbedded: true,
    skipImageLinks: true,
    skipTextLinks: true,
  });
}

function isStructured(value: HeaderValue | undefined): value is StructuredHeader {
  return typeof value === "object" && value !== null && "value" in value && "params" in value;
}

/** A header as plain text (the first occurrence when repeated), or undefined. */
export function headerText(mail: Pick<ParsedMail, "headers">, name: string): string | undefined {
  const value = mail.headers.get(name.toLowerCase());
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === "string") return first.trim();
  if (isStructured(first)) return first.value.trim();
  if (first instanceof Date) return first.toISOString();
  return undefined;
}

/** Every occurrence of a header as text: "Received" appears once per hop. */
export function headerTexts(mail: Pick<ParsedMail, "headers">, name: string): string[] {
  const value = mail.headers.get(name.toLowerCase());
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");
}

export function contentType(mail: Pick<ParsedMail, "headers">): StructuredHeader | undefined {
  const value = mail.headers.get("content-type");
  return isStructured(value) ? value : undefined;
}

/**
 * A Message-ID in its RFC 5322 form with angle brackets, as nodemailer and
 * mailparser report them, so ids read from any header or report compare equal.
 */
export function normalizeMessageId(text: string | undefined): string | undefined {
  const inBrackets = text?.match(/<([^<>\s]+)>/)?.[1];
  const bare = inBrackets ?? text?.trim().split(/\s+/)[0];
  return bare ? `<${bare}>` : undefined;
}

export function addressesOf(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = Array.isArray(field) ? field : field ? [field] : [];
  return objects
    .flatMap((object) => object.value.flatMap((entry) => [entry, ...(entry.group ?? [])]))
    .map((entry) => entry.address?.trim())
    .filter((address): address is string => Boolean(address));
}

/**
 * Header-style fields as delivery and feedback reports carry them: groups
 * separated by blank lines, names case-insensitive, continuation lines unfolded.
 */
export function parseFieldGroups(text: string): Array<Map<string, string>> {
  const groups: Array<Map<string, string>> = [];
  for (const block of text.replace(/\r\n/g, "\n").split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    for (const line of block.replace(/\n[ \t]+/g, " ").split("\n")) {
      const colon = line.indexOf(":");
      if (colon <= 0) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      if (!fields.has(name)) fields.set(name, line.slice(colon + 1).trim());
    }
    if (fields.size > 0) groups.push(fields);
  }
  return groups;
}

/** The header fields of an embedded message or of a text/rfc822-headers part. */
export function embeddedHeaders(part: Attachment): Map<string, string> {
  const text = part.content.toString("utf8").replace(/\r\n/g, "\n");
  const headerBlock = text.split(/\n\s*\n/)[0] ?? "";
  return parseFieldGroups(headerBlock)[0] ?? new Map();
}

const EMBEDDED_MESSAGE_TYPES = new Set([
  "message/rfc822",
  "message/global",
  "text/rfc822-headers",
  "message/global-headers",
]);

/** The returned original's Message-ID, from the copy a report carries of it. */
export function embeddedMessageId(mail: ParsedMail): string | undefined {
  for (const part of mail.attachments) {
    if (!EMBEDDED_MESSAGE_TYPES.has(part.contentType.toLowerCase())) continue;
    const id = normalizeMessageId(embeddedHeaders(part).get("message-id"));
    if (id) return id;
  }
  return undefined;
}

export function attachmentOfType(mail: ParsedMail, ...types: string[]): Attachment | undefined {
  return mail.attachments.find((part) => types.includes(part.contentType.toLowerCase()));
}

/** The fields that have a value: optional properties are left out rather than set to undefined. */
export function withoutUndefined<T extends object>(
  fields: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
