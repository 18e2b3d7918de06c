/** Saldo's ids are UUIDs; they travel inside Message-IDs, VERP addresses and provider events. */
const UUID_INSIDE = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;

/** The first id inside a text ("<id@domain>", "bounces+id"), lower case, or undefined. */
export function idInside(text: string | undefined): string | undefined {
  return text ? UUID_INSIDE.exec(text)?.[1]?.toLowerCase() : undefined;
}

export function isId(text: string): boolean {
  return idInside(text) === text.toLowerCase() && text.length === 36;
}
