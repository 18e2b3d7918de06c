/** The agent's API: state, next case, the case screen, dial, disposition, give back. */
import { z } from "zod";
import { AppError } from "../../../platform/errors";
import { requirePermission, requireTenant } from "../../../platform/http/guard";
import type { RouteModule } from "../../../platform/http/server";
import { isoDateSchema } from "../../../platform/iso-date";
import { minorToJson } from "../../../platform/money";
import { canReachTenant, type Principal } from "../../auth/domain/roles";
import { minorIn } from "../../payments/http/schemas";
import { claimNextCall } from "../app/claim-next-call";
import { dialCall } from "../app/dial-call";
import { recordDisposition } from "../app/record-disposition";
import { releaseCall } from "../app/release-call";
import { chooseAgentState } from "../app/set-agent-state";
import { viewAgent } from "../app/view-agent";
import { viewCallTask } from "../app/view-call-task";
import type { ClaimedRow } from "../store/call-tasks";
import {
  claimOut,
  countersOut,
  outcomeSchema,
  taskParams,
  toWorkspace,
  workspaceOut,
} from "./schemas";

const TAGS = ["calls"];

/** null: every tenant (agency staff). */
export function reachableTenants(principal: Principal): readonly string[] | null {
  return principal.allTenants && principal.role !== "client_viewer" ? null : principal.tenantIds;
}

export function toClaim(claim: ClaimedRow): z.infer<typeof claimOut> {
  return {
    taskId: claim.id,
    tenantId: claim.tenant_id,
    caseId: claim.case_id,
    caseReference: claim.reference,
    debtorName: claim.debtor_name,
    claimedAt: claim.claimed_at.toISOString(),
    expiresAt: claim.claim_expires_at.toISOString(),
  };
}

const agentOut = z.object({
  userId: z.string(),
  name: z.string(),
  team: z.string(),
  skills: z.array(z.string()),
  state: z.enum(["available", "on_call", "break", "offline"]),
  stateSince: z.string(),
  current: claimOut.nullable(),
  today: countersOut,
});

