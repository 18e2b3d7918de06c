import type { ColumnType, Generated } from "kysely";
import type { DateString, DefaultJson, DefaultTimestamp, Json, Timestamp } from "./column-types";

/** Tables of migrations 0001–0004: portfolio, access, imports, strategies and contact policy. */

export interface AgenciesTable {
  id: Generated<string>;
  name: string;
  created_at: DefaultTimestamp;
}

export interface TenantsTable {
  id: Generated<string>;
  agency_id: string | null;
  slug: string;
  name: string;
  legal_name: string | null;
  vat_number: string | null;
  currency: Generated<string>;
  locale: Generated<string>;
  time_zone: Generated<string>;
  country: Generated<string>;
  created_at: DefaultTimestamp;
}

export interface IdentitiesTable {
  id: Generated<string>;
  kind: string;
  tax_key: string;
  created_at: DefaultTimestamp;
}

export interface DebtorsTable {
  id: Generated<string>;
  tenant_id: string;
  external_id: string;
  identity_id: string | null;
  kind: string;
  name: string;
  first_name: string | null;
  last_name: string | null;
  tax_code: string | null;
  vat_number: string | null;
  language: Generated<string>;
  time_zone: string | null;
  segment: string | null;
  risk_score: number | null;
  risk_class: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface ContactPointsTable {
  id: Generated<string>;
  tenant_id: string;
  debtor_id: string;
  kind: string;
  value: string;
  phone_type: string | null;
  address: Json | null;
  source: Generated<string>;
  verified_at: Timestamp | null;
  consent: DefaultJson<Record<string, string>>;
  opt_out: DefaultJson<Record<string, string>>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  undeliverable_at: Timestamp | null;
  undeliverable_reason: string | null;
}

export interface CasesTable {
  id: Generated<string>;
  tenant_id: string;
  debtor_id: string;
  reference: string;
  stage: Generated<string>;
  status: Generated<string>;
  hold_reasons: Generated<string[]>;
  owner_user_id: string | null;
  priority: Generated<number>;
  opened_at: DefaultTimestamp;
  closed_at: Timestamp | null;
  close_reason: string | null;
  updated_at: DefaultTimestamp;
  strategy_version_id: string | null;
  variant: string | null;
  next_evaluation_at: ColumnType<
    Date | null,
    Date | string | null | undefined,
    Date | string | null
  >;
  evaluated_at: Timestamp | null;
  contacts_paused_until: Timestamp | null;
  contacts_paused_reason: string | null;
}

export interface InvoicesTable {
  id: Generated<string>;
  tenant_id: string;
  debtor_id: string;
  case_id: string | null;
  external_id: string;
  number: string;
  document_type: Generated<string>;
  issue_date: DateString;
  due_date: DateString;
  amount_minor: ColumnType<bigint, bigint | string, bigint | string>;
  open_amount_minor: ColumnType<bigint, bigint | string, bigint | string>;
  currency: string;
  status: Generated<string>;
  related_external_ids: Generated<string[]>;
  source: Generated<string>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface InvoiceInstallmentsTable {
  tenant_id: string;
  invoice_id: string;
  seq: number;
  due_date: DateString;
  amount_minor: ColumnType<bigint, bigint | string, bigint | string>;
  open_amount_minor: ColumnType<bigint, bigint | string, bigint | string>;
  payment_method: string | null;
  iban: string | null;
}

export interface CaseEventsTable {
  id: Generated<bigint>;
  tenant_id: string;
  case_id: string;
  at: DefaultTimestamp;
  type: string;
  actor: Generated<string>;
  data: DefaultJson<Record<string, unknown>>;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  role: string;
  all_tenants: Generated<boolean>;
  disabled_at: Timestamp | null;
  created_at: DefaultTimestamp;
}

export interface UserTenantsTable {
  user_id: string;
  tenant_id: string;
}

export interface SessionsTable {
  token_hash: Buffer;
  user_id: string;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: Buffer;
  created_at: DefaultTimestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface ImportsTable {
  id: Generated<string>;
  tenant_id: string;
  kind: string;
  source_name: string;
  status: Generated<string>;
  mapping: Json | null;
  rows_read: Generated<number>;
  bytes_read: ColumnType<bigint, bigint | number | undefined, bigint | number>;
  created: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  rejected: Generated<number>;
  counts: DefaultJson<Record<string, Record<string, number>>>;
  failure: string | null;
  created_by: string | null;
  started_at: DefaultTimestamp;
  finished_at: Timestamp | null;
}

export interface ImportErrorsTable {
  id: Generated<bigint>;
  tenant_id: string;
  import_id: string;
  source: string;
  line: number;
  field: string;
  value: string | null;
  reason: string;
}

export interface StrategiesTable {
  id: Generated<string>;
  tenant_id: string;
  key: string;
  created_at: DefaultTimestamp;
}

export interface StrategyVersionsTable {
  id: Generated<string>;
  tenant_id: string;
  strategy_id: string;
  version: number;
  definition: Json;
  created_by: string | null;
  created_at: DefaultTimestamp;
}

export interface TenantPoliciesTable {
  tenant_id: string;
  preset: string;
  overrides: DefaultJson<Record<string, unknown>>;
  updated_by: string | null;
  updated_at: DefaultTimestamp;
}

export interface ContactEventsTable {
  id: Generated<bigint>;
  tenant_id: string;
  case_id: string;
  identity_id: string | null;
  debtor_id: string;
  channel: string;
  kind: string;
  at: Timestamp;
  action_key: string | null;
}

export interface CaseActionsTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  idempotency_key: string;
  step_id: string;
  attempt: number;
  channel: string;
  template: string;
  status: string;
  due_at: Timestamp;
  rule: string | null;
  reason: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface PortfolioTables {
  strategies: StrategiesTable;
  strategy_versions: StrategyVersionsTable;
  tenant_policies: TenantPoliciesTable;
  contact_events: ContactEventsTable;
  case_actions: CaseActionsTable;
  agencies: AgenciesTable;
  tenants: TenantsTable;
  identities: IdentitiesTable;
  debtors: DebtorsTable;
  contact_points: ContactPointsTable;
  cases: CasesTable;
  invoices: InvoicesTable;
  invoice_installments: InvoiceInstallmentsTable;
  case_events: CaseEventsTable;
  users: UsersTable;
  user_tenants: UserTenantsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  imports: ImportsTable;
  import_errors: ImportErrorsTable;
}
