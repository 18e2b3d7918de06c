/** Staff roles and what each may do. Tenant reach is separate: see Principal. */
export const ROLES = ["admin", "supervisor", "agent", "client_viewer", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  | "portfolio:read"
  | "portfolio:import"
  | "tenants:manage"
  | "users:manage"
  | "audit:read"
  | "strategies:manage"
  | "policy:manage"
  | "cases:hold"
  | "channels:operate"
  | "payments:manage"
  | "agreements:record"
  | "calls:work"
  | "calls:supervise";

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: [
    "portfolio:read",
    "portfolio:import",
    "tenants:manage",
    "users:manage",
    "audit:read",
    "strategies:manage",
    "policy:manage",
    "cases:hold",
    "channels:operate",
    "payments:manage",
    "agreements:record",
    "calls:work",
    "calls:supervise",
  ],
  supervisor: [
    "portfolio:read",
    "portfolio:import",
    "strategies:manage",
    "cases:hold",
    "channels:operate",
    "payments:manage",
    "agreements:record",
    "calls:work",
    "calls:supervise",
  ],
  agent: ["portfolio:read", "cases:hold", "agreements:record", "calls:work"],
  client_viewer: ["portfolio:read"],
  auditor: ["portfolio:read", "audit:read"],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** Who is asking: a logged-in user or an API token acting as its user. */
export interface Principal {
  userId: string;
  email: string;
  role: Role;
  /** Agency staff who may work every tenant. */
  allTenants: boolean;
  tenantIds: readonly string[];
  via: "session" | "api_token";
}

export function canReachTenant(principal: Principal, tenantId: string): boolean {
  // A client viewer sees its own tenant only, even if flagged otherwise by mistake.
  if (principal.allTenants && principal.role !== "client_viewer") return true;
  return principal.tenantIds.includes(tenantId);
}
