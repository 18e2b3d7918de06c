/** Character and entity references in XML text and attribute values. */

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * The five predefined entities and character references; anything else after "&"
 * is refused (no entity is ever declared, so it cannot be expanded).
 */
export function decodeReferences(
  raw: string,
  offset: number,
  fail: (reason: string, offset: number) => never,
): string {
  return raw.replace(/&([^;&\s<]*);?/g, (whole, ref: string, at: number) => {
    if (!whole.endsWith(";")) fail(`"&" not followed by an entity reference`, offset + at);
    const predefined = PREDEFINED[ref];
    if (predefined !== undefined) return predefined;
    const code = /^#x[0-9a-fA-F]+$/.test(ref)
      ? Number.parseInt(ref.slice(2), 16)
      : /^#[0-9]+$/.test(ref)
        ? Number(ref.slice(1))
        : -1;
    if (code < 0) fail(`entity &${ref}; is not allowed (entities are never expanded)`, offset + at);
    if (code === 0 || code > 0x10ffff) fail(`invalid character reference &${ref};`, offset + at);
    return String.fromCodePoint(code);
  });
}
