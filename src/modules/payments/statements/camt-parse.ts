/**
 * ISO 20022 bank-to-customer cash management messages: camt.052 (intraday
 * report), camt.053 (statement) and camt.054 (debit/credit notification), versions
 * 001.02 to 001.08. The file is read in one pass; each Ntry is mapped as soon as it
 * closes and then dropped, so a 100,000-entry statement needs no large tree.
 * Any problem throws a StatementError: there is no partial result.
 */
import { readEntry } from "./camt-entry.js";
import { type CamtMessage, detectCamtMessage } from "./camt-message.js";
import { CamtReader } from "./camt-reader.js";
import { buildReport, type ReportAccount, readAccount } from "./camt-report.js";
import { StatementError } from "./statement-error.js";
import { StatementKeys } from "./statement-key.js";
import { decodeXmlBytes } from "./text-decoding.js";
import { LineCounter } from "./text-lines.js";
import type { ParsedStatement, StatementEntry } from "./types.js";
import { type ScannedXml, scanXml, type XmlNode, XmlSyntaxError } from "./xml-scanner.js";

interface ReportState {
  account: ReportAccount;
  entries: StatementEntry[];
}

export function parseCamt(fileName: string, xml: string | Buffer): ParsedStatement {
  const text = decodeXmlBytes(fileName, xml);
  const reader: CamtReader = new CamtReader(fileName, text);
  const lines = new LineCounter(text);
  const keys = new StatementKeys();
  const reports = new Map<XmlNode, ReportState>();
  let root: XmlNode | undefined;
  let rootName = "";
  let message: CamtMessage | undefined;

  // The account (Acct) precedes the entries in every version, so it is read when
  // the first entry of a report closes, and each entry is mapped right away.
  const stateOf = (report: XmlNode): ReportState => {
    let state = reports.get(report);
    if (!state) {
      state = { account: readAccount(reader, report), entries: [] };
      reports.set(report, state);
    }
    return state;
  };

  const scanned = scanOrFail(fileName, text, {
    // Detect the message as soon as its first element opens, before reading entries.
    onOpen(node, parent, qualifiedName) {
      if (!parent) {
        root = node;
        rootName = qualifiedName;
      } else if (parent === root && !message) {
        const detected = detectCamtMessage(root, rootName, node);
        if (!detected.ok) reader.fail(node, undefined, detected.reason);
        message = detected.message;
      }
    },
    onClose(node, parent) {
      if (node.name !== "Ntry" || !parent || parent.name !== message?.reportElement) {
        return undefined;
      }
      const state = stateOf(parent);
      const position = { index: state.entries.length + 1, line: lines.lineAt(node.offset) };
      state.entries.push(readEntry(reader, node, position, state.account, keys));
      return "drop";
    },
  });

  // Set by onOpen unless the root has no child element at all.
  const early = message as CamtMessage | undefined;
  const detected = early
    ? { ok: true as const, message: early }
    : detectCamtMessage(scanned.root, scanned.rootQualifiedName, scanned.root.children[0]);
  if (!detected.ok) reader.fail(scanned.root, undefined, detected.reason);
  const { body, format, version, reportElement } = detected.message;

  const header = reader.required(body, "GrpHdr", "");
  const statement: ParsedStatement = {
    fileName,
    format,
    version,
    messageId: reader.requiredText(header, "MsgId", "GrpHdr"),
    reports: [],
  };
  const created = header.children.find((c) => c.name === "CreDtTm");
  if (created) {
    reader.dateTime(created, "GrpHdr/CreDtTm");
    statement.createdAt = created.text;
  }
  for (const report of body.children) {
    if (report.name !== reportElement) continue;
    const state = stateOf(report);
    statement.reports.push(buildReport(reader, report, state.account, state.entries));
  }
  if (statement.reports.length === 0) {
    reader.fail(body, undefined, `the file holds no ${reportElement}`);
  }
  return statement;
}

function scanOrFail(
  fileName: string,
  text: string,
  options: Parameters<typeof scanXml>[1],
): ScannedXml {
  try {
    return scanXml(text, options);
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    throw new StatementError({
      file: fileName,
      line: error.line,
      reason: `not well-formed XML: ${error.reason}`,
    });
  }
}
