import type { ColumnType, Generated } from "kysely";
import type { DefaultJson, DefaultTimestamp, Json, Timestamp } from "./column-types";

/** Tables of migration 0005: channel settings, templates, messages, replies, print batches, tasks. */

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

export interface ChannelTables {
  tenant_channel_settings: TenantChannelSettingsTable;
  message_templates: MessageTemplatesTable;
  messages: MessagesTable;
  inbound_messages: InboundMessagesTable;
  print_batches: PrintBatchesTable;
  case_tasks: CaseTasksTable;
}
