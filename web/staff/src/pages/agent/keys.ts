/** Query keys of the agent's page. */
export const AGENT_KEY = ["calls", "agent"] as const;
export const workspaceKey = (tenantId: string, taskId: string) =>
  ["calls", "workspace", tenantId, taskId] as const;
