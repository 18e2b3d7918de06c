import { z } from "zod";

/** A real calendar day as YYYY-MM-DD: 2026-02-30 and 2026-13-01 are refused. */
export function isRealIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

export const isoDateSchema = z.string().refine(isRealIsoDate, "expected a real date as YYYY-MM-DD");
