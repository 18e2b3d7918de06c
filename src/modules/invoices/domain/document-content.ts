/**
 * The documents kept behind an invoice: the original e-invoice (FatturaPA XML or
 * its signed .p7m) and a PDF. Pure checks on what a file claims to be.
 */

export const DOCUMENT_KINDS = ["einvoice", "pdf"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_CONTENT_TYPES = {
  einvoice: ["application/xml", "application/pkcs7-mime"],
  pdf: ["application/pdf"],
} as const satisfies Record<DocumentKind, readonly string[]>;

export type DocumentContentType = (typeof DOCUMENT_CONTENT_TYPES)[DocumentKind][number];

/** Uploads larger than this are refused; SdI itself caps an e-invoice at 5 MB. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

const PDF_MAGIC = Buffer.from("%PDF-", "latin1");

export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= PDF_MAGIC.length && PDF_MAGIC.equals(bytes.subarray(0, PDF_MAGIC.length));
}

/** Other names clients use for the same types. */
const ALIASES: Record<string, DocumentContentType> = {
  "text/xml": "application/xml",
  "application/x-pkcs7-mime": "application/pkcs7-mime",
};

/** The stored type for a request's media type, or undefined when the kind does not take it. */
export function documentContentType(
  kind: DocumentKind,
  mediaType: string,
): DocumentContentType | undefined {
  const type = ALIASES[mediaType] ?? mediaType;
  return (DOCUMENT_CONTENT_TYPES[kind] as readonly string[]).includes(type)
    ? (type as DocumentContentType)
    : undefined;
}

/**
 * Why the bytes are not what the content type says, or undefined when they are.
 * Magic numbers only: the portal serves the file with this type, so it must not lie.
 */
export function contentProblem(
  contentType: DocumentContentType,
  bytes: Buffer,
): string | undefined {
  if (bytes.length === 0) return "the file is empty";
  if (contentType === "application/pdf") {
    return isPdf(bytes) ? undefined : 'not a PDF: a PDF file starts with "%PDF-"';
  }
  if (contentType === "application/xml") {
    return looksLikeXml(bytes) ? undefined : 'not XML: an XML file starts with "<"';
  }
  // SdI delivers signed files as DER or as Base64 text of the same DER.
  return bytes[0] === 0x30 || looksLikeBase64(bytes)
    ? undefined
    : "not a signed .p7m: expected a CMS envelope (DER or Base64)";
}

function looksLikeXml(bytes: Buffer): boolean {
  // UTF-16 byte order marks, or UTF-16 without one.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return true;
  }
  if ((bytes[0] === 0x3c && bytes[1] === 0x00) || (bytes[0] === 0x00 && bytes[1] === 0x3c)) {
    return true;
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) continue;
    return b === 0x3c;
  }
  return false;
}

function looksLikeBase64(bytes: Buffer): boolean {
  const head = bytes
    .subarray(0, 4096)
    .toString("latin1")
    .replace(/-----(BEGIN|END) [A-Z0-9 ]+-----/g, "")
    .replace(/\s+/g, "");
  // Base64 of a DER SEQUENCE (0x30) starts with "M".
  return head.startsWith("M") && /^[A-Za-z0-9+/]+={0,2}$/.test(head);
}

/** A file name safe to store and to put in a header: no path, no control characters, at most 200 characters. */
export function safeFileName(name: string | undefined, fallback: string): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim();
  return clean.slice(0, 200) || fallback;
}
