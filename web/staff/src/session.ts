/** Who is signed in (GET /me), shared by the layout, the guards and the pages. */
import { useQuery } from "@tanstack/react-query";
import { api } from "./api/endpoints";
import type { Role } from "./api/types";

export const ME_KEY = ["me"] as const;

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: api.me, staleTime: 60_000 });
}

export const AGENT_ROLES: readonly Role[] = ["agent", "supervisor", "admin"];
export const SUPERVISOR_ROLES: readonly Role[] = ["supervisor", "admin"];

/** Where a role starts: supervisors on their page, agents at their desk. */
export function homeOf(role: Role): "/agent" | "/supervisor" | null {
  if (SUPERVISOR_ROLES.includes(role)) return "/supervisor";
  if (AGENT_ROLES.includes(role)) return "/agent";
  return null;
}
