/**
 * Writes small camt.053.001.08 statements for tests: each entry a booked credit or
 * debit with one transaction, its references, and (for returns) the return reason.
 */
export interface TestEntry {
  amountMinor: bigint;
  direction?: "credit" | "debit";
  reversal?: boolean;
  /** The bank's reference: what makes the same entry in two statements the same. */
  bankRef: string;
  bookingDate?: string;
  rf?: string;
  remittance?: string;
  payerName?: string;
  payerIban?: string;
  endToEndId?: string;
  returnReason?: string;
  currency?: string;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const decimal = (minor: bigint) => `${minor / 100n}.${String(minor % 100n).padStart(2, "0")}`;

export function camt053(options: { id?: string; iban?: string; entries: TestEntry[] }): string {
  const iban = options.iban ?? "IT60X0542811101000000123456";
  const entries = options.entries.map((e) => entryXml(e)).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>${escapeXml(options.id ?? "MSG-1")}</MsgId><CreDtTm>2026-11-24T08:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>${escapeXml(options.id ?? "STMT-1")}</Id>
      <CreDtTm>2026-11-24T08:00:00</CreDtTm>
      <Acct><Id><IBAN>${iban}</IBAN></Id><Ccy>EUR</Ccy></Acct>
${entries}
    </Stmt>
  </BkToCstmrStmt>
</Document>
`;
}

function entryXml(e: TestEntry): string {
  const direction = e.direction === "debit" ? "DBIT" : "CRDT";
  const ccy = e.currency ?? "EUR";
  const day = e.bookingDate ?? "2026-11-23";
  const party =
    e.direction === "debit"
      ? `<Cdtr><Pty><Nm>${escapeXml(e.payerName ?? "")}</Nm></Pty></Cdtr>`
      : `<Dbtr><Pty><Nm>${escapeXml(e.payerName ?? "")}</Nm></Pty></Dbtr>${
          e.payerIban ? `<DbtrAcct><Id><IBAN>${e.payerIban}</IBAN></Id></DbtrAcct>` : ""
        }`;
  const remittance = [
    e.remittance ? `<Ustrd>${escapeXml(e.remittance)}</Ustrd>` : "",
    e.rf
      ? `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>${e.rf}</Ref></CdtrRefInf></Strd>`
      : "",
  ].join("");
  return `      <Ntry>
        <Amt Ccy="${ccy}">${decimal(e.amountMinor)}</Amt>
        <CdtDbtInd>${direction}</CdtDbtInd>
        ${e.reversal ? "<RvslInd>true</RvslInd>" : ""}
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>${day}</Dt></BookgDt>
        <ValDt><Dt>${day}</Dt></ValDt>
        <AcctSvcrRef>${escapeXml(e.bankRef)}</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls><TxDtls>
          <Refs><AcctSvcrRef>${escapeXml(e.bankRef)}-1</AcctSvcrRef>${e.endToEndId ? `<EndToEndId>${escapeXml(e.endToEndId)}</EndToEndId>` : ""}</Refs>
          <Amt Ccy="${ccy}">${decimal(e.amountMinor)}</Amt>
          ${e.payerName ? `<RltdPties>${party}</RltdPties>` : ""}
          ${remittance ? `<RmtInf>${remittance}</RmtInf>` : ""}
          ${e.returnReason ? `<RtrInf><Rsn><Cd>${e.returnReason}</Cd></Rsn></RtrInf>` : ""}
        </TxDtls></NtryDtls>
      </Ntry>`;
}
