-- The debtor portal: entry challenges, sessions, reasons given, messages, surveys, preferences.

-- Every entry attempt (code sent, code or knowledge checked): the lockout counts failures
-- per case over a window, whichever door they came through.
create table portal_attempts (
  id bigint generated always as identity primary key,
  tenant_id uuid not null,
  case_id uuid not null,
  kind text not null check (kind in ('code_sent', 'code', 'knowledge')),
  ok boolean not null,
  ip text,
  at timestamptz not null default now(),
  foreign key (tenant_id, case_id) references cases (tenant_id, id)
);
create index portal_attempts_recent on portal_attempts (case_id, at);

-- One-time entry codes: only the HMAC (bound to the case) is kept.
create table portal_codes (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  case_id uuid not null,
  contact_point_id uuid not null references contact_points (id),
  code_hash text not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now(),
  foreign key (tenant_id, case_id) references cases (tenant_id, id)
);
create index portal_codes_case on portal_codes (case_id, created_at);

-- A debtor's session: one case, a short life, the token only as a hash.
create table portal_sessions (
  token_hash bytea primary key,
  tenant_id uuid not null,
  case_id uuid not null,
  method text not null check (method in ('sms', 'email', 'knowledge')),
  ip text,
  user_agent text,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ended_at timestamptz,
  foreign key (tenant_id, case_id) references cases (tenant_id, id)
);
create index portal_sessions_case on portal_sessions (case_id);

-- Why the debtor has not paid, in their words (portal now; agents and replies may add later).
create table case_reasons (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  case_id uuid not null,
  reason text not null check (reason in ('invoice_not_received', 'billing_error', 'already_paid',
    'temporary_difficulty', 'job_loss_illness', 'not_my_debt')),
  text text,
  source text not null check (source in ('portal', 'agent', 'reply')),
  created_at timestamptz not null default now(),
  foreign key (tenant_id, case_id) references cases (tenant_id, id),
  unique (tenant_id, id)
);
create index case_reasons_case on case_reasons (tenant_id, case_id);

-- Proof the debtor uploads (a receipt for "already paid").
create table case_attachments (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  case_id uuid not null,
  reason_id uuid,
  file_name text not null,
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null,
  bytes bytea not null,
  created_at timestamptz not null default now(),
  foreign key (tenant_id, case_id) references cases (tenant_id, id),
  foreign key (tenant_id, reason_id) references case_reasons (tenant_id, id)
);

-- The message thread on a case between the debtor and the agency.
create table case_messages (
  id uuid primary key default gen_random_uuid(),
  -- Order of writing, even for two messages in the same microsecond.
  seq bigint generated always as identity,
  tenant_id uuid not null,
  case_id uuid not null,
  author text not null check (author in ('debtor', 'agency')),
  user_id uuid references users (id),
  body text not null check (length(body) between 1 and 4000),
  created_at timestamptz not null default now(),
  read_at timestamptz,
  foreign key (tenant_id, case_id) references cases (tenant_id, id)
);
create index case_messages_case on case_messages (tenant_id, case_id, created_at);

-- Satisfaction after paying or agreeing a plan: once per case and occasion.
create table survey_responses (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  case_id uuid not null,
  trigger text not null check (trigger in ('payment', 'plan')),
  csat smallint not null check (csat between 1 and 5),
  ces smallint not null check (ces between 1 and 7),
  nps smallint not null check (nps between 0 and 10),
  comment text check (length(comment) <= 2000),
  created_at timestamptz not null default now(),
  foreign key (tenant_id, case_id) references cases (tenant_id, id),
  unique (case_id, trigger)
);
create index survey_responses_tenant on survey_responses (tenant_id, created_at);

-- How the debtor likes to be contacted: the policy narrows calls and SMS to the window.
create table debtor_preferences (
  debtor_id uuid primary key,
  tenant_id uuid not null,
  channel text check (channel in ('email', 'sms', 'letter', 'phone')),
  window_from time,
  window_to time,
  updated_at timestamptz not null default now(),
  check ((window_from is null) = (window_to is null) and (window_from is null or window_from < window_to)),
  foreign key (tenant_id, debtor_id) references debtors (tenant_id, id)
);

alter table case_tasks drop constraint case_tasks_kind_check,
  add constraint case_tasks_kind_check check (kind in ('review', 'callback', 'proof_check', 'plan_approval',
    'payment_review', 'message'));
