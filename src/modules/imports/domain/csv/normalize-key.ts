/**
 * Folds a header or a coded cell to a comparison key: lower case, no accents,
 * letters and digits only. "N° Documento" → "ndocumento", "Società" → "societa".
 */
export function normalizeKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}
