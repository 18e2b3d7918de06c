import type { ColumnType, Generated } from "kysely";

/** Kysely's view of the tables in migrations/. Keep in step with the SQL. */

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DateString = ColumnType<string, string, string>;
type Json<T = unknown> = ColumnType<T, string, string>;
/** Kysely's Generated<> cannot wrap a ColumnType, so defaulted custom columns are spelled out. */
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DefaultJson<T> = ColumnType<T, string | undefined, string>;

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

export interface TenantChannelSettingsTable {
  tenant_id: string;
  settings: DefaultJson<unknown>;
  updated_by: string | null;
  updated_at: DefaultTimestamp;
}

export interface MessageTemplatesTable {
  id: Generated<string>;
  tenant_id: string;
  template_id: string;
  channel: string;
  language: string;
  version: number;
  subject: string | null;
  body: string;
  created_by: string | null;
  created_at: DefaultTimestamp;
}

export interface MessagesTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  action_id: string | null;
  channel: string;
  template: string;
  language: string;
  transport: string;
  sender_name: string | null;
  sender: string | null;
  reply_to: string | null;
  headers: DefaultJson<Record<string, string>>;
  recipient: string;
  recipient_address: Json | null;
  contact_point_id: string | null;
  subject: string | null;
  body_text: string;
  body_html: string | null;
  document: Buffer | null;
  letter: Json | null;
  status: string;
  tries: Generated<number>;
  next_try_at: Timestamp | null;
  claimed_by: string | null;
  provider_ids: Generated<string[]>;
  segments: number | null;
  cost_minor: ColumnType<string, bigint | number | string | undefined, bigint | number | string>;
  last_error: string | null;
  tracking_number: string | null;
  print_batch_id: string | null;
  created_at: DefaultTimestamp;
  sent_at: Timestamp | null;
  delivered_at: Timestamp | null;
  updated_at: DefaultTimestamp;
}

export interface InboundMessagesTable {
  id: Generated<string>;
  tenant_id: string | null;
  case_id: string | null;
  message_id: string | null;
  channel: string;
  kind: string;
  sender: string;
  recipient: string | null;
  subject: string | null;
  body: Generated<string>;
  intent: string | null;
  classification: Json | null;
  external_ref: string;
  received_at: Timestamp;
  created_at: DefaultTimestamp;
}

export interface PrintBatchesTable {
  id: Generated<string>;
  tenant_id: string;
  letters: number;
  pages: number;
  pdf: Buffer;
  manifest_csv: string;
  created_by: string | null;
  created_at: DefaultTimestamp;
}

export interface CaseTasksTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  kind: string;
  reason: string;
  status: Generated<string>;
  due_at: DefaultTimestamp;
  source_inbound_id: string | null;
  created_at: DefaultTimestamp;
  closed_at: Timestamp | null;
}

export interface TenantPaymentSettingsTable {
  tenant_id: string;
  settings: DefaultJson<unknown>;
  updated_by: string | null;
  updated_at: DefaultTimestamp;
}

export interface StatementImportsTable {
  id: Generated<string>;
  tenant_id: string;
  file_name: string;
  format: string;
  version: string;
  message_id: string;
  sha256: string;
  account_iban: string | null;
  transactions: Generated<number>;
  credits: Generated<number>;
  matched: Generated<number>;
  unmatched: Generated<number>;
  duplicates: Generated<number>;
  reversals: Generated<number>;
  ignored: Generated<number>;
  problems: DefaultJson<unknown[]>;
  imported_by: string | null;
  created_at: DefaultTimestamp;
}

export interface PaymentsTable {
  id: Generated<string>;
  tenant_id: string;
  external_key: string;
  source: string;
  amount_minor: ColumnType<bigint, bigint | string, bigint | string>;
  currency: string;
  booked_on: DateString;
  value_date: DateString | null;
  payer_name: string | null;
  payer_iban: string | null;
  end_to_end_id: string | null;
  refs: DefaultJson<Record<string, unknown>>;
  case_id: string | null;
  installment_id: string | null;
  match_method: string | null;
  match_confidence: number | null;
  suggestions: DefaultJson<unknown[]>;
  status: string;
  statement_import_id: string | null;
  statement_line: number | null;
  reversed_at: Timestamp | null;
  reversal_reason: string | null;
  reversal_key: string | null;
  matched_by: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface PaymentAllocationsTable {
  id: Generated<bigint>;
  tenant_id: string;
  payment_id: string;
  case_id: string | null;
  invoice_id: string | null;
  kind: string;
  amount_minor: ColumnType<bigint, bigint | string, bigint | string>;
  reverses: ColumnType<bigint | null, bigint | string | null, bigint | string | null>;
  at: DefaultTimestamp;
}

export interface DomainEventsTable {
  id: Generated<bigint>;
  tenant_id: string;
  type: string;
  case_id: string | null;
  data: DefaultJson<Record<string, unknown>>;
  occurred_at: DefaultTimestamp;
}

export interface PromisesTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  amount_minor: ColumnType<bigint, bigint | string, bigint | string>;
  currency: string;
  due_date: DateString;
  grace_days: number;
  source: string;
  status: Generated<string>;
  paid_minor: ColumnType<bigint, bigint | string | undefined, bigint | string>;
  note: string | null;
  created_by: string;
  created_at: DefaultTimestamp;
  resolved_at: Timestamp | null;
}

