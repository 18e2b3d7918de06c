import type pg from "pg";
import type { DocumentKind } from "../domain/document-content";

/**
 * The documents behind invoices (migration 0008). Every query is scoped by tenant,
 * so another tenant's invoice reads exactly like a missing one. Lists never read the
 * bytes: octet_length of a bytea does not detoast it.
 */

type Queryable = pg.Pool | pg.PoolClient;

export interface InvoiceDocumentInfo {
  kind: DocumentKind;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  source: "import" | "upload";
  createdAt: Date;
}

/** Which kinds each invoice has, kinds in name order; every invoice asked about is in the map. */
export async function listInvoiceDocumentKinds(
  pool: Queryable,
  tenantId: string,
  invoiceIds: string[],
): Promise<Map<string, DocumentKind[]>> {
  const kinds = new Map<string, DocumentKind[]>(invoiceIds.map((id) => [id, []]));
  if (invoiceIds.length === 0) return kinds;
  const { rows } = await pool.query<{ invoice_id: string; kind: DocumentKind }>(
    `select invoice_id, kind from invoice_documents
     where tenant_id = $1 and invoice_id = any($2::uuid[])
     order by invoice_id, kind`,
    [tenantId, invoiceIds],
  );
  for (const row of rows) kinds.get(row.invoice_id)?.push(row.kind);
  return kinds;
}

export async function loadInvoiceDocument(
  pool: Queryable,
  ref: { tenantId: string; invoiceId: string; kind: DocumentKind },
): Promise<{ fileName: string; contentType: string; bytes: Buffer; sha256: string } | undefined> {
  const { rows } = await pool.query<{
    file_name: string;
    content_type: string;
    bytes: Buffer;
    sha256: string;
  }>(
    `select file_name, content_type, bytes, sha256 from invoice_documents
     where tenant_id = $1 and invoice_id = $2 and kind = $3`,
    [ref.tenantId, ref.invoiceId, ref.kind],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    fileName: row.file_name,
    contentType: row.content_type,
    bytes: row.bytes,
    sha256: row.sha256,
  };
}

/** The documents of one invoice without their bytes; undefined when the tenant has no such invoice. */
export async function listInvoiceDocuments(
  pool: Queryable,
  tenantId: string,
  invoiceId: string,
): Promise<InvoiceDocumentInfo[] | undefined> {
  const { rows } = await pool.query<Row & { kind: DocumentKind | null }>(
    `select d.kind, d.file_name, d.content_type, octet_length(d.bytes) as size_bytes, d.sha256,
       d.source, d.created_at
     from invoices i
     left join invoice_documents d on d.tenant_id = i.tenant_id and d.invoice_id = i.id
     where i.tenant_id = $1 and i.id = $2
     order by d.kind`,
    [tenantId, invoiceId],
  );
  if (rows.length === 0) return undefined;
  return rows.filter((r) => r.kind !== null).map((r) => toInfo(r as Row));
}

/**
 * Stores (or replaces) a document a person uploaded. Undefined when the tenant has no
 * such invoice; `created` tells a first document of this kind from a replacement.
 */
export async function saveUploadedDocument(
  pool: Queryable,
  input: {
    tenantId: string;
    invoiceId: string;
    kind: DocumentKind;
    fileName: string;
    contentType: string;
    bytes: Buffer;
  },
): Promise<(InvoiceDocumentInfo & { created: boolean }) | undefined> {
  const { rows } = await pool.query<Row & { created: boolean }>(
    `with previous as (
       select 1 from invoice_documents where tenant_id = $1 and invoice_id = $2 and kind = $3)
     insert into invoice_documents (tenant_id, invoice_id, kind, file_name, content_type, sha256,
       bytes, source)
     select i.tenant_id, i.id, $3, $4, $5, encode(sha256($6::bytea), 'hex'), $6::bytea, 'upload'
     from invoices i where i.tenant_id = $1 and i.id = $2
     on conflict (invoice_id, kind) do update set file_name = excluded.file_name,
       content_type = excluded.content_type, sha256 = excluded.sha256, bytes = excluded.bytes,
       source = 'upload', created_at = now()
     returning kind, file_name, content_type, octet_length(bytes) as size_bytes, sha256, source,
       created_at, not exists (select 1 from previous) as created`,
    [input.tenantId, input.invoiceId, input.kind, input.fileName, input.contentType, input.bytes],
  );
  const row = rows[0];
  return row && { ...toInfo(row), created: row.created };
}

type Row = {
  kind: DocumentKind;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  source: "import" | "upload";
  created_at: Date;
};

const toInfo = (r: Row): InvoiceDocumentInfo => ({
  kind: r.kind,
  fileName: r.file_name,
  contentType: r.content_type,
  sizeBytes: r.size_bytes,
  sha256: r.sha256,
  source: r.source,
  createdAt: r.created_at,
});
