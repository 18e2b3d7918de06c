/** What the entry page may know of the case a link names: the creditor's brand and where codes can go. */
import type pg from "pg";
import { type CodeChannel, codeChannelOf } from "../../channels/app/send-code-message.js";
import { channelSettingsSchema } from "../../channels/domain/channel-settings.js";
import { maskBeforeEntry } from "../domain/mask.js";

export interface Brand {
  tenantId: string;
  name: string;
  legalName: string;
  colour: string | null;
  hasLogo: boolean;
  email: string | null;
  phone: string | null;
}

export interface EntryCase {
  tenantId: string;
  caseId: string;
  reference: string;
  debtorId: string;
  language: "it" | "en";
  debtorKind: string;
  taxCode: string | null;
  vatNumber: string | null;
  brand: Brand;
  slug: string;
}

export interface CodeMethod {
  id: string;
  channel: CodeChannel;
  destination: string;
  value: string;
}

export async function loadEntryCase(
  pool: pg.Pool | pg.PoolClient,
  caseId: string,
): Promise<EntryCase | undefined> {
  const { rows } = await pool.query<{
    tenant_id: string;
    reference: string;
    debtor_id: string;
    language: string;
    kind: string;
    tax_code: string | null;
    vat_number: string | null;
    name: string;
    legal_name: string | null;
    slug: string;
    settings: unknown;
  }>(
    `select c.tenant_id, c.reference, c.debtor_id, d.language, d.kind, d.tax_code, d.vat_number,
       t.name, t.legal_name, t.slug, s.settings
     from cases c join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
     join tenants t on t.id = c.tenant_id
     left join tenant_channel_settings s on s.tenant_id = c.tenant_id
     where c.id = $1`,
    [caseId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    tenantId: row.tenant_id,
    caseId,
    reference: row.reference,
    debtorId: row.debtor_id,
    language: row.language === "en" ? "en" : "it",
    debtorKind: row.kind,
    taxCode: row.tax_code,
    vatNumber: row.vat_number,
    slug: row.slug,
    brand: brandOf(row.tenant_id, row.name, row.legal_name, row.settings),
  };
}

export function brandOf(
  tenantId: string,
  name: string,
  legalName: string | null,
  settings: unknown,
): Brand {
  const letter = channelSettingsSchema.safeParse(settings ?? {}).data?.letter;
  return {
    tenantId,
    name,
    legalName: legalName ?? name,
    colour: letter?.colour ?? null,
    hasLogo: Boolean(letter?.logo),
    email: letter?.email ?? null,
    phone: letter?.phone ?? null,
  };
}

/** The tenant's logo as bytes, decoded from the settings' data URL. */
export async function loadLogo(
  pool: pg.Pool,
  tenantId: string,
): Promise<{ contentType: string; bytes: Buffer } | undefined> {
  const { rows } = await pool.query<{ logo: string | null }>(
    "select settings->'letter'->>'logo' as logo from tenant_channel_settings where tenant_id = $1",
    [tenantId],
  );
  const match = /^data:(image\/(?:png|svg\+xml));base64,(.+)$/.exec(rows[0]?.logo ?? "");
  if (!match) return undefined;
  return { contentType: match[1] as string, bytes: Buffer.from(match[2] as string, "base64") };
}

/** The debtor's email addresses and mobile numbers on file that can receive a code. */
export async function codeMethods(
  pool: pg.Pool | pg.PoolClient,
  tenantId: string,
  debtorId: string,
): Promise<CodeMethod[]> {
  const { rows } = await pool.query<{
    id: string;
    kind: string;
    phone_type: string | null;
    value: string;
  }>(
    `select id, kind, phone_type, value from contact_points
     where tenant_id = $1 and debtor_id = $2 and kind in ('email', 'phone') and undeliverable_at is null
     order by kind desc, verified_at desc nulls last, created_at`,
    [tenantId, debtorId],
  );
  const methods: CodeMethod[] = [];
  for (const row of rows) {
    const channel = codeChannelOf(row.kind, row.phone_type);
    if (channel)
      methods.push({
        id: row.id,
        channel,
        destination: maskBeforeEntry(row.value),
        value: row.value,
      });
  }
  return methods;
}
