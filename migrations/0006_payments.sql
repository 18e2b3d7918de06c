-- Payments: what came in (bank statements, card, direct debit, manual), where it
-- went (an allocation ledger that always balances), what was promised, and the
-- repayment plans with their installments, mandates and signatures.

-- Per-tenant payment settings: promise grace, plan policy, SEPA creditor id, matching thresholds.
create table tenant_payment_settings (
  tenant_id uuid primary key references tenants (id),
  settings jsonb not null default '{}',
  updated_by uuid references users (id),
  updated_at timestamptz not null default now()
);

-- Every statement file imported (a re-import is recorded too; its entries book nothing twice).
create table statement_imports (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  file_name text not null,
  format text not null,
  version text not null,
  message_id text not null,
  sha256 text not null,
  account_iban text,
  transactions integer not null default 0,
  credits integer not null default 0,
  matched integer not null default 0,
  unmatched integer not null default 0,
  duplicates integer not null default 0,
  reversals integer not null default 0,
  ignored integer not null default 0,
  problems jsonb not null default '[]',
  imported_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (tenant_id, id)
);

-- One row per incoming payment. external_key is the idempotency key of its source
-- (bank transaction key, card payment id, collection id): the same money is booked once.
create table payments (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  external_key text not null,
  source text not null check (source in ('bank_transfer', 'direct_debit', 'card', 'pagopa', 'manual')),
  amount_minor bigint not null check (amount_minor > 0),
  currency char(3) not null,
  booked_on date not null,
  value_date date,
  payer_name text,
  payer_iban text,
  end_to_end_id text,
  refs jsonb not null default '{}',
  -- The case it was matched to (null while unmatched, or when split over several).
  case_id uuid,
  installment_id uuid,
  match_method text,
  match_confidence integer check (match_confidence between 0 and 100),
  -- Candidates for a person to choose from, when matching was not confident.
  suggestions jsonb not null default '[]',
  status text not null check (status in ('unmatched', 'allocated', 'reversed', 'ignored')),
  statement_import_id uuid references statement_imports (id),
  statement_line integer,
  reversed_at timestamptz,
  reversal_reason text,
  -- The bank transaction (or provider event) that reversed it: applied once.
  reversal_key text,
  matched_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, external_key),
  unique (tenant_id, reversal_key),
  unique (tenant_id, id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id)
);
create index payments_unmatched on payments (tenant_id, booked_on) where status = 'unmatched';
create index payments_case on payments (case_id, booked_on);
create index payments_end_to_end on payments (tenant_id, end_to_end_id) where end_to_end_id is not null;

-- The allocation ledger, append-only. For every payment: sum(amount_minor) equals the
-- payment's amount while it stands, and 0 once reversed (reversal rows mirror the others).
-- kind 'invoice' settles an invoice; 'credit' is money held for the debtor (overpayment).
create table payment_allocations (
  id bigint generated always as identity primary key,
  tenant_id uuid not null,
  payment_id uuid not null,
  case_id uuid,
  invoice_id uuid references invoices (id),
  kind text not null check (kind in ('invoice', 'credit')),
  amount_minor bigint not null check (amount_minor <> 0),
  reverses bigint references payment_allocations (id),
  at timestamptz not null default now(),
  foreign key (tenant_id, payment_id) references payments (tenant_id, id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id)
);
create index payment_allocations_payment on payment_allocations (payment_id);
create index payment_allocations_case on payment_allocations (case_id);
create trigger payment_allocations_append_only before update or delete on payment_allocations
  for each row execute function forbid_change();

-- Integration events (payment.received, case.closed, ...), read in order by id.
create table domain_events (
  id bigint generated always as identity primary key,
  tenant_id uuid not null references tenants (id),
  type text not null,
  case_id uuid,
  data jsonb not null default '{}',
  occurred_at timestamptz not null default now()
);
create index domain_events_tenant on domain_events (tenant_id, id);

