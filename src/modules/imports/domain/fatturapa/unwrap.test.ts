import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { FatturaParseError } from "./errors";
import { parseFattura } from "./parse-fattura";
import { sampleBytes, sampleText, thrown } from "./samples.test-helper";
import { unwrapFatturaFile } from "./unwrap";

/** Minimal DER encoder for hand-built envelopes (definite lengths). */
function tlv(tag: number, ...parts: Buffer[]): Buffer {
  const content = Buffer.concat(parts);
  const n = content.length;
  const length =
    n < 0x80
      ? Buffer.from([n])
      : n < 0x100
        ? Buffer.from([0x81, n])
        : n < 0x10000
          ? Buffer.from([0x82, n >> 8, n & 0xff])
          : Buffer.from([0x83, n >> 16, (n >> 8) & 0xff, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, content]);
}
const oid = (...bytes: number[]) => tlv(0x06, Buffer.from(bytes));
const SIGNED_DATA = oid(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02);
const DATA = oid(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01);

/** ContentInfo { signedData, [0] SignedData { version 1, digests {}, encap { data, [0] content? } } } */
function signedEnvelope(content?: Buffer, contentType = SIGNED_DATA): Buffer {
  const encap = content ? tlv(0x30, DATA, tlv(0xa0, tlv(0x04, content))) : tlv(0x30, DATA);
  const signedData = tlv(0x30, tlv(0x02, Buffer.from([1])), tlv(0x31), encap);
  return tlv(0x30, contentType, tlv(0xa0, signedData));
}

const FPA01 = "official_IT01234567890_FPA01.xml";

describe("unwrapFatturaFile: containers", () => {
  it("reads plain UTF-8 XML as is", () => {
    const result = unwrapFatturaFile(sampleBytes(FPA01), FPA01);
    expect(result).toEqual({ xml: sampleText(FPA01), container: "xml", encoding: "utf-8" });
  });

  it("drops a UTF-8 byte order mark", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), sampleBytes(FPA01)]);
    expect(unwrapFatturaFile(bytes, FPA01).xml).toBe(sampleText(FPA01));
  });

  it("reads UTF-16LE with a byte order mark", () => {
    const bytes = iconv.encode(sampleText(FPA01), "utf-16le", { addBOM: true });
    expect(unwrapFatturaFile(bytes, FPA01)).toMatchObject({
      xml: sampleText(FPA01),
      encoding: "utf-16le",
    });
  });

  it("extracts a DER .p7m whatever the file is called", () => {
    const bytes = sampleBytes("oca_IT01234567890_FPR03.xml.p7m");
    const asXml = unwrapFatturaFile(bytes, "looks-like.xml");
    expect(asXml.container).toBe("p7m-der");
    expect(asXml.xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(asXml.xml.trimEnd().endsWith("</p:FatturaElettronica>")).toBe(true);
  });

  it("joins the chunked BER OCTET STRING of the fenet .p7m into one document", () => {
    const { xml } = unwrapFatturaFile(sampleBytes("fenet_IT02182030391_31.xml.p7m"), "x.p7m");
    // The eContent is split into 1000-byte chunks; a join error would break a tag.
    expect(xml.length).toBeGreaterThan(3000);
    expect(parseFattura(xml, "x.p7m").bodies[0]!.number).toBe("2");
  });

  it("accepts wrapped Base64, single-line Base64 and PEM armour alike", () => {
    const wrapped = sampleBytes("oca_IT01234567890_FPR04.base64.xml.p7m");
    const expected = unwrapFatturaFile(sampleBytes("oca_IT01234567890_FPR03.xml.p7m"), "a").xml;
    const singleLine = Buffer.from(wrapped.toString("latin1").replace(/\s+/g, ""));
    const pem = Buffer.from(
      `-----BEGIN PKCS7-----\n${wrapped.toString("latin1")}\n-----END PKCS7-----\n`,
    );
    for (const bytes of [wrapped, singleLine, pem]) {
      expect(unwrapFatturaFile(bytes, "f.xml.p7m")).toMatchObject({
        xml: expected,
        container: "p7m-base64",
      });
    }
  });

  it("accepts plain XML even when named .p7m", () => {
    expect(unwrapFatturaFile(sampleBytes(FPA01), "IT01234567890_FPA01.xml.p7m").container).toBe(
      "xml",
    );
  });

  it("unwraps a signed file that was signed again (nested envelopes)", () => {
    const inner = sampleBytes("oca_IT01234567890_FPR03.xml.p7m");
    const result = unwrapFatturaFile(signedEnvelope(inner), "twice.p7m.p7m");
    expect(result.container).toBe("p7m-der");
    expect(parseFattura(result.xml, "twice").bodies).toHaveLength(2);
  });

  it("reads a hand-built definite-length envelope", () => {
    const xml = sampleText(FPA01);
    expect(unwrapFatturaFile(signedEnvelope(Buffer.from(xml)), "f.p7m").xml).toBe(xml);
  });
});

