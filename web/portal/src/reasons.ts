/** Turns the reasons in a refusal into sentences, keeping unknown codes readable. */
import type { ReasonItem } from "./types";

export function reasonText(
  item: ReasonItem,
  known: Record<string, string>,
  fields: Record<string, string> = {},
): string {
  if (typeof item === "string") return known[item] ?? item;
  if (item.code) return known[item.code] ?? item.detail ?? item.code;
  if (item.field && item.reason) return `${fields[item.field] ?? item.field}: ${item.reason}`;
  return item.reason ?? item.detail ?? "";
}

/** The `reasons` array of an error's details, or of an answer, whatever its items look like. */
export function reasonList(value: unknown): ReasonItem[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is ReasonItem =>
      typeof item === "string" || (typeof item === "object" && item !== null),
  );
}