-- Promises to pay: from an agent call, a reply, the portal or the API.
create table promises (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  case_id uuid not null,
  amount_minor bigint not null check (amount_minor > 0),
  currency char(3) not null,
  due_date date not null,
  grace_days integer not null check (grace_days >= 0),
  source text not null check (source in ('agent', 'sms_reply', 'email_reply', 'portal', 'api')),
  status text not null default 'pending' check (status in ('pending', 'kept', 'broken', 'cancelled')),
  -- Payments booked since the promise was made, towards it.
  paid_minor bigint not null default 0,
  note text,
  created_by text not null,
  created_at timestamptz not null default now(),
  resolved_at timestamptz,
  foreign key (tenant_id, case_id) references cases (tenant_id, id),
  unique (tenant_id, id)
);
create unique index promises_one_pending on promises (case_id) where status = 'pending';
create index promises_due on promises (due_date) where status = 'pending';

-- SEPA Direct Debit mandates (the debtor's authorisation to collect a plan's installments).
create table sdd_mandates (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  debtor_id uuid not null,
  reference text not null,
  creditor_id text not null,
  signed_on date not null,
  debtor_name text not null,
  debtor_iban text not null,
  debtor_bic text,
  status text not null default 'active' check (status in ('active', 'revoked', 'expired')),
  first_collected_at timestamptz,
  last_collected_at timestamptz,
  created_at timestamptz not null default now(),
  foreign key (tenant_id, debtor_id) references debtors (tenant_id, id),
  unique (tenant_id, reference),
  unique (tenant_id, id)
);

-- Repayment plans (piano di rientro). One live plan per case.
create table plans (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  case_id uuid not null,
  status text not null check (status in ('pending_approval', 'awaiting_signature', 'active',
    'at_risk', 'broken', 'completed', 'rejected', 'cancelled')),
  total_minor bigint not null check (total_minor > 0),
  down_payment_minor bigint not null default 0,
  installments integer not null check (installments > 0),
  frequency text not null check (frequency in ('weekly', 'biweekly', 'monthly')),
  first_due_date date not null,
  currency char(3) not null,
  method text not null default 'transfer' check (method in ('transfer', 'direct_debit', 'card')),
  mandate_id uuid,
  source text not null,
  decision jsonb not null default '{}',
  -- The invoices and amounts the plan pays, as they stood when it was proposed:
  -- the acknowledgment of debt is rendered from this, the same bytes every time.
  debt_snapshot jsonb not null default '[]',
  language text not null default 'it',
  proposed_by text not null,
  decided_by uuid references users (id),
  decided_at timestamptz,
  signed_at timestamptz,
  ended_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (tenant_id, case_id) references cases (tenant_id, id),
  foreign key (tenant_id, mandate_id) references sdd_mandates (tenant_id, id),
  unique (tenant_id, id)
);
create unique index plans_one_live on plans (case_id)
  where status in ('pending_approval', 'awaiting_signature', 'active', 'at_risk');

create table plan_installments (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  plan_id uuid not null,
  seq integer not null check (seq >= 0),
  kind text not null check (kind in ('down_payment', 'installment')),
  due_date date not null,
  amount_minor bigint not null check (amount_minor > 0),
  paid_minor bigint not null default 0 check (paid_minor >= 0),
  status text not null default 'due',
  foreign key (tenant_id, plan_id) references plans (tenant_id, id),
  unique (plan_id, seq),
  unique (tenant_id, id)
);
create index plan_installments_due on plan_installments (due_date) where paid_minor < amount_minor;

alter table payments add foreign key (tenant_id, installment_id) references plan_installments (tenant_id, id);

-- What a plan's installment received from which payment (reversal rows are negative).
create table installment_allocations (
  id bigint generated always as identity primary key,
  tenant_id uuid not null,
  payment_id uuid not null,
  installment_id uuid not null,
  amount_minor bigint not null check (amount_minor <> 0),
  at timestamptz not null default now(),
  foreign key (tenant_id, payment_id) references payments (tenant_id, id),
  foreign key (tenant_id, installment_id) references plan_installments (tenant_id, id)
);
create index installment_allocations_payment on installment_allocations (payment_id);

