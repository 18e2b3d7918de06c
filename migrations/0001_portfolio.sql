-- The portfolio: tenants, identities, debtors, contact points, invoices, cases and their timeline.
-- Every table holding tenant data carries tenant_id, and queries are scoped by it.
-- Child tables reach tenants through composite keys (tenant_id, parent_id): a
-- separate tenant_id foreign key there would be checked on every row for nothing.

create table agencies (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  created_at timestamptz not null default now()
);

create table tenants (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid references agencies (id),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text not null,
  legal_name text,
  vat_number text,
  currency char(3) not null default 'EUR' check (currency ~ '^[A-Z]{3}$'),
  locale text not null default 'it-IT',
  time_zone text not null default 'Europe/Rome',
  country char(2) not null default 'IT' check (country ~ '^[A-Z]{2}$'),
  created_at timestamptz not null default now()
);

-- One natural person or company across all tenants (same codice fiscale / VAT number),
-- so contact rules can count contacts per person whatever the creditor.
create table identities (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('person', 'company')),
  tax_key text not null unique,
  created_at timestamptz not null default now()
);

create table debtors (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  external_id text not null,
  identity_id uuid references identities (id),
  kind text not null check (kind in ('person', 'company')),
  name text not null,
  first_name text,
  last_name text,
  tax_code text,
  vat_number text,
  language text not null default 'it',
  time_zone text,
  segment text,
  risk_score integer check (risk_score between 0 and 1000),
  risk_class text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, external_id),
  unique (tenant_id, id)
);
create index debtors_identity on debtors (identity_id);
create index debtors_tenant_name on debtors (tenant_id, lower(name));

create table contact_points (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  debtor_id uuid not null,
  kind text not null check (kind in ('phone', 'email', 'pec', 'postal')),
  value text not null,
  phone_type text check (phone_type in ('mobile', 'fixed', 'other')),
  address jsonb,
  source text not null default 'import',
  verified_at timestamptz,
  -- Per-channel consent: {"sms": "granted", "call": "unknown"}.
  consent jsonb not null default '{}',
  -- Channels the debtor opted out of on this contact point, with when.
  opt_out jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (tenant_id, debtor_id) references debtors (tenant_id, id),
  unique (tenant_id, debtor_id, kind, value)
);

create table cases (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  debtor_id uuid not null,
  reference text not null unique,
  stage text not null default 'pre_due'
    check (stage in ('pre_due', 'early', 'late', 'pre_legal', 'legal', 'closed')),
  status text not null default 'open' check (status in ('open', 'on_hold', 'closed')),
  hold_reasons text[] not null default '{}',
  owner_user_id uuid,
  priority integer not null default 0,
  opened_at timestamptz not null default now(),
  closed_at timestamptz,
  close_reason text,
  updated_at timestamptz not null default now(),
  foreign key (tenant_id, debtor_id) references debtors (tenant_id, id),
  unique (tenant_id, id)
);
-- One open case per debtor and tenant.
create unique index cases_one_open on cases (tenant_id, debtor_id) where status <> 'closed';
create index cases_tenant_stage on cases (tenant_id, stage) where status <> 'closed';

create sequence case_reference_seq;

create table invoices (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  debtor_id uuid not null,
  case_id uuid,
  external_id text not null,
  number text not null,
  document_type text not null default 'invoice' check (document_type in ('invoice', 'credit_note')),
  issue_date date not null,
  due_date date not null,
  amount_minor bigint not null,
  open_amount_minor bigint not null,
  currency char(3) not null,
  status text not null default 'open' check (status in ('open', 'paid', 'cancelled')),
  related_external_ids text[] not null default '{}',
  source text not null default 'import',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (tenant_id, debtor_id) references debtors (tenant_id, id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id),
  unique (tenant_id, external_id),
  check (abs(open_amount_minor) <= abs(amount_minor))
);
create index invoices_debtor on invoices (tenant_id, debtor_id);
create index invoices_case on invoices (case_id) where status = 'open';
create index invoices_due on invoices (tenant_id, due_date) where status = 'open';

create table invoice_installments (
  tenant_id uuid not null,
  invoice_id uuid not null references invoices (id) on delete cascade,
  seq integer not null check (seq > 0),
  due_date date not null,
  amount_minor bigint not null,
  open_amount_minor bigint not null,
  payment_method text,
  iban text,
  primary key (invoice_id, seq)
);

-- The append-only timeline of every case: nothing here is ever updated or deleted.
create table case_events (
  id bigint generated always as identity primary key,
  tenant_id uuid not null,
  case_id uuid not null,
  at timestamptz not null default now(),
  type text not null,
  actor text not null default 'system',
  data jsonb not null default '{}',
  foreign key (tenant_id, case_id) references cases (tenant_id, id)
);
create index case_events_case on case_events (case_id, at);

create function forbid_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name using errcode = 'P0001';
end $$;
create trigger case_events_append_only before update or delete on case_events
  for each row execute function forbid_change();
