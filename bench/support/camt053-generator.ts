/**
 * Writes a large, valid camt.053.001.08 day statement for benchmarks and tests:
 * one Stmt, N booked credit entries, each with one TxDtls. Text is built in string
 * chunks (no DOM, no XML library), so generating 100k entries takes about a second.
 */
import { once } from "node:events";

export interface GeneratedEntry {
  amountMinor: bigint;
  rfReference?: string;
  unstructured?: string;
  debtorName?: string;
  endToEndId?: string;
}

export interface Camt053Options {
  entries: number;
  accountIban: string;
  /** YYYY-MM-DD; the booking and value date of every entry. */
  bookingDate: string;
  /** Called once per entry, with the 1-based entry number. */
  entryFor(i: number): GeneratedEntry;
}

type Sink = NodeJS.WritableStream | ((chunk: string) => void);

const CHUNK_CHARS = 256 * 1024;

/**
 * Resolves once everything is handed to the sink; a stream's back-pressure is
 * honoured. Entry i gets AcctSvcrRef "E<yyyymmdd><i>" and its transaction
 * "T<yyyymmdd><i>", so generating the same day again gives the same bank references.
 */
export async function writeCamt053(sink: Sink, opts: Camt053Options): Promise<void> {
  const write = typeof sink === "function" ? sink : streamWriter(sink);
  const entries = Array.from({ length: opts.entries }, (_, i) => opts.entryFor(i + 1));
  const total = entries.reduce((sum, e) => sum + e.amountMinor, 0n);

  let buffer = header(opts, total);
  for (let i = 0; i < entries.length; i++) {
    buffer += entryXml(i + 1, entries[i]!, opts.bookingDate);
    if (buffer.length >= CHUNK_CHARS) {
      await write(buffer);
      buffer = "";
    }
  }
  await write(`${buffer}		</Stmt>
	</BkToCstmrStmt>
</Document>
`);
}

function streamWriter(stream: NodeJS.WritableStream) {
  return async (chunk: string): Promise<void> => {
    if (!stream.write(chunk)) await once(stream as NodeJS.EventEmitter, "drain");
  };
}

function header(opts: Camt053Options, total: bigint): string {
  const day = opts.bookingDate;
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
	<BkToCstmrStmt>
		<GrpHdr>
			<MsgId>BENCH-${day}-${opts.entries}</MsgId>
			<CreDtTm>${day}T23:00:00+01:00</CreDtTm>
		</GrpHdr>
		<Stmt>
			<Id>STMT-${day}</Id>
			<CreDtTm>${day}T23:00:00+01:00</CreDtTm>
			<FrToDt>
				<FrDtTm>${day}T00:00:00+01:00</FrDtTm>
				<ToDtTm>${day}T23:59:59+01:00</ToDtTm>
			</FrToDt>
			<Acct>
				<Id>
					<IBAN>${opts.accountIban}</IBAN>
				</Id>
				<Ccy>EUR</Ccy>
			</Acct>
${balance("OPBD", 0n, day)}${balance("CLBD", total, day)}`;
}

function balance(code: string, minor: bigint, day: string): string {
  return `			<Bal>
				<Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp>
				<Amt Ccy="EUR">${decimal(minor)}</Amt>
				<CdtDbtInd>CRDT</CdtDbtInd>
				<Dt><Dt>${day}</Dt></Dt>
			</Bal>
`;
}

// Leaf groups sit on one line, as many banks write them: 100k entries stay near 100 MB.
function entryXml(index: number, entry: GeneratedEntry, day: string): string {
  const amount = decimal(entry.amountMinor);
  const ref = `${day.replaceAll("-", "")}${String(index).padStart(10, "0")}`;
  const endToEnd = entry.endToEndId === undefined ? "NOTPROVIDED" : escapeXml(entry.endToEndId);
  const debtor =
    entry.debtorName === undefined
      ? ""
      : `
							<Dbtr><Pty><Nm>${escapeXml(entry.debtorName)}</Nm></Pty></Dbtr>`;
  return `			<Ntry>
				<NtryRef>${index}</NtryRef>
				<Amt Ccy="EUR">${amount}</Amt>
				<CdtDbtInd>CRDT</CdtDbtInd>
				<Sts><Cd>BOOK</Cd></Sts>
				<BookgDt><Dt>${day}</Dt></BookgDt>
				<ValDt><Dt>${day}</Dt></ValDt>
				<AcctSvcrRef>E${ref}</AcctSvcrRef>
				<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
				<NtryDtls>
					<TxDtls>
						<Refs>
							<AcctSvcrRef>T${ref}</AcctSvcrRef>
							<EndToEndId>${endToEnd}</EndToEndId>
						</Refs>
						<Amt Ccy="EUR">${amount}</Amt>
						<CdtDbtInd>CRDT</CdtDbtInd>
						<RltdPties>${debtor}
							<DbtrAcct><Id><IBAN>IT60X0542811101000000123456</IBAN></Id></DbtrAcct>
						</RltdPties>${remittance(entry)}
					</TxDtls>
				</NtryDtls>
			</Ntry>
`;
}

function remittance(entry: GeneratedEntry): string {
  if (entry.unstructured === undefined && entry.rfReference === undefined) return "";
  const ustrd =
    entry.unstructured === undefined
      ? ""
      : `
							<Ustrd>${escapeXml(entry.unstructured)}</Ustrd>`;
  const strd =
    entry.rfReference === undefined
      ? ""
      : `
							<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp><Ref>${escapeXml(entry.rfReference)}</Ref></CdtrRefInf></Strd>`;
  return `
						<RmtInf>${ustrd}${strd}
						</RmtInf>`;
}

/** Minor units of a 2-decimal currency as ISO 20022 writes them ("1234.50"). */
function decimal(minor: bigint): string {
  const digits = minor.toString().padStart(3, "0");
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