export interface SddMandatesTable {
  id: Generated<string>;
  tenant_id: string;
  debtor_id: string;
  reference: string;
  creditor_id: string;
  signed_on: DateString;
  debtor_name: string;
  debtor_iban: string;
  debtor_bic: string | null;
  status: Generated<string>;
  first_collected_at: Timestamp | null;
  last_collected_at: Timestamp | null;
  created_at: DefaultTimestamp;
}

export interface PlansTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  status: string;
  total_minor: ColumnType<bigint, bigint | string, bigint | string>;
  down_payment_minor: ColumnType<bigint, bigint | string | undefined, bigint | string>;
  installments: number;
  frequency: string;
  first_due_date: DateString;
  currency: string;
  method: Generated<string>;
  mandate_id: string | null;
  source: string;
  decision: DefaultJson<Record<string, unknown>>;
  debt_snapshot: DefaultJson<unknown[]>;
  language: Generated<string>;
  proposed_by: string;
  decided_by: string | null;
  decided_at: Timestamp | null;
  signed_at: Timestamp | null;
  ended_at: Timestamp | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface PlanInstallmentsTable {
  id: Generated<string>;
  tenant_id: string;
  plan_id: string;
  seq: number;
  kind: string;
  due_date: DateString;
  amount_minor: ColumnType<bigint, bigint | string, bigint | string>;
  paid_minor: ColumnType<bigint, bigint | string | undefined, bigint | string>;
  status: Generated<string>;
}

export interface InstallmentAllocationsTable {
  id: Generated<bigint>;
  tenant_id: string;
  payment_id: string;
  installment_id: string;
  amount_minor: ColumnType<bigint, bigint | string, bigint | string>;
  at: DefaultTimestamp;
}

export interface PlanDocumentsTable {
  id: Generated<string>;
  tenant_id: string;
  plan_id: string;
  kind: string;
  language: string;
  sha256: string;
  pdf: Buffer;
  created_at: DefaultTimestamp;
}

export interface SignatureCodesTable {
  id: Generated<string>;
  tenant_id: string;
  plan_id: string;
  contact_point_id: string;
  channel: string;
  code_hash: string;
  document_sha256: string;
  attempts: Generated<number>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: DefaultTimestamp;
}

export interface PlanSignaturesTable {
  id: Generated<string>;
  tenant_id: string;
  plan_id: string;
  code_id: string;
  document_sha256: string;
  signed_at: Timestamp;
  ip: string;
  user_agent: string | null;
  channel: string;
  destination_masked: string;
}

export interface SddBatchesTable {
  id: Generated<string>;
  tenant_id: string;
  message_id: string;
  version: string;
  collections: number;
  total_minor: ColumnType<bigint, bigint | string, bigint | string>;
  xml: string;
  created_by: string | null;
  created_at: DefaultTimestamp;
}

export interface SddCollectionsTable {
  id: Generated<string>;
  tenant_id: string;
  installment_id: string;
  mandate_id: string;
  batch_id: string | null;
  end_to_end_id: string;
  sequence_type: string;
  amount_minor: ColumnType<bigint, bigint | string, bigint | string>;
  due_date: DateString;
  status: Generated<string>;
  return_reason: string | null;
  created_at: DefaultTimestamp;
}

export interface CardCheckoutsTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  installment_id: string | null;
  provider: string;
  provider_session_id: string;
  url: string;
  amount_minor: ColumnType<bigint, bigint | string, bigint | string>;
  currency: string;
  status: Generated<string>;
  expires_at: Timestamp | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface ProviderEventsTable {
  provider: string;
  event_id: string;
  kind: string;
  received_at: DefaultTimestamp;
}

export interface DB {
  tenant_payment_settings: TenantPaymentSettingsTable;
  statement_imports: StatementImportsTable;
  payments: PaymentsTable;
  payment_allocations: PaymentAllocationsTable;
  domain_events: DomainEventsTable;
  promises: PromisesTable;
  sdd_mandates: SddMandatesTable;
  plans: PlansTable;
  plan_installments: PlanInstallmentsTable;
  installment_allocations: InstallmentAllocationsTable;
  plan_documents: PlanDocumentsTable;
  signature_codes: SignatureCodesTable;
  plan_signatures: PlanSignaturesTable;
  sdd_batches: SddBatchesTable;
  sdd_collections: SddCollectionsTable;
  card_checkouts: CardCheckoutsTable;
  provider_events: ProviderEventsTable;
  tenant_channel_settings: TenantChannelSettingsTable;
  message_templates: MessageTemplatesTable;
  messages: MessagesTable;
  inbound_messages: InboundMessagesTable;
  print_batches: PrintBatchesTable;
  case_tasks: CaseTasksTable;
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
