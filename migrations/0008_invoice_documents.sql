-- The documents behind an invoice: the original e-invoice (FatturaPA XML, or its signed .p7m) and a PDF.
-- The primary key serves the portal's "which invoices have which documents" (invoice_id = any(...)).
create table invoice_documents (
  tenant_id uuid not null,
  invoice_id uuid not null,
  kind text not null check (kind in ('einvoice', 'pdf')),
  file_name text not null,
  -- The type the file is served with, so it must match the kind.
  content_type text not null check (
    (kind = 'pdf' and content_type = 'application/pdf')
    or (kind = 'einvoice' and content_type in ('application/xml', 'application/pkcs7-mime'))),
  sha256 text not null,
  bytes bytea not null,
  source text not null check (source in ('import', 'upload')),
  created_at timestamptz not null default now(),
  primary key (invoice_id, kind),
  foreign key (invoice_id) references invoices (id)
);
