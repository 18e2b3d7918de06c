-- Channels: what each tenant sends as (sender identity, letterhead), the
-- templates it has edited, every message that leaves Saldo (the outbox and
-- the send log), what comes back (replies, bounces, receipts), print batches,
-- and the work a reply creates for a person.

-- Sender identity, letterhead, payment details and costs per tenant (no secrets:
-- transports and their credentials are configured per installation).
create table tenant_channel_settings (
  tenant_id uuid primary key references tenants (id),
  settings jsonb not null default '{}',
  updated_by uuid references users (id),
  updated_at timestamptz not null default now()
);

-- A tenant's own wording; the shipped defaults apply where none exists. Saving adds a version.
create table message_templates (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  template_id text not null,
  channel text not null,
  language text not null,
  version integer not null check (version > 0),
  subject text,
  body text not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (tenant_id, template_id, channel, language, version)
);

-- One row per message. A message made for a scheduled action is unique per
-- action (action_id), so a retried dispatch can never make a second one.
create table messages (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  case_id uuid not null,
  action_id uuid unique references case_actions (id),
  channel text not null,
  template text not null,
  language text not null,
  transport text not null,
  sender_name text,
  sender text,
  reply_to text,
  headers jsonb not null default '{}',
  recipient text not null,
  recipient_address jsonb,
  contact_point_id uuid references contact_points (id),
  subject text,
  body_text text not null,
  body_html text,
  document bytea,
  -- What a letter says, laid out (print batches render from it).
  letter jsonb,
  status text not null check (status in ('queued', 'sending', 'sent', 'delivered',
    'failed_temporary', 'failed_permanent', 'suppressed', 'unknown')),
  tries integer not null default 0,
  next_try_at timestamptz,
  -- The dispatcher holding it while it talks to the provider (see ADR 0004).
  claimed_by bigint,
  provider_ids text[] not null default '{}',
  segments integer,
  cost_minor bigint not null default 0,
  last_error text,
  tracking_number text,
  print_batch_id uuid,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  delivered_at timestamptz,
  updated_at timestamptz not null default now(),
  foreign key (tenant_id, case_id) references cases (tenant_id, id),
  unique (tenant_id, id)
);
create index messages_case on messages (case_id, created_at);
create index messages_retry on messages (next_try_at) where status = 'failed_temporary';
create index messages_claimed on messages (claimed_by) where status = 'sending';
create index messages_print on messages (tenant_id, created_at) where status = 'queued';
create index messages_provider_ids on messages using gin (provider_ids);
create index messages_tenant_created on messages (tenant_id, created_at desc);

-- The dispatcher's question: which scheduled written contacts are due now.
create index case_actions_due_messages on case_actions (due_at)
  where status = 'scheduled' and channel in ('email', 'sms', 'pec', 'letter', 'registered_letter');

-- Which action a scheduled contact belongs to, so a contact that never happens stops counting.
alter table contact_events add column action_key text;
create index contact_events_action on contact_events (action_key) where action_key is not null;

-- A contact point that bounced permanently is no longer used (kept, for the record).
alter table contact_points add column undeliverable_at timestamptz,
  add column undeliverable_reason text;

-- Reminders paused for a while without a hold (e.g. waiting for proof of a payment).
alter table cases add column contacts_paused_until timestamptz,
  add column contacts_paused_reason text;

-- Everything that comes back: replies (email, SMS, PEC), bounces, complaints, receipts.
create table inbound_messages (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid references tenants (id),
  case_id uuid,
  message_id uuid references messages (id),
  channel text not null,
  kind text not null,
  sender text not null,
  recipient text,
  subject text,
  body text not null default '',
  intent text,
  classification jsonb,
  -- The provider's or the email's own id: the same inbound message is stored once.
  external_ref text not null unique,
  received_at timestamptz not null,
  created_at timestamptz not null default now(),
  foreign key (tenant_id, case_id) references cases (tenant_id, id)
);
create index inbound_messages_case on inbound_messages (case_id, received_at);
create index inbound_messages_tenant on inbound_messages (tenant_id, received_at desc);

-- Letters handed to the print-and-mail service together.
create table print_batches (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  letters integer not null,
  pages integer not null,
  pdf bytea not null,
  manifest_csv text not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (tenant_id, id)
);

-- Work for a person: a reply that needs a human (dispute, hardship, call me, proof to check).
create table case_tasks (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  case_id uuid not null,
  kind text not null check (kind in ('review', 'callback', 'proof_check')),
  reason text not null,
  status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
  due_at timestamptz not null default now(),
  source_inbound_id uuid references inbound_messages (id),
  created_at timestamptz not null default now(),
  closed_at timestamptz,
  foreign key (tenant_id, case_id) references cases (tenant_id, id),
  unique (tenant_id, id)
);
create index case_tasks_open on case_tasks (tenant_id, due_at) where status = 'open';
