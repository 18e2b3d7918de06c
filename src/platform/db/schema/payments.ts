import type { ColumnType, Generated } from "kysely";
import type { DateString, DefaultJson, DefaultTimestamp, Timestamp } from "./column-types";

/** Tables of migration 0006: payments, the allocation ledger, promises, plans, mandates, card checkouts. */

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

export interface PaymentTables {
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
}
