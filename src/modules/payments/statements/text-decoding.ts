/**
 * Bytes of a statement file to text. XML: a BOM or the encoding declaration
 * decides (UTF-8 when neither). CSV: a BOM, else UTF-8 when the bytes are valid
 * UTF-8, else Windows-1252 (what an Italian Excel writes).
 */
import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";
import { StatementError } from "./statement-error.js";
import { lineAt } from "./text-lines.js";

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function decodeXmlBytes(fileName: string, input: string | Buffer): string {
  if (typeof input === "string") return stripBom(input);
  if (startsWith(input, UTF8_BOM)) return utf8(fileName, input.subarray(3));
  if (startsWith(input, [0xff, 0xfe])) return iconv.decode(input.subarray(2), "utf-16le");
  if (startsWith(input, [0xfe, 0xff])) return iconv.decode(input.subarray(2), "utf-16be");
  const head = input.subarray(0, 200).toString("latin1");
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  if (declared === undefined || /^utf-?8$/i.test(declared)) return utf8(fileName, input);
  if (!iconv.encodingExists(declared)) {
    throw new StatementError({
      file: fileName,
      line: 1,
      reason: `the XML declares encoding "${declared}", which is not supported`,
    });
  }
  return iconv.decode(input, declared);
}

export interface DecodedCsv {
  text: string;
  encoding: "utf-8" | "windows-1252";
}

export function decodeCsvBytes(input: string | Buffer): DecodedCsv {
  if (typeof input === "string") return { text: stripBom(input), encoding: "utf-8" };
  if (startsWith(input, UTF8_BOM))
    return { text: input.subarray(3).toString("utf8"), encoding: "utf-8" };
  if (isUtf8(input)) return { text: input.toString("utf8"), encoding: "utf-8" };
  return { text: iconv.decode(input, "windows-1252"), encoding: "windows-1252" };
}

function utf8(fileName: string, bytes: Buffer): string {
  const text = bytes.toString("utf8");
  if (!isUtf8(bytes)) {
    throw new StatementError({
      file: fileName,
      line: lineAt(text, text.indexOf("\uFFFD")),
      reason: "the file is not valid UTF-8 (and declares no other encoding)",
    });
  }
  return text;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function startsWith(bytes: Buffer, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}
