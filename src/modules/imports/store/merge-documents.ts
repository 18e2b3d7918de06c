import { createHash } from "node:crypto";
import type pg from "pg";
import type { DocumentRecord } from "../domain/records";

/** Bytes per statement. */
const BATCH_BYTES = 16 * 1024 * 1024;

/**
 * Keeps each file behind the invoices this import staged from it (see
 * merge-invoices.ts): a rejected invoice gets nothing. For one invoice and kind
 * the last file wins, as the last row does for the invoice itself. The same bytes
 * again change nothing; a document a person uploaded is never replaced by an import.
 * Files go in batches, as one binary parameter cut by offsets: a statement per file,
 * or a bytea[] (sent as hex text), cost as much as parsing the files.
 */
export async function mergeDocuments(
  client: pg.PoolClient,
  tenantId: string,
  documents: DocumentRecord[],
): Promise<void> {
  for (const batch of batches(lastDocumentPerInvoice(documents))) {
    const files = batch.map(([document]) => document);
    const links = batch.flatMap(([, ids], n) => ids.map((id) => [id, n + 1] as const));
    const starts: number[] = [];
    let offset = 1;
    for (const file of files) {
      starts.push(offset);
      offset += file.bytes.length;
    }
    await client.query(
      `with files as (
         select * from unnest($2::text[], $3::text[], $4::text[], $5::text[], $7::int[], $8::int[])
           with ordinality as f(kind, file_name, content_type, sha256, start, size, n)),
       links as (select * from unnest($9::text[], $10::int[]) as l(ext_id, n))
       insert into invoice_documents (tenant_id, invoice_id, kind, file_name, content_type,
         sha256, bytes, source)
       select $1, i.id, f.kind, f.file_name, f.content_type, f.sha256,
         substring($6::bytea from f.start for f.size), 'import'
       from links l
       join files f on f.n = l.n
       join staged_invoices s on s.ext_id = l.ext_id
       join invoices i on i.tenant_id = $1 and i.external_id = s.ext_id
       on conflict (invoice_id, kind) do update set file_name = excluded.file_name,
         content_type = excluded.content_type, sha256 = excluded.sha256, bytes = excluded.bytes,
         created_at = now()
       where invoice_documents.source = 'import'
         and (invoice_documents.sha256, invoice_documents.file_name, invoice_documents.content_type)
           is distinct from (excluded.sha256, excluded.file_name, excluded.content_type)`,
      [
        tenantId,
        files.map((f) => f.kind),
        files.map((f) => f.fileName),
        files.map((f) => f.contentType),
        files.map((f) => createHash("sha256").update(f.bytes).digest("hex")),
        Buffer.concat(files.map((f) => f.bytes)),
        starts,
        files.map((f) => f.bytes.length),
        links.map(([id]) => id),
        links.map(([, n]) => n),
      ],
    );
  }
}

/** Each document with the invoices it is the last word on, in import order. */
function lastDocumentPerInvoice(documents: DocumentRecord[]): Map<DocumentRecord, string[]> {
  const last = new Map<string, DocumentRecord>();
  for (const document of documents) {
    for (const id of document.invoiceExternalIds) last.set(`${document.kind} ${id}`, document);
  }
  const byDocument = new Map<DocumentRecord, string[]>();
  for (const [key, document] of last) {
    const ids = byDocument.get(document) ?? [];
    ids.push(key.slice(key.indexOf(" ") + 1));
    byDocument.set(document, ids);
  }
  return byDocument;
}

function* batches(
  byDocument: Map<DocumentRecord, string[]>,
): Generator<Array<[DocumentRecord, string[]]>> {
  let batch: Array<[DocumentRecord, string[]]> = [];
  let size = 0;
  for (const entry of byDocument) {
    if (batch.length > 0 && size + entry[0].bytes.length > BATCH_BYTES) {
      yield batch;
      batch = [];
      size = 0;
    }
    batch.push(entry);
    size += entry[0].bytes.length;
  }
  if (batch.length > 0) yield batch;
}
