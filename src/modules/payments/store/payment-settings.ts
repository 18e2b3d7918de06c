import type pg from "pg";
import { type PaymentSettings, paymentSettingsOf } from "../domain/payment-settings.js";

export interface TenantMoney {
  currency: string;
  timeZone: string;
  settings: PaymentSettings;
}

export async function loadTenantMoney(
  client: pg.PoolClient | pg.Pool,
  tenantId: string,
): Promise<TenantMoney | null> {
  const { rows } = await client.query<{ currency: string; time_zone: string; settings: unknown }>(
    `select t.currency, t.time_zone, s.settings from tenants t
     left join tenant_payment_settings s on s.tenant_id = t.id where t.id = $1`,
    [tenantId],
  );
  const row = rows[0];
  return row
    ? { currency: row.currency, timeZone: row.time_zone, settings: paymentSettingsOf(row.settings) }
    : null;
}
