/**
 * Small camt.053 documents for tests, one element per line so the line numbers
 * in expected messages can be read off: the first entry's <Ntry> is line 22.
 */
export interface TestEntry {
  amount?: string;
  ccy?: string;
  direction?: string;
  reversal?: boolean;
  bookingDate?: string;
  entryServicerRef?: string;
  txServicerRef?: string;
  endToEndId?: string;
  rf?: string;
  debtor?: string;
}

export const FIRST_NTRY_LINE = 22;

export function camt053(
  entries: TestEntry[],
  options: { iban?: string; ccy?: string; namespace?: string; statementId?: string } = {},
): string {
  const namespace = options.namespace ?? "urn:iso:std:iso:20022:tech:xsd:camt.053.001.04";
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="${namespace}">
<BkToCstmrStmt>
<GrpHdr>
<MsgId>MSG-1</MsgId>
<CreDtTm>2025-03-14T20:00:00+01:00</CreDtTm>
</GrpHdr>
<Stmt>
<Id>${options.statementId ?? "STMT-1"}</Id>
<Acct>
<Id>
<IBAN>${options.iban ?? "IT60X0542811101000000123456"}</IBAN>
</Id>
<Ccy>${options.ccy ?? "EUR"}</Ccy>
</Acct>
<Bal>
<Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp>
<Amt Ccy="${options.ccy ?? "EUR"}">100.00</Amt>
<CdtDbtInd>DBIT</CdtDbtInd>
<Dt><Dt>2025-03-13</Dt></Dt>
</Bal>
${entries.map(entryXml).join("")}</Stmt>
</BkToCstmrStmt>
</Document>
`;
}

/** Twelve lines per entry (the <Ntry> line first). */
function entryXml(e: TestEntry): string {
  const refs = [
    e.txServicerRef === undefined ? "" : `<AcctSvcrRef>${e.txServicerRef}</AcctSvcrRef>`,
    e.endToEndId === undefined ? "" : `<EndToEndId>${e.endToEndId}</EndToEndId>`,
  ].join("");
  const rmt = e.rf === undefined ? "" : `<Strd><CdtrRefInf><Ref>${e.rf}</Ref></CdtrRefInf></Strd>`;
  return `<Ntry>
<Amt Ccy="${e.ccy ?? "EUR"}">${e.amount ?? "10.00"}</Amt>
<CdtDbtInd>${e.direction ?? "CRDT"}</CdtDbtInd>
<RvslInd>${e.reversal ? "true" : "false"}</RvslInd>
<Sts>BOOK</Sts>
<BookgDt><Dt>${e.bookingDate ?? "2025-03-14"}</Dt></BookgDt>
<ValDt><Dt>2025-03-14</Dt></ValDt>
${e.entryServicerRef === undefined ? "" : `<AcctSvcrRef>${e.entryServicerRef}</AcctSvcrRef>`}
<NtryDtls><TxDtls><Refs>${refs}</Refs>
<RltdPties><Dbtr><Nm>${e.debtor ?? "Mario Rossi"}</Nm></Dbtr></RltdPties>
<RmtInf>${rmt}<Ustrd>Fattura 1</Ustrd></RmtInf></TxDtls></NtryDtls>
</Ntry>
`;
}
