import type { FastifyRequest } from "fastify";
import {
  can,
  canReachTenant,
  type Permission,
  type Principal,
} from "../../modules/auth/domain/roles";
import { AppError } from "../errors";

declare module "fastify" {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** The caller, who must be allowed `permission`; 401 for nobody, 403 for a role without it. */
export function requirePermission(request: FastifyRequest, permission: Permission): Principal {
  const principal = request.principal;
  if (!principal) throw new AppError("unauthenticated", "log in or send an API token");
  if (!can(principal.role, permission)) {
    throw new AppError("forbidden", `the ${principal.role} role may not do this (${permission})`);
  }
  return principal;
}

/**
 * The caller with `permission` on this tenant. A tenant the caller cannot reach
 * answers 404, exactly like one that does not exist: no existence leaks.
 */
export function requireTenant(
  request: FastifyRequest,
  tenantId: string,
  permission: Permission,
): Principal {
  const principal = requirePermission(request, permission);
  if (!canReachTenant(principal, tenantId))
    throw new AppError("tenant_not_found", "tenant not found");
  return principal;
}
