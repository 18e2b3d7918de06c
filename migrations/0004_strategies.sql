-- Strategies (versioned per tenant), each case's strategy and variant, the
-- tenant's contact policy, every contact made (per person, across tenants),
-- and the actions the scheduler decides.

create table strategies (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  key text not null,
  created_at timestamptz not null default now(),
  unique (tenant_id, key),
  unique (tenant_id, id)
);

-- Editing a strategy adds a version; running cases keep theirs.
create table strategy_versions (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  strategy_id uuid not null,
  version integer not null check (version > 0),
  definition jsonb not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  foreign key (tenant_id, strategy_id) references strategies (tenant_id, id),
  unique (strategy_id, version),
  unique (tenant_id, id)
);

alter table cases
  add column strategy_version_id uuid,
  add column variant text,
  add column next_evaluation_at timestamptz default now(),
  add column evaluated_at timestamptz,
  add foreign key (tenant_id, strategy_version_id) references strategy_versions (tenant_id, id);
-- The sweep's question: which open cases are due for evaluation now.
create index cases_due_for_evaluation on cases (next_evaluation_at) where status <> 'closed';

-- The tenant's contact policy: a legal preset, tightened (never loosened without an audit record).
create table tenant_policies (
  tenant_id uuid primary key references tenants (id),
  preset text not null,
  overrides jsonb not null default '{}',
  updated_by uuid references users (id),
  updated_at timestamptz not null default now()
);

-- Every contact made or attempted. identity_id lets caps count a person across creditors.
create table contact_events (
  id bigint generated always as identity primary key,
  tenant_id uuid not null,
  case_id uuid not null,
  identity_id uuid,
  debtor_id uuid not null,
  channel text not null,
  kind text not null check (kind in ('attempt', 'conversation')),
  at timestamptz not null,
  foreign key (tenant_id, case_id) references cases (tenant_id, id)
);
create index contact_events_identity on contact_events (identity_id, at) where identity_id is not null;
create index contact_events_debtor on contact_events (debtor_id, at);

-- What the scheduler decided for a case. The idempotency key (case, strategy
-- version, step, attempt) makes a decision happen once, whichever worker makes it.
create table case_actions (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  case_id uuid not null,
  idempotency_key text not null unique,
  step_id text not null,
  attempt integer not null,
  channel text not null,
  template text not null,
  status text not null check (status in ('scheduled', 'deferred', 'blocked', 'sent', 'delivered',
    'failed_temporary', 'failed_permanent', 'cancelled')),
  due_at timestamptz not null,
  rule text,
  reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (tenant_id, case_id) references cases (tenant_id, id)
);
create index case_actions_case on case_actions (case_id, created_at);
create index case_actions_outbox on case_actions (due_at) where status = 'scheduled';
