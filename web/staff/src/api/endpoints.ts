/** One function per API call the app makes (docs/calls.md, plus login, /me and tenants). */
import { dayStartIso } from "../format";
import { get, post, put, query } from "./client";
import type {
  AgentOption,
  AgentView,
  BlockRow,
  CallRow,
  DialResult,
  Disposition,
  DispositionResult,
  Live,
  Me,
  NextAnswer,
  Page,
  SettableAgentState,
  Tenant,
  Workspace,
} from "./types";

const t = (tenantId: string) => `/tenants/${encodeURIComponent(tenantId)}`;
const task = (tenantId: string, taskId: string) =>
  `${t(tenantId)}/call-tasks/${encodeURIComponent(taskId)}`;

export const api = {
  login: (email: string, password: string) =>
    post<{ expiresAt: string }>("/auth/login", { email, password }),
  logout: () => post<void>("/auth/logout"),
  me: () => get<Me>("/me"),
  tenants: () => get<{ items: Tenant[] }>("/tenants"),

  agent: () => get<AgentView>("/calls/agent"),
  setState: (state: SettableAgentState) => put<AgentView>("/calls/agent/state", { state }),
  next: (tenantId?: string) => post<NextAnswer>("/calls/next", tenantId ? { tenantId } : {}),
  workspace: (tenantId: string, taskId: string) => get<Workspace>(task(tenantId, taskId)),
  dial: (tenantId: string, taskId: string, phone: string) =>
    post<DialResult>(`${task(tenantId, taskId)}/dial`, { phone }),
  dispose: (tenantId: string, taskId: string, disposition: Disposition) =>
    post<DispositionResult>(`${task(tenantId, taskId)}/disposition`, disposition),
  release: (tenantId: string, taskId: string) => post<void>(`${task(tenantId, taskId)}/release`),

  live: (tenantId: string) => get<Live>(`/calls/live${query({ tenantId })}`),
  calls: (tenantId: string, filter: CallFilter, limit: number, offset: number) =>
    get<Page<CallRow>>(`${t(tenantId)}/calls${query({ ...filter, limit, offset })}`),
  blocks: (
    tenantId: string,
    filter: Pick<CallFilter, "from" | "to">,
    limit: number,
    offset: number,
  ) => get<Page<BlockRow>>(`${t(tenantId)}/call-blocks${query({ ...filter, limit, offset })}`),
  agents: (tenantId: string) => get<{ items: AgentOption[] }>(`${t(tenantId)}/agents`),
  assign: (tenantId: string, caseId: string, userId: string | null) =>
    post<{ taskId: string }>(`${t(tenantId)}/cases/${encodeURIComponent(caseId)}/call-assignment`, {
      userId,
    }),
};

/** The report's filters as the form holds them: days "YYYY-MM-DD", "" = not set. */
export type CallFilter = { from: string; to: string; agentId: string; outcome: string; q: string };

/**
 * The API takes instants: "from" is the start of that day in the browser's zone, "to"
 * the start of the day after (the API's end is exclusive, so the whole day counts).
 */
function wire<F extends Partial<CallFilter>>(filter: F): F {
  return {
    ...filter,
    from: filter.from ? dayStartIso(filter.from, 0) : "",
    to: filter.to ? dayStartIso(filter.to, 1) : "",
  };
}

/** Where "Export CSV" points: the same filters, no paging. */
export function callsCsvHref(tenantId: string, filter: CallFilter): string {
  return `/api/v1${t(tenantId)}/calls.csv${query(wire(filter))}`;
}