export const callAgentRoutes: RouteModule = (app, deps) => {
  const agentView = async (principal: Principal) => {
    const view = await viewAgent(deps, {
      userId: principal.userId,
      tenantIds: reachableTenants(principal),
    });
    if (!view) throw new AppError("user_not_found", "user not found");
    return {
      userId: view.profile.userId,
      name: view.profile.name,
      team: view.profile.team,
      skills: view.profile.skills,
      state: view.profile.state,
      stateSince: view.profile.stateSince.toISOString(),
      current: view.current ? toClaim(view.current) : null,
      today: {
        calls: view.day?.calls ?? 0,
        rightPartyContacts: view.day?.rpc ?? 0,
        promises: view.day?.promises ?? 0,
        amountPromisedMinor: minorToJson(BigInt(view.day?.promised_minor ?? "0")),
      },
    };
  };

  app.get(
    "/calls/agent",
    {
      schema: {
        tags: TAGS,
        summary: "The agent's state, case in hand and today's numbers",
        response: { 200: agentOut },
      },
    },
    async (request) => agentView(requirePermission(request, "calls:work")),
  );

  app.put(
    "/calls/agent/state",
    {
      schema: {
        tags: TAGS,
        summary: "Available, on a break or offline",
        body: z.object({ state: z.enum(["available", "break", "offline"]) }),
        response: { 200: agentOut },
      },
    },
    async (request) => {
      const principal = requirePermission(request, "calls:work");
      await chooseAgentState(deps, { userId: principal.userId, state: request.body.state });
      return agentView(principal);
    },
  );

  app.post(
    "/calls/next",
    {
      schema: {
        tags: TAGS,
        summary: "Take the next case to call",
        description:
          "The best queued task this agent may take (team, skills, tasks assigned by name first), " +
          "checked against the contact policy now (hours in the debtor's time zone, caps, cool-down, " +
          "holds). Never the same task for two agents. A case already in hand is returned again. " +
          "An unworked claim returns to the queue after 15 minutes.",
        body: z.object({ tenantId: z.uuid().optional() }).optional(),
        response: { 200: z.object({ claim: claimOut.nullable(), reason: z.string().nullable() }) },
      },
    },
    async (request) => {
      const principal = requirePermission(request, "calls:work");
      const tenantId = request.body?.tenantId;
      if (tenantId && !canReachTenant(principal, tenantId)) {
        throw new AppError("tenant_not_found", "tenant not found");
      }
      const result = await claimNextCall(deps, {
        userId: principal.userId,
        tenantIds: tenantId ? [tenantId] : reachableTenants(principal),
      });
      return result.kind === "claimed"
        ? { claim: toClaim(result.claim), reason: null }
        : { claim: null, reason: result.reason };
    },
  );

  app.get(
    "/tenants/:tenantId/call-tasks/:taskId",
    {
      schema: {
        tags: TAGS,
        summary: "The agent's screen for a call task",
        params: taskParams,
        response: { 200: workspaceOut },
      },
    },
    async (request) => {
      const { tenantId, taskId } = request.params;
      const principal = requireTenant(request, tenantId, "calls:work");
      const view = await viewCallTask(deps, { tenantId, taskId, userId: principal.userId });
      if (!view) throw new AppError("not_found", "call task not found");
      return toWorkspace(view, principal.userId);
    },
  );

  app.post(
    "/tenants/:tenantId/call-tasks/:taskId/dial",
    {
      schema: {
        tags: TAGS,
        summary: "Dial a number of the case in hand",
        description:
          "Returns the tel: link; with a click-to-call gateway configured (SALDO_CLICK_TO_CALL_URL) " +
          "and an extension set for the agent, the gateway rings the agent and then the debtor.",
        params: taskParams,
        body: z.object({ phone: z.string().min(3).max(32) }),
        response: {
          200: z.object({
            href: z.string(),
            placed: z.boolean(),
            via: z.enum(["link", "click_to_call"]),
          }),
        },
      },
    },
    async (request) => {
      const { tenantId, taskId } = request.params;
      const principal = requireTenant(request, tenantId, "calls:work");
      return dialCall(
        { ...deps, clickToCall: deps.clickToCall ?? null },
        { tenantId, taskId, userId: principal.userId, phone: request.body.phone },
      );
    },
  );

  app.post(
    "/tenants/:tenantId/call-tasks/:taskId/disposition",
    {
      schema: {
        tags: TAGS,
        summary: "Record the outcome of the call",
        description:
          "Updates the case (promise, dispute or hardship hold, reason, a task for a person, a wrong " +
          "number put aside), the contact-policy history (an answered call starts the cool-down), the " +
          "strategy (evaluated again now) and the queue (retry, callback or done), in one transaction.",
        params: taskParams,
        body: z.object({
          outcome: outcomeSchema,
          notes: z.string().max(2000).optional(),
          phone: z.string().max(32).optional(),
          promise: z.object({ amountMinor: minorIn, dueDate: isoDateSchema }).optional(),
          paymentAmountMinor: minorIn.optional(),
          callbackAt: z.iso.datetime({ offset: true }).optional(),
          durationSeconds: z.number().int().min(0).max(86_400).optional(),
        }),
        response: {
          200: z.object({
            callId: z.string(),
            next: z.object({
              kind: z.enum(["callback", "retry", "done"]),
              at: z.string().nullable(),
            }),
          }),
        },
      },
    },
    async (request) => {
      const { tenantId, taskId } = request.params;
      const principal = requireTenant(request, tenantId, "calls:work");
      const body = request.body;
      const recorded = await recordDisposition(deps, {
        tenantId,
        taskId,
        userId: principal.userId,
        source: "agent",
        outcome: body.outcome,
        notes: body.notes,
        phone: body.phone,
        promise: body.promise,
        paymentAmountMinor: body.paymentAmountMinor,
        callbackAt: body.callbackAt ? new Date(body.callbackAt) : undefined,
        durationSeconds: body.durationSeconds,
      });
      return {
        callId: recorded.callId,
        next: { kind: recorded.next.kind, at: recorded.next.at?.toISOString() ?? null },
      };
    },
  );

  app.post(
    "/tenants/:tenantId/call-tasks/:taskId/release",
    {
      schema: {
        tags: TAGS,
        summary: "Give the case back to the queue without calling",
        params: taskParams,
      },
    },
    async (request, reply) => {
      const { tenantId, taskId } = request.params;
      const principal = requireTenant(request, tenantId, "calls:work");
      await releaseCall(deps, { tenantId, taskId, userId: principal.userId });
      return reply.status(204).send();
    },
  );
};