-- Documents a plan produced (the acknowledgment of debt), kept as signed.
create table plan_documents (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  plan_id uuid not null,
  kind text not null check (kind in ('acknowledgment', 'signed_acknowledgment')),
  language text not null,
  sha256 text not null,
  pdf bytea not null,
  created_at timestamptz not null default now(),
  foreign key (tenant_id, plan_id) references plans (tenant_id, id),
  unique (plan_id, kind)
);

-- One-time codes sent to sign a plan; only the HMAC of the code is kept.
create table signature_codes (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  plan_id uuid not null,
  contact_point_id uuid not null references contact_points (id),
  channel text not null check (channel in ('sms', 'email')),
  code_hash text not null,
  document_sha256 text not null,
  attempts integer not null default 0,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now(),
  foreign key (tenant_id, plan_id) references plans (tenant_id, id),
  unique (tenant_id, id)
);

-- The signature record: who signed what (document hash), when, from where, how.
create table plan_signatures (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  plan_id uuid not null unique,
  code_id uuid not null references signature_codes (id),
  document_sha256 text not null,
  signed_at timestamptz not null,
  ip text not null,
  user_agent text,
  channel text not null,
  destination_masked text not null,
  foreign key (tenant_id, plan_id) references plans (tenant_id, id)
);

-- Collections of installments by direct debit, and the pain.008 files that carried them.
create table sdd_batches (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  message_id text not null unique,
  version text not null,
  collections integer not null,
  total_minor bigint not null,
  xml text not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (tenant_id, id)
);

create table sdd_collections (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  installment_id uuid not null,
  mandate_id uuid not null,
  batch_id uuid,
  end_to_end_id text not null unique,
  sequence_type text not null check (sequence_type in ('FRST', 'RCUR', 'FNAL', 'OOFF')),
  amount_minor bigint not null check (amount_minor > 0),
  due_date date not null,
  status text not null default 'submitted' check (status in ('submitted', 'collected', 'returned')),
  return_reason text,
  created_at timestamptz not null default now(),
  foreign key (tenant_id, installment_id) references plan_installments (tenant_id, id),
  foreign key (tenant_id, mandate_id) references sdd_mandates (tenant_id, id),
  foreign key (tenant_id, batch_id) references sdd_batches (tenant_id, id)
);

-- An installment is collected once at a time; a returned collection may be presented again.
create unique index sdd_collections_one_live on sdd_collections (installment_id) where status <> 'returned';
create index sdd_collections_mandate on sdd_collections (mandate_id);

-- Card checkouts at the payment provider, and each provider event applied once.
create table card_checkouts (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  case_id uuid not null,
  installment_id uuid,
  provider text not null,
  provider_session_id text not null,
  url text not null,
  amount_minor bigint not null check (amount_minor > 0),
  currency char(3) not null,
  status text not null default 'open' check (status in ('open', 'paid', 'failed', 'expired')),
  expires_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (tenant_id, case_id) references cases (tenant_id, id),
  unique (provider, provider_session_id),
  unique (tenant_id, id)
);

create table provider_events (
  provider text not null,
  event_id text not null,
  kind text not null,
  received_at timestamptz not null default now(),
  primary key (provider, event_id)
);

-- Matching by RF reference or by a reference quoted in free text compares the case
-- reference without separators ("SAL-00000123" → "SAL00000123").
create index cases_compact_reference on cases ((regexp_replace(upper(reference), '[^A-Z0-9]', '', 'g')));
-- Matching by amount + name looks at open invoices of exactly the amount paid.
create index invoices_open_amount on invoices (tenant_id, open_amount_minor) where status = 'open';

alter table case_tasks drop constraint case_tasks_kind_check,
  add constraint case_tasks_kind_check check (kind in ('review', 'callback', 'proof_check', 'plan_approval',
    'payment_review'));
