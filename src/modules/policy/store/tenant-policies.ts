import type pg from "pg";
import { type ContactPolicy, ITALY, type PolicyOverrides, presetFor, tighten } from "../domain";

/**
 * Each tenant's contact policy: its stored preset tightened by its overrides,
 * or the preset of its country (Italy when Saldo has none for it).
 */
export async function loadTenantPolicies(
  client: pg.PoolClient,
  tenants: Array<{ id: string; country: string }>,
): Promise<Map<string, ContactPolicy>> {
  const { rows } = await client.query<{
    tenant_id: string;
    preset: string;
    overrides: PolicyOverrides;
  }>("select tenant_id, preset, overrides from tenant_policies where tenant_id = any($1::uuid[])", [
    tenants.map((t) => t.id),
  ]);
  const policies = new Map<string, ContactPolicy>();
  for (const tenant of tenants) {
    const stored = rows.find((r) => r.tenant_id === tenant.id);
    const preset = presetFor(stored?.preset ?? tenant.country) ?? ITALY;
    policies.set(tenant.id, stored ? tighten(preset, stored.overrides).policy : preset);
  }
  return policies;
}
