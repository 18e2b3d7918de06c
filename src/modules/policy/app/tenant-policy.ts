/**
 * The tenant's contact policy as the HTTP API reads and replaces it: a preset
 * and overrides, stored in tenant_policies; the domain's tighten decides.
 */
import type { Db } from "../../../platform/db/database";
import {
  type ContactPolicy,
  type LooseningApproval,
  type LooseningRecord,
  PolicyLooseningError,
  type PolicyOverrides,
  PRESETS,
  presetFor,
  tighten,
} from "../domain";
import { PRESET_CODES, type PresetCode } from "../http/schemas";

export interface TenantPolicyView {
  preset: PresetCode;
  policy: ContactPolicy;
  /** As the tenant set them; the approval, if any, shows as `loosening`. */
  overrides: Omit<PolicyOverrides, "approval">;
  loosening: LooseningRecord | null;
  updatedBy: string | null;
  updatedAt: Date | null;
}

/** The preset code for a country or stored preset; Italy when Saldo has none for it. */
function presetCode(country: string): PresetCode {
  const preset = presetFor(country);
  return PRESET_CODES.find((code) => PRESETS[code] === preset) ?? "IT";
}

function view(
  preset: PresetCode,
  stored: PolicyOverrides,
  updatedBy: string | null,
  updatedAt: Date | null,
): TenantPolicyView {
  const { approval: _approval, ...overrides } = stored;
  const { policy } = tighten(PRESETS[preset], stored);
  return {
    preset,
    policy,
    overrides,
    loosening: policy.loosening ?? null,
    updatedBy,
    updatedAt,
  };
}

/** The tenant's effective policy; its country's preset until one is set. Undefined: no such tenant. */
export async function loadTenantPolicy(
  db: Db,
  tenantId: string,
): Promise<TenantPolicyView | undefined> {
  const tenant = await db
    .selectFrom("tenants")
    .leftJoin("tenant_policies as p", "p.tenant_id", "tenants.id")
    .select(["tenants.country", "p.preset", "p.overrides", "p.updated_by", "p.updated_at"])
    .where("tenants.id", "=", tenantId)
    .executeTakeFirst();
  if (!tenant) return undefined;
  if (!tenant.preset) return view(presetCode(tenant.country), {}, null, null);
  return view(
    presetCode(tenant.preset),
    (tenant.overrides ?? {}) as PolicyOverrides,
    tenant.updated_by,
    tenant.updated_at,
  );
}

export type SavePolicyResult =
  | { kind: "saved"; view: TenantPolicyView }
  | { kind: "loosening_not_approved"; message: string; violations: readonly string[] }
  | { kind: "malformed"; message: string };

/**
 * Replaces the tenant's policy. Overrides looser than the preset need a complete
 * approval; when one is used it is stored with the overrides (the audit record
 * the policy carries). An approval nothing needed is not kept.
 */
export async function saveTenantPolicy(
  deps: { db: Db; now: Date },
  input: {
    tenantId: string;
    preset: PresetCode;
    overrides: PolicyOverrides;
    approval?: LooseningApproval;
    updatedBy: string;
  },
): Promise<SavePolicyResult> {
  const { approval: _ignored, ...overrides } = input.overrides;
  let violations: readonly string[];
  try {
    ({ violations } = tighten(PRESETS[input.preset], { ...overrides, approval: input.approval }));
  } catch (error) {
    if (error instanceof PolicyLooseningError) {
      return {
        kind: "loosening_not_approved",
        message: error.message,
        violations: error.violations,
      };
    }
    if (error instanceof RangeError) return { kind: "malformed", message: error.message };
    throw error;
  }
  const stored: PolicyOverrides =
    violations.length > 0 && input.approval
      ? { ...overrides, approval: input.approval }
      : overrides;
  const row = {
    preset: input.preset,
    overrides: JSON.stringify(stored),
    updated_by: input.updatedBy,
    updated_at: deps.now,
  };
  await deps.db
    .insertInto("tenant_policies")
    .values({ tenant_id: input.tenantId, ...row })
    .onConflict((conflict) => conflict.column("tenant_id").doUpdateSet(row))
    .execute();
  return { kind: "saved", view: view(input.preset, stored, input.updatedBy, deps.now) };
}
