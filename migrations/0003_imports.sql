-- Import runs, their rejected rows, and the staging table bulk loads go through.

create table imports (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  kind text not null check (kind in ('csv', 'json', 'fatturapa', 'demo')),
  source_name text not null,
  status text not null default 'running' check (status in ('running', 'completed', 'failed')),
  mapping jsonb,
  rows_read integer not null default 0,
  bytes_read bigint not null default 0,
  created integer not null default 0,
  updated integer not null default 0,
  unchanged integer not null default 0,
  rejected integer not null default 0,
  -- Per record type: {"debtor": {"created": 1, ...}, "invoice": {...}}.
  counts jsonb not null default '{}',
  failure text,
  created_by uuid references users (id),
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  unique (tenant_id, id)
);
create index imports_tenant on imports (tenant_id, started_at desc);

create table import_errors (
  id bigint generated always as identity primary key,
  tenant_id uuid not null,
  import_id uuid not null,
  source text not null,
  line integer not null,
  field text not null,
  value text,
  reason text not null,
  foreign key (tenant_id, import_id) references imports (tenant_id, id)
);
create index import_errors_import on import_errors (import_id, line);
