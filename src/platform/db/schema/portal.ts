import type { ColumnType, Generated } from "kysely";
import type { DefaultTimestamp, Timestamp } from "./column-types";

/** Tables of migrations 0007 (debtor portal) and 0008 (invoice documents). */

export interface PortalAttemptsTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  kind: "code_sent" | "code" | "knowledge";
  ok: boolean;
  ip: string | null;
  at: DefaultTimestamp;
}

export interface PortalCodesTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  contact_point_id: string;
  code_hash: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: DefaultTimestamp;
}

export interface PortalSessionsTable {
  token_hash: Buffer;
  tenant_id: string;
  case_id: string;
  method: "sms" | "email" | "knowledge";
  ip: string | null;
  user_agent: string | null;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
}

export interface CaseReasonsTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  reason: string;
  text: string | null;
  source: "portal" | "agent" | "reply";
  created_at: DefaultTimestamp;
}

export interface CaseAttachmentsTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  reason_id: string | null;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  bytes: Buffer;
  created_at: DefaultTimestamp;
}

export interface CaseMessagesTable {
  id: Generated<string>;
  seq: Generated<string>;
  tenant_id: string;
  case_id: string;
  author: "debtor" | "agency";
  user_id: string | null;
  body: string;
  created_at: DefaultTimestamp;
  read_at: Timestamp | null;
}

export interface SurveyResponsesTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  trigger: "payment" | "plan";
  csat: number;
  ces: number;
  nps: number;
  comment: string | null;
  created_at: DefaultTimestamp;
}

export interface DebtorPreferencesTable {
  debtor_id: string;
  tenant_id: string;
  channel: string | null;
  /** "HH:MM:SS" as PostgreSQL prints a time. */
  window_from: ColumnType<string | null, string | null, string | null>;
  window_to: ColumnType<string | null, string | null, string | null>;
  updated_at: DefaultTimestamp;
}

export interface InvoiceDocumentsTable {
  tenant_id: string;
  invoice_id: string;
  kind: "einvoice" | "pdf";
  file_name: string;
  content_type: string;
  sha256: string;
  bytes: Buffer;
  source: "import" | "upload";
  created_at: DefaultTimestamp;
}

export interface PortalTables {
  portal_attempts: PortalAttemptsTable;
  portal_codes: PortalCodesTable;
  portal_sessions: PortalSessionsTable;
  case_reasons: CaseReasonsTable;
  case_attachments: CaseAttachmentsTable;
  case_messages: CaseMessagesTable;
  survey_responses: SurveyResponsesTable;
  debtor_preferences: DebtorPreferencesTable;
  invoice_documents: InvoiceDocumentsTable;
}
