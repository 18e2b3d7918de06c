import { FatturaParseError } from "./errors";

/**
 * Takes the signed document out of a CAdES .p7m (a CMS SignedData) without checking
 * the signature: SdI has already checked it, and the certificates of archived files
 * are expired anyway. A small BER walker is enough and, unlike a full CMS library,
 * copes with both DER (definite lengths) and the BER that signing tools emit
 * (indefinite lengths, the content split into OCTET STRING chunks).
 *
 *   ContentInfo ::= SEQUENCE { contentType OID (signedData), [0] EXPLICIT SignedData }
 *   SignedData  ::= SEQUENCE { version, digestAlgorithms SET, encapContentInfo, ... }
 *   EncapsulatedContentInfo ::= SEQUENCE { eContentType OID, [0] EXPLICIT OCTET STRING OPTIONAL }
 */

interface Tlv {
  tagClass: number;
  constructed: boolean;
  tagNumber: number;
  contentStart: number;
  contentEnd: number;
  /** Just past the element (after the end-of-contents octets for an indefinite length). */
  end: number;
}

const UNIVERSAL = 0;
const CONTEXT = 2;
const OCTET_STRING = 4;
const OID = 6;
const SEQUENCE = 16;
const MAX_DEPTH = 64;
/** 1.2.840.113549.1.7.2, id-signedData. */
const SIGNED_DATA_OID = Buffer.from([0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02]);

export function extractSignedContent(der: Buffer, fileName: string): Buffer {
  const fail = (reason: string) => new FatturaParseError(fileName, "p7m", reason);
  const walker = new BerWalker(der, fail);

  const contentInfo = walker.read(0, der.length, 0);
  walker.expect(contentInfo, UNIVERSAL, SEQUENCE, "ContentInfo is not a SEQUENCE");
  const [contentType, explicitSignedData] = walker.children(contentInfo);
  if (!contentType || !explicitSignedData) throw fail("ContentInfo is incomplete");
  walker.expect(contentType, UNIVERSAL, OID, "ContentInfo has no content type");
  if (!der.subarray(contentType.contentStart, contentType.contentEnd).equals(SIGNED_DATA_OID)) {
    throw fail("the file is CMS but not SignedData, so it is not a signed invoice");
  }
  walker.expect(explicitSignedData, CONTEXT, 0, "SignedData is missing");
  const signedData = walker.children(explicitSignedData)[0];
  if (!signedData) throw fail("SignedData is empty");
  walker.expect(signedData, UNIVERSAL, SEQUENCE, "SignedData is not a SEQUENCE");
  const encapContentInfo = walker.children(signedData)[2];
  if (!encapContentInfo) throw fail("SignedData has no encapsulated content info");
  walker.expect(encapContentInfo, UNIVERSAL, SEQUENCE, "EncapsulatedContentInfo is not a SEQUENCE");
  const explicitContent = walker.children(encapContentInfo)[1];
  if (!explicitContent) {
    throw fail("the signature is detached: the .p7m does not contain the invoice itself");
  }
  walker.expect(explicitContent, CONTEXT, 0, "eContent is not tagged [0]");
  const octets = walker.children(explicitContent)[0];
  if (!octets) throw fail("eContent is empty");
  walker.expect(octets, UNIVERSAL, OCTET_STRING, "eContent is not an OCTET STRING");
  return walker.octets(octets, 0);
}

class BerWalker {
  constructor(
    private readonly buf: Buffer,
    private readonly fail: (reason: string) => FatturaParseError,
  ) {}

  read(pos: number, limit: number, depth: number): Tlv {
    if (depth > MAX_DEPTH) throw this.fail("ASN.1 nesting is too deep");
    if (pos + 2 > limit) throw this.fail(`ASN.1 data is truncated at byte ${pos}`);
    const first = this.buf[pos]!;
    let p = pos + 1;
    let tagNumber = first & 0x1f;
    if (tagNumber === 0x1f) {
      // High tag numbers: base-128, never seen in CMS but cheap to skip correctly.
      tagNumber = 0;
      let byte: number;
      do {
        if (p >= limit || tagNumber > 0xffffff) throw this.fail(`bad ASN.1 tag at byte ${pos}`);
        byte = this.buf[p++]!;
        tagNumber = tagNumber * 128 + (byte & 0x7f);
      } while (byte & 0x80);
    }
    if (p >= limit) throw this.fail(`ASN.1 data is truncated at byte ${p}`);
    const constructed = (first & 0x20) !== 0;
    const tagClass = first >> 6;
    const lengthByte = this.buf[p++]!;

    if (lengthByte === 0x80) {
      if (!constructed) throw this.fail(`indefinite length on a primitive value at byte ${pos}`);
      // Indefinite length: children until the end-of-contents octets 00 00.
      let q = p;
      for (;;) {
        if (q + 2 > limit) throw this.fail("ASN.1 end-of-contents marker is missing");
        if (this.buf[q] === 0 && this.buf[q + 1] === 0) {
          return { tagClass, constructed, tagNumber, contentStart: p, contentEnd: q, end: q + 2 };
        }
        q = this.read(q, limit, depth + 1).end;
      }
    }

    let length = lengthByte;
    if (lengthByte > 0x80) {
      const count = lengthByte & 0x7f;
      if (count > 4 || p + count > limit) throw this.fail(`bad ASN.1 length at byte ${pos}`);
      length = 0;
      for (let i = 0; i < count; i++) length = length * 256 + this.buf[p++]!;
    }
    if (p + length > limit) throw this.fail(`ASN.1 data is truncated at byte ${pos}`);
    return {
      tagClass,
      constructed,
      tagNumber,
      contentStart: p,
      contentEnd: p + length,
      end: p + length,
    };
  }

  children(tlv: Tlv, depth = 0): Tlv[] {
    if (!tlv.constructed) return [];
    const out: Tlv[] = [];
    for (let pos = tlv.contentStart; pos < tlv.contentEnd; ) {
      const child = this.read(pos, tlv.contentEnd, depth + 1);
      out.push(child);
      pos = child.end;
    }
    return out;
  }

  expect(tlv: Tlv, tagClass: number, tagNumber: number, reason: string): void {
    if (tlv.tagClass !== tagClass || tlv.tagNumber !== tagNumber) throw this.fail(reason);
  }

  /** A primitive OCTET STRING's bytes, or the concatenation of a constructed one's chunks. */
  octets(tlv: Tlv, depth: number): Buffer {
    if (depth > MAX_DEPTH) throw this.fail("ASN.1 nesting is too deep");
    if (!tlv.constructed) return this.buf.subarray(tlv.contentStart, tlv.contentEnd);
    return Buffer.concat(
      this.children(tlv).map((chunk) => {
        this.expect(
          chunk,
          UNIVERSAL,
          OCTET_STRING,
          "eContent holds a chunk that is not an OCTET STRING",
        );
        return this.octets(chunk, depth + 1);
      }),
    );
  }
}
