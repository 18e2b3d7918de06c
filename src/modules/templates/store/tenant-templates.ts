import type pg from "pg";
import type { Channel, MessageTemplate, TemplateLanguage } from "../domain/template";

export interface StoredTemplate extends MessageTemplate {
  tenantId: string;
  version: number;
  createdAt: Date;
}

const key = (tenantId: string, id: string, channel: string, language: string) =>
  `${tenantId}|${id}|${channel}|${language}`;

/** The latest version of every template these tenants edited, by tenant|id|channel|language. */
export async function loadTenantTemplates(
  client: pg.PoolClient | pg.Pool,
  tenantIds: string[],
): Promise<Map<string, StoredTemplate>> {
  const { rows } = await client.query<{
    tenant_id: string;
    template_id: string;
    channel: Channel;
    language: TemplateLanguage;
    version: number;
    subject: string | null;
    body: string;
    created_at: Date;
  }>(
    `select distinct on (tenant_id, template_id, channel, language)
       tenant_id, template_id, channel, language, version, subject, body, created_at
     from message_templates where tenant_id = any($1::uuid[])
     order by tenant_id, template_id, channel, language, version desc`,
    [tenantIds],
  );
  return new Map(
    rows.map((r) => [
      key(r.tenant_id, r.template_id, r.channel, r.language),
      {
        tenantId: r.tenant_id,
        id: r.template_id,
        channel: r.channel,
        language: r.language,
        version: r.version,
        createdAt: r.created_at,
        body: r.body,
        ...(r.subject !== null ? { subject: r.subject } : {}),
      },
    ]),
  );
}

export function tenantTemplate(
  templates: Map<string, StoredTemplate>,
  tenantId: string,
  id: string,
  channel: string,
  language: string,
): StoredTemplate | undefined {
  return templates.get(key(tenantId, id, channel, language));
}

/** Saving adds the next version; the previous ones stay for the record. */
export async function insertTemplateVersion(
  client: pg.PoolClient | pg.Pool,
  input: MessageTemplate & { tenantId: string; createdBy: string | null },
): Promise<number> {
  const { rows } = await client.query<{ version: number }>(
    `insert into message_templates (tenant_id, template_id, channel, language, version, subject, body, created_by)
     select $1, $2, $3, $4, coalesce(max(version), 0) + 1, $5, $6, $7
     from message_templates where tenant_id = $1 and template_id = $2 and channel = $3 and language = $4
     returning version`,
    [
      input.tenantId,
      input.id,
      input.channel,
      input.language,
      input.subject ?? null,
      input.body,
      input.createdBy,
    ],
  );
  return rows[0]?.version ?? 1;
}
