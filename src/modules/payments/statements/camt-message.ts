/**
 * Which camt message a document is: from the namespace of its root
 * ("urn:iso:std:iso:20022:tech:xsd:camt.053.001.04"), or, when the file declares no
 * namespace, from the message element under the root (BkToCstmrStmt = camt.053).
 */
import type { StatementFormat } from "./types.js";
import type { XmlNode } from "./xml-scanner.js";

export interface CamtMessage {
  format: Exclude<StatementFormat, "csv">;
  /** "001.04"; "unknown" when the file has no namespace to tell. */
  version: string;
  /** The message element under Document. */
  body: XmlNode;
  /** Stmt, Rpt or Ntfctn. */
  reportElement: string;
}

export type CamtDetection = { ok: true; message: CamtMessage } | { ok: false; reason: string };

const MESSAGES = {
  "camt.052": { body: "BkToCstmrAcctRpt", report: "Rpt" },
  "camt.053": { body: "BkToCstmrStmt", report: "Stmt" },
  "camt.054": { body: "BkToCstmrDbtCdtNtfctn", report: "Ntfctn" },
} as const;

export const SUPPORTED_VERSIONS = [
  "001.02",
  "001.03",
  "001.04",
  "001.05",
  "001.06",
  "001.07",
  "001.08",
];

const ISO_MESSAGE = /(?:^|[:/])([a-z]{4}\.\d{3})\.(\d{3}\.\d{2})(?:\.xsd)?$/;

/** `body` is the first element under the root (passed in: it may still be open). */
export function detectCamtMessage(
  root: XmlNode,
  rootQualifiedName: string,
  body: XmlNode | undefined,
): CamtDetection {
  if (root.name !== "Document") {
    return { ok: false, reason: `the root element is <${rootQualifiedName}>, not <Document>` };
  }
  const colon = rootQualifiedName.indexOf(":");
  const prefix = colon < 0 ? "" : rootQualifiedName.slice(0, colon);
  const namespace = root.attributes?.[prefix ? `xmlns:${prefix}` : "xmlns"];
  const supported = `camt.052, camt.053 or camt.054 version ${SUPPORTED_VERSIONS[0]}–${SUPPORTED_VERSIONS.at(-1)}`;

  if (namespace === undefined || namespace === "") {
    const format = formatOfBody(body?.name);
    if (!format || !body) {
      return {
        ok: false,
        reason: `no namespace, and <${body?.name ?? "nothing"}> under Document is not a bank statement (expected ${supported})`,
      };
    }
    return { ok: true, message: message(format, "unknown", body) };
  }
  const match = ISO_MESSAGE.exec(namespace);
  const name = match?.[1];
  if (!match || !name || !(name in MESSAGES)) {
    const what = match ? `a ${name}.${match[2]} message` : `namespace "${namespace}"`;
    return { ok: false, reason: `${what} is not a bank statement (expected ${supported})` };
  }
  const format = name as keyof typeof MESSAGES;
  const version = match[2]!;
  if (!SUPPORTED_VERSIONS.includes(version)) {
    return {
      ok: false,
      reason: `${format}.${version} is not a supported version (expected ${supported})`,
    };
  }
  if (!body || body.name !== MESSAGES[format].body) {
    return {
      ok: false,
      reason: `a ${format} document must hold <${MESSAGES[format].body}>, found <${body?.name ?? "nothing"}>`,
    };
  }
  return { ok: true, message: message(format, version, body) };
}

/** The report element (Stmt/Rpt/Ntfctn) of the body element named `bodyName`. */
export function reportElementOf(bodyName: string): string | undefined {
  const format = formatOfBody(bodyName);
  return format ? MESSAGES[format].report : undefined;
}

function formatOfBody(name: string | undefined): keyof typeof MESSAGES | undefined {
  for (const [format, names] of Object.entries(MESSAGES)) {
    if (names.body === name) return format as keyof typeof MESSAGES;
  }
  return undefined;
}

function message(format: keyof typeof MESSAGES, version: string, body: XmlNode): CamtMessage {
  return { format, version, body, reportElement: MESSAGES[format].report };
}
