-- Staff users, their tenants, sessions and API tokens.

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  name text not null,
  password_hash text not null,
  role text not null check (role in ('admin', 'supervisor', 'agent', 'client_viewer', 'auditor')),
  -- Agency staff may work every tenant; others only those in user_tenants.
  all_tenants boolean not null default false,
  disabled_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index users_email on users (lower(email));

create table user_tenants (
  user_id uuid not null references users (id) on delete cascade,
  tenant_id uuid not null references tenants (id),
  primary key (user_id, tenant_id)
);

-- Only a hash of the session token is stored: a database leak opens no session.
create table sessions (
  token_hash bytea primary key,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user on sessions (user_id);

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  name text not null,
  token_hash bytea not null unique,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
