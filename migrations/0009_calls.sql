-- The call center: agents, the call queue, the calls they record, and what the
-- contact policy stopped at claim time.

-- An agent's team, skills and live state. A user without a row works the
-- default team with no skills.
create table agents (
  user_id uuid primary key references users (id) on delete cascade,
  team text not null default 'default',
  -- 'lang:en', 'b2b', 'hardship': tasks that ask for a skill go only to agents who have it.
  skills text[] not null default '{}',
  state text not null default 'offline' check (state in ('available', 'on_call', 'break', 'offline')),
  state_since timestamptz not null default now(),
  -- Extension or SIP user the click-to-call dialer rings first.
  extension text
);

-- "Call this case": at most one open task per case; every source merges into it.
create table call_tasks (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  case_id uuid not null,
  source text not null check (source in ('strategy', 'callback', 'broken_promise', 'assigned')),
  -- Why the case is in the queue, in the order the sources arrived.
  reasons text[] not null default '{}',
  -- The strategy's call action this task carries out, if any.
  action_id uuid references case_actions (id),
  -- The debtor asked for this call: pauses of reminders do not hold it back.
  is_response boolean not null default false,
  team text,
  skill text,
  assigned_user_id uuid references users (id),
  status text not null default 'queued'
    check (status in ('queued', 'claimed', 'done', 'blocked', 'cancelled')),
  -- Not handed out before this (a callback's time, a retry, a deferral by the policy).
  not_before timestamptz not null,
  priority integer not null default 0,
  scored_at timestamptz,
  claimed_by uuid references users (id),
  -- 'agent' or 'dialer' (an export for an outbound dialer).
  claimed_via text check (claimed_via in ('agent', 'dialer')),
  claimed_at timestamptz,
  claim_expires_at timestamptz,
  dialed_at timestamptz,
  attempts integer not null default 0,
  closed_at timestamptz,
  close_reason text,
  created_at timestamptz not null default now(),
  foreign key (tenant_id, case_id) references cases (tenant_id, id),
  unique (tenant_id, id),
  check ((status = 'claimed') = (claim_expires_at is not null))
);
create unique index call_tasks_one_open on call_tasks (case_id) where status in ('queued', 'claimed');
-- Next case: the best queued task first. The planner walks this index and stops at the first rows that fit.
create index call_tasks_next on call_tasks (priority desc, not_before) where status = 'queued';
create index call_tasks_claimed on call_tasks (claim_expires_at) where status = 'claimed';
create index call_tasks_claimed_by on call_tasks (claimed_by) where status = 'claimed';
create index call_tasks_rescore on call_tasks (scored_at nulls first) where status = 'queued';
create unique index call_tasks_action on call_tasks (action_id) where action_id is not null;

-- Every call recorded by an agent or imported from a dialer.
create table calls (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  case_id uuid not null,
  task_id uuid references call_tasks (id),
  agent_user_id uuid references users (id),
  source text not null check (source in ('agent', 'dialer')),
  -- A dialer's own id for the call: a re-imported disposition is recorded once.
  external_id text,
  phone text,
  started_at timestamptz not null,
  ended_at timestamptz not null,
  duration_seconds integer check (duration_seconds >= 0),
  outcome text not null check (outcome in ('right_party_contact', 'third_party', 'no_answer', 'busy',
    'voicemail', 'wrong_number', 'promise_to_pay', 'payment_taken', 'dispute', 'hardship', 'refused',
    'callback_requested', 'already_paid')),
  -- The person answered: the policy's conversation rules (cool-down, per day) apply.
  conversation boolean not null,
  notes text,
  promise_id uuid references promises (id),
  promise_amount_minor bigint,
  payment_amount_minor bigint,
  callback_at timestamptz,
  created_at timestamptz not null default now(),
  foreign key (tenant_id, case_id) references cases (tenant_id, id),
  unique (tenant_id, id)
);
create index calls_tenant_time on calls (tenant_id, ended_at desc);
create index calls_case on calls (case_id, ended_at desc);
create index calls_agent_time on calls (agent_user_id, ended_at desc) where agent_user_id is not null;
create unique index calls_external on calls (tenant_id, external_id) where external_id is not null;
-- One disposition per claim: a double click records one call.
create unique index calls_task_claim on calls (task_id, started_at) where task_id is not null;

-- What the contact policy refused when a task was about to be handed out.
create table call_blocks (
  id bigint generated always as identity primary key,
  tenant_id uuid not null,
  case_id uuid not null,
  task_id uuid not null references call_tasks (id),
  at timestamptz not null,
  kind text not null check (kind in ('defer', 'block', 'cancel')),
  rule text,
  reason text not null,
  until timestamptz,
  foreign key (tenant_id, case_id) references cases (tenant_id, id)
);
create index call_blocks_tenant_time on call_blocks (tenant_id, at desc);

create index call_tasks_assigned on call_tasks (assigned_user_id) where status = 'queued' and assigned_user_id is not null;
