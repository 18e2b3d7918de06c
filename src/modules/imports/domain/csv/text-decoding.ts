/**
 * Decides how the bytes of a CSV are to be read. Italian spreadsheets export
 * UTF-8 (with or without BOM) or Windows-1252 ("CSV (separato da punto e virgola)"
 * in an Italian Excel): a BOM settles it; otherwise the first 256 KB decide
 * (valid UTF-8 → UTF-8, else Windows-1252).
 */
import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";
import { CsvIntakeError } from "./csv-intake-error.js";
import type { CsvEncoding } from "./fields.js";

const HEAD_BYTES = 256 * 1024;
const SNIFF_BYTES = 64 * 1024;

export interface CsvText {
  encoding: CsvEncoding;
  /** The decoded start of the file, enough to sniff the delimiter from. */
  headText: string;
  /** The whole file for the parser, BOM removed: UTF-8 bytes as they are, or decoded text. */
  chunks: AsyncGenerator<Buffer | string>;
  /** Bytes taken from the input so far. */
  bytesRead(): number;
  /**
   * True once bytes that are not valid in the encoding were read: the parser then
   * turns them into U+FFFD, and the affected fields have to be reported.
   */
  sawInvalidBytes(): boolean;
}

type ByteSource = AsyncIterable<Buffer | Uint8Array | string>;

export async function openCsvText(input: ByteSource, forced?: CsvEncoding): Promise<CsvText> {
  const iterator = input[Symbol.asyncIterator]();
  let bytesRead = 0;
  let sawInvalid = false;
  const next = async (): Promise<Buffer | undefined> => {
    const step = await iterator.next();
    if (step.done) return undefined;
    const value = step.value;
    const chunk = Buffer.isBuffer(value)
      ? value
      : typeof value === "string"
        ? Buffer.from(value)
        : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    bytesRead += chunk.length;
    return chunk;
  };

  const headParts: Buffer[] = [];
  let headSize = 0;
  let ended = false;
  while (headSize < HEAD_BYTES) {
    const chunk = await next();
    if (chunk === undefined) {
      ended = true;
      break;
    }
    headParts.push(chunk);
    headSize += chunk.length;
  }
  const head = Buffer.concat(headParts);
  try {
    assertLooksLikeText(head);
  } catch (error) {
    await iterator.return?.();
    throw error;
  }

  const hasBom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const encoding: CsvEncoding = hasBom
    ? "utf-8"
    : (forced ??
      (isUtf8(ended ? head : head.subarray(0, completeUtf8Length(head)))
        ? "utf-8"
        : "windows-1252"));
  const body = hasBom ? head.subarray(3) : head;

  async function* utf8Chunks(): AsyncGenerator<Buffer> {
    // Only validity is tracked here; the parser decodes, turning bad bytes into U+FFFD.
    let carry: Buffer = Buffer.alloc(0);
    const check = (bytes: Buffer) => {
      if (sawInvalid) return;
      const joined = carry.length > 0 ? Buffer.concat([carry, bytes]) : bytes;
      const complete = completeUtf8Length(joined);
      if (!isUtf8(joined.subarray(0, complete))) sawInvalid = true;
      carry = Buffer.from(joined.subarray(complete));
    };
    try {
      check(body);
      yield body;
      for (let chunk = ended ? undefined : await next(); chunk; chunk = await next()) {
        check(chunk);
        yield chunk;
      }
      if (carry.length > 0) sawInvalid = true;
    } finally {
      await iterator.return?.();
    }
  }

  async function* cp1252Chunks(): AsyncGenerator<string> {
    const decoder = iconv.getDecoder("windows-1252");
    const decode = (bytes: Buffer) => {
      const text = decoder.write(bytes);
      // iconv-lite maps the five bytes Windows-1252 leaves undefined to U+FFFD.
      if (!sawInvalid && text.includes("\uFFFD")) sawInvalid = true;
      return text;
    };
    try {
      yield decode(body);
      for (let chunk = ended ? undefined : await next(); chunk; chunk = await next()) {
        yield decode(chunk);
      }
      const rest = decoder.end();
      if (rest) yield rest;
    } finally {
      await iterator.return?.();
    }
  }

  const sniffBytes = body.subarray(0, SNIFF_BYTES);
  return {
    encoding,
    headText:
      encoding === "utf-8"
        ? new TextDecoder("utf-8").decode(sniffBytes)
        : iconv.decode(sniffBytes, "windows-1252"),
    chunks: encoding === "utf-8" ? utf8Chunks() : cp1252Chunks(),
    bytesRead: () => bytesRead,
    sawInvalidBytes: () => sawInvalid,
  };
}

/** Rejects what is certainly not a CSV export, with the advice a person needs. */
function assertLooksLikeText(head: Buffer): void {
  if (head.length === 0) throw new CsvIntakeError("the file is empty: expected a header line", 1);
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0xd0, 0xcf, 0x11, 0xe0)) {
    throw new CsvIntakeError(
      "the file is an Excel workbook (or another binary file), not CSV: in Excel use Save As → CSV UTF-8",
      1,
    );
  }
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) {
    throw new CsvIntakeError(
      "the file is UTF-16 text, which is not supported: save it as CSV UTF-8 or CSV (separato da punto e virgola)",
      1,
    );
  }
  const nul = head.indexOf(0);
  if (nul >= 0) {
    const line = 1 + countNewlines(head.subarray(0, nul));
    throw new CsvIntakeError(
      `the file cannot be decoded as text: it has a NUL byte on line ${line} (byte ${nul + 1}); is it a CSV export?`,
      line,
    );
  }
}

function countNewlines(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(0x0a); at >= 0; at = bytes.indexOf(0x0a, at + 1)) count++;
  return count;
}

/**
 * Length of the prefix that ends on a whole UTF-8 character: a chunk boundary may cut
 * a character in two, which is not an error until the next chunk fails to complete it.
 */
export function completeUtf8Length(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let back = 1; back <= 3 && back <= end; back++) {
    const byte = bytes[end - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: keep looking for the lead
    const expected = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return expected > back ? end - back : end;
  }
  return end;
}