describe("unwrapFatturaFile: encodings", () => {
  it("decodes windows-1252 (accents, euro sign) when declared", () => {
    const text = sampleText("fenet_IT02182030391_32.windows-1252.xml").replace(
      "Azienda di esempio",
      "Società Ètà € Ñ",
    );
    const bytes = iconv.encode(text, "windows-1252");
    expect(bytes.includes(0x80)).toBe(true); // € is 0x80 in windows-1252
    const result = unwrapFatturaFile(bytes, "cp1252.xml");
    expect(result.encoding).toBe("windows-1252");
    expect(parseFattura(result.xml, "cp1252.xml").supplier.name).toBe("Società Ètà € Ñ");
  });

  it("reads ISO-8859-1 declarations as windows-1252", () => {
    const text = sampleText(FPA01)
      .replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
      .replace("ALPHA SRL", "ALPHA È SRL");
    const result = unwrapFatturaFile(iconv.encode(text, "latin1"), "latin1.xml");
    expect(result.encoding).toBe("windows-1252");
    expect(parseFattura(result.xml, "latin1.xml").supplier.name).toBe("ALPHA È SRL");
  });

  it("reads invalid UTF-8 as windows-1252 and says what was declared", () => {
    const text = sampleText(FPA01).replace("ALPHA SRL", "ALPHA CAFFÈ SRL");
    const result = unwrapFatturaFile(iconv.encode(text, "windows-1252"), "mislabelled.xml");
    expect(result).toMatchObject({ encoding: "windows-1252", declaredEncoding: "UTF-8" });
    expect(result.xml).toContain("ALPHA CAFFÈ SRL");
  });

  it("rejects an encoding nobody knows", () => {
    const text = sampleText(FPA01).replace('encoding="UTF-8"', 'encoding="x-klingon"');
    const error = thrown(() => unwrapFatturaFile(Buffer.from(text), "k.xml"));
    expect(error).toBeInstanceOf(FatturaParseError);
    expect(error).toMatchObject({ field: "encoding", file: "k.xml" });
  });
});

describe("unwrapFatturaFile: garbage", () => {
  it.each([
    ["empty", Buffer.alloc(0)],
    ["random binary", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ["plain text", Buffer.from("Gentile cliente, in allegato la fattura.")],
  ])("rejects %s with a FatturaParseError", (_, bytes) => {
    const error = thrown(() => unwrapFatturaFile(bytes, "upload.bin"));
    expect(error).toBeInstanceOf(FatturaParseError);
    expect(error).toMatchObject({ file: "upload.bin", field: "file" });
    expect((error as Error).message).toContain("neither XML nor a signed .p7m");
  });

  it("says the .p7m name is wrong when the content is not CMS", () => {
    const error = thrown(() => unwrapFatturaFile(Buffer.from("%PDF-1.4 ..."), "invoice.xml.p7m"));
    expect((error as Error).message).toContain("the name says .p7m");
  });

  it("rejects a truncated .p7m", () => {
    const bytes = sampleBytes("oca_IT01234567890_FPR03.xml.p7m").subarray(0, 200);
    const error = thrown(() => unwrapFatturaFile(bytes, "cut.p7m"));
    expect(error).toMatchObject({ field: "p7m", reason: expect.stringContaining("truncated") });
  });

  it("rejects a truncated indefinite-length .p7m", () => {
    const bytes = sampleBytes("fenet_IT02182030391_31.xml.p7m").subarray(0, 1500);
    expect(thrown(() => unwrapFatturaFile(bytes, "cut.p7m"))).toBeInstanceOf(FatturaParseError);
  });

  it("rejects a detached signature: there is no invoice inside", () => {
    const error = thrown(() => unwrapFatturaFile(signedEnvelope(), "detached.p7m"));
    expect(error).toMatchObject({ field: "p7m", reason: expect.stringContaining("detached") });
  });

  it("rejects CMS that is not SignedData", () => {
    const error = thrown(() =>
      unwrapFatturaFile(signedEnvelope(Buffer.from("<a/>"), DATA), "x.p7m"),
    );
    expect(error).toMatchObject({ reason: expect.stringContaining("not SignedData") });
  });

  it("rejects a signed envelope whose content is not XML", () => {
    const error = thrown(() => unwrapFatturaFile(signedEnvelope(Buffer.from("hello")), "x.p7m"));
    expect(error).toMatchObject({ reason: "the signed content is not XML" });
  });
});
