import iconv from "iconv-lite";
import { FatturaParseError } from "./errors";
import { extractSignedContent } from "./signed-content";

/**
 * Turns the bytes of an uploaded FatturaPA file into XML text. SdI delivers plain
 * XML (.xml) or a CAdES signed envelope (.p7m), the latter either as DER or as
 * Base64 text; names are unreliable (".xml.p7m" holding Base64, ".xml" holding DER),
 * so the form is detected from the content.
 */

export type FatturaContainer = "xml" | "p7m-der" | "p7m-base64";

export interface UnwrappedFattura {
  xml: string;
  /** The outer form of the file. */
  container: FatturaContainer;
  /** The character encoding the XML was decoded from, e.g. "utf-8", "windows-1252". */
  encoding: string;
  /** The encoding named in the XML declaration, when it differs from the one used (e.g. invalid UTF-8 read as windows-1252). */
  declaredEncoding?: string;
}

/** Signing an already signed file nests envelopes; more than this is not a real invoice. */
const MAX_ENVELOPES = 3;

export function unwrapFatturaFile(bytes: Buffer, fileName: string): UnwrappedFattura {
  let content = bytes;
  let container: FatturaContainer | undefined;
  for (let layer = 0; layer <= MAX_ENVELOPES; layer++) {
    const form = detectForm(content);
    if (form === "xml") {
      return { ...decodeXml(content, fileName), container: container ?? "xml" };
    }
    if (form === "base64") {
      const der = decodeBase64(content);
      if (!der) throw unknownForm(fileName);
      container ??= "p7m-base64";
      content = extractSignedContent(der, fileName);
    } else if (form === "der") {
      container ??= "p7m-der";
      content = extractSignedContent(content, fileName);
    } else {
      throw layer === 0
        ? unknownForm(fileName)
        : new FatturaParseError(fileName, "p7m", "the signed content is not XML");
    }
  }
  throw new FatturaParseError(
    fileName,
    "p7m",
    `more than ${MAX_ENVELOPES} nested signature envelopes`,
  );
}

function unknownForm(fileName: string): FatturaParseError {
  const hint = /\.p7m$/i.test(fileName)
    ? "the name says .p7m but the content is neither DER nor Base64 CMS"
    : "the content is neither XML nor a signed .p7m (DER or Base64)";
  return new FatturaParseError(fileName, "file", hint);
}

function detectForm(bytes: Buffer): "xml" | "der" | "base64" | "unknown" {
  if (bytes.length === 0) return "unknown";
  if (bytes[0] === 0x30) return "der"; // SEQUENCE: a CMS ContentInfo
  if (
    startsWith(bytes, UTF8_BOM) ||
    startsWith(bytes, UTF16LE_BOM) ||
    startsWith(bytes, UTF16BE_BOM)
  ) {
    return "xml";
  }
  const firstVisible = bytes.findIndex((b) => b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d);
  if (firstVisible < 0) return "unknown";
  if (bytes[firstVisible] === 0x3c) return "xml"; // "<"
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return "xml"; // UTF-16BE without BOM
  return looksLikeBase64(bytes) ? "base64" : "unknown";
}

const PEM_ARMOR = /-----(BEGIN|END) [A-Z0-9 ]+-----/g;

function looksLikeBase64(bytes: Buffer): boolean {
  const text = bytes.toString("latin1").replace(PEM_ARMOR, "").replace(/\s+/g, "");
  return text.length >= 16 && text.length % 4 !== 1 && /^[A-Za-z0-9+/]+={0,2}$/.test(text);
}

/** Single-line or wrapped Base64 (and PEM armour, which some tools add); must hold DER. */
function decodeBase64(bytes: Buffer): Buffer | undefined {
  const text = bytes.toString("latin1").replace(PEM_ARMOR, "").replace(/\s+/g, "");
  const der = Buffer.from(text, "base64");
  return der[0] === 0x30 ? der : undefined;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);
const UTF16BE_BOM = Buffer.from([0xfe, 0xff]);

function startsWith(bytes: Buffer, prefix: Buffer): boolean {
  return bytes.length >= prefix.length && bytes.subarray(0, prefix.length).equals(prefix);
}

/**
 * The byte order mark wins, then the XML declaration, then UTF-8 (the XML default).
 * Latin-1 declarations are read as windows-1252, its superset: files labelled
 * ISO-8859-1 often carry "€" at 0x80. A file declared (or defaulting to) UTF-8 that
 * is not valid UTF-8 is read as windows-1252 rather than rejected, and says so.
 */
function decodeXml(bytes: Buffer, fileName: string): Omit<UnwrappedFattura, "container"> {
  if (startsWith(bytes, UTF8_BOM))
    return { xml: utf8(bytes.subarray(3), fileName), encoding: "utf-8" };
  if (startsWith(bytes, UTF16LE_BOM) || (bytes[0] === 0x3c && bytes[1] === 0x00)) {
    return { xml: stripBom(iconv.decode(bytes, "utf-16le")), encoding: "utf-16le" };
  }
  if (startsWith(bytes, UTF16BE_BOM) || (bytes[0] === 0x00 && bytes[1] === 0x3c)) {
    return { xml: stripBom(iconv.decode(bytes, "utf-16be")), encoding: "utf-16be" };
  }

  const head = bytes.subarray(0, 256).toString("latin1");
  const declared = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
  const label = declared?.toLowerCase();
  if (!label || label === "utf-8" || label === "utf8") {
    const xml = utf8OrUndefined(bytes);
    if (xml !== undefined) return { xml, encoding: "utf-8" };
    return {
      xml: iconv.decode(bytes, "windows-1252"),
      encoding: "windows-1252",
      declaredEncoding: declared ?? "utf-8",
    };
  }
  const encoding = LATIN1_LABELS.has(label) ? "windows-1252" : label;
  if (!iconv.encodingExists(encoding)) {
    throw new FatturaParseError(
      fileName,
      "encoding",
      `unknown character encoding "${declared}" in the XML declaration`,
    );
  }
  return { xml: stripBom(iconv.decode(bytes, encoding)), encoding };
}

const LATIN1_LABELS = new Set([
  "windows-1252",
  "cp1252",
  "iso-8859-1",
  "iso8859-1",
  "iso_8859-1",
  "latin1",
  "latin-1",
  "us-ascii",
  "ascii",
]);

function utf8OrUndefined(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function utf8(bytes: Buffer, fileName: string): string {
  const xml = utf8OrUndefined(bytes);
  if (xml === undefined) {
    throw new FatturaParseError(
      fileName,
      "encoding",
      "the file starts with a UTF-8 byte order mark but is not valid UTF-8",
    );
  }
  return xml;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
