/** The supervisor's API: live queues and agents, the call report (JSON and CSV), blocks, reassigning. */
import { z } from "zod";
import { AppError } from "../../../platform/errors";
import { requirePermission, requireTenant } from "../../../platform/http/guard";
import type { RouteModule } from "../../../platform/http/server";
import { minorToJson } from "../../../platform/money";
import { canReachTenant } from "../../auth/domain/roles";
import { assignCaseCall } from "../app/assign-case-call";
import { viewLiveQueues } from "../app/view-live-queues";
import { callsCsv } from "../domain/call-report-csv";
import {
  type CallReportRow,
  listAgents,
  listCallBlocks,
  listCalls,
} from "../store/supervision-queries";
import { reachableTenants } from "./agent-routes";
import { outcomeSchema, tenantParams } from "./schemas";

const TAGS = ["calls"];

const reportQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  agentId: z.uuid().optional(),
  outcome: outcomeSchema.optional(),
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const callOut = z.object({
  id: z.string(),
  at: z.string(),
  endedAt: z.string(),
  durationSeconds: z.number().int().nullable(),
  agentId: z.string().nullable(),
  agentName: z.string().nullable(),
  caseId: z.string(),
  caseReference: z.string(),
  debtorName: z.string(),
  outcome: z.string(),
  notes: z.string().nullable(),
  phone: z.string().nullable(),
  promiseAmountMinor: z.number().int().nullable(),
  callbackAt: z.string().nullable(),
  source: z.enum(["agent", "dialer"]),
});

function toCall(row: CallReportRow): z.infer<typeof callOut> {
  return {
    id: row.id,
    at: row.started_at.toISOString(),
    endedAt: row.ended_at.toISOString(),
    durationSeconds: row.duration_seconds,
    agentId: row.agent_user_id,
    agentName: row.agent_name,
    caseId: row.case_id,
    caseReference: row.reference,
    debtorName: row.debtor_name,
    outcome: row.outcome,
    notes: row.notes,
    phone: row.phone,
    promiseAmountMinor:
      row.promise_amount_minor === null ? null : minorToJson(BigInt(row.promise_amount_minor)),
    callbackAt: row.callback_at?.toISOString() ?? null,
    source: row.source,
  };
}

const date = (iso: string | undefined) => (iso ? new Date(iso) : undefined);

export const callSupervisorRoutes: RouteModule = (app, deps) => {
  app.get(
    "/calls/live",
    {
      schema: {
        tags: TAGS,
        summary:
          "Live queues (size, due now, oldest, by priority band) and agents (state, today's calls)",
        querystring: z.object({ tenantId: z.uuid().optional() }),
      },
    },
    async (request) => {
      const principal = requirePermission(request, "calls:supervise");
      const tenantId = request.query.tenantId;
      if (tenantId && !canReachTenant(principal, tenantId))
        throw new AppError("tenant_not_found", "tenant not found");
      const live = await viewLiveQueues(deps, {
        tenantIds: tenantId ? [tenantId] : reachableTenants(principal),
      });
      return {
        queues: live.queues.map((q) => ({
          tenantId: q.tenant_id,
          tenantName: q.tenant_name,
          team: q.team,
          skill: q.skill,
          size: q.size,
          dueNow: q.due_now,
          oldestDueAt: q.oldest_due_at?.toISOString() ?? null,
          bands: { high: q.high, medium: q.medium, low: q.low },
        })),
        agents: live.agents.map((a) => ({
          userId: a.user_id,
          name: a.name,
          team: a.team,
          state: a.state,
          stateSince: a.state_since.toISOString(),
          current: a.current_reference
            ? {
                tenantId: a.current_tenant_id,
                caseReference: a.current_reference,
                since: a.current_since?.toISOString() ?? null,
              }
            : null,
          calls: a.calls,
          rightPartyContacts: a.rpc,
          promises: a.promises,
          amountPromisedMinor: minorToJson(BigInt(a.promised_minor)),
        })),
      };
    },
  );

  app.get(
    "/tenants/:tenantId/calls",
    {
      schema: {
        tags: TAGS,
        summary: "The report of every call (agent, case, time, duration, outcome, notes)",
        params: tenantParams,
        querystring: reportQuery,
        response: { 200: z.object({ items: z.array(callOut), total: z.number().int() }) },
      },
    },
    async (request) => {
      const { tenantId } = request.params;
      requireTenant(request, tenantId, "calls:supervise");
      const q = request.query;
      const { rows, total } = await listCalls(
        deps.database.pool,
        {
          tenantId,
          from: date(q.from),
          to: date(q.to),
          agentId: q.agentId,
          outcome: q.outcome,
          q: q.q,
        },
        { limit: q.limit, offset: q.offset },
      );
      return { items: rows.map(toCall), total };
    },
  );

  app.get(
    "/tenants/:tenantId/calls.csv",
    {
      schema: {
        tags: TAGS,
        summary: "The call report as CSV (same filters; at most 100,000 rows)",
        params: tenantParams,
        querystring: reportQuery.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) => {
      const { tenantId } = request.params;
      requireTenant(request, tenantId, "calls:supervise");
      const q = request.query;
      const { rows } = await listCalls(
        deps.database.pool,
        {
          tenantId,
          from: date(q.from),
          to: date(q.to),
          agentId: q.agentId,
          outcome: q.outcome,
          q: q.q,
        },
        { limit: 100_000, offset: 0 },
      );
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="calls.csv"')
        .send(callsCsv(rows.map(toCall)));
    },
  );

  app.get(
    "/tenants/:tenantId/call-blocks",
    {
      schema: {
        tags: TAGS,
        summary:
          "Calls the contact policy deferred, blocked or cancelled at claim time, with the rule",
        params: tenantParams,
        querystring: reportQuery.pick({ from: true, to: true, limit: true, offset: true }),
      },
    },
    async (request) => {
      const { tenantId } = request.params;
      requireTenant(request, tenantId, "calls:supervise");
      const q = request.query;
      const { rows, total } = await listCallBlocks(deps.database.pool, {
        tenantId,
        from: date(q.from),
        to: date(q.to),
        limit: q.limit,
        offset: q.offset,
      });
      return {
        items: rows.map((b) => ({
          at: b.at.toISOString(),
          taskId: b.task_id,
          caseId: b.case_id,
          caseReference: b.reference,
          debtorName: b.debtor_name,
          kind: b.kind,
          rule: b.rule,
          reason: b.reason,
          until: b.until?.toISOString() ?? null,
        })),
        total,
      };
    },
  );

  app.get(
    "/tenants/:tenantId/agents",
    { schema: { tags: TAGS, summary: "Agents who may work this tenant", params: tenantParams } },
    async (request) => {
      const { tenantId } = request.params;
      requireTenant(request, tenantId, "calls:supervise");
      const rows = await listAgents(deps.database.pool, tenantId);
      return {
        items: rows.map((a) => ({
          userId: a.user_id,
          name: a.name,
          team: a.team,
          skills: a.skills,
        })),
      };
    },
  );

  app.post(
    "/tenants/:tenantId/cases/:caseId/call-assignment",
    {
      schema: {
        tags: TAGS,
        summary: "Put a case in front of an agent or a team (null: the whole queue)",
        params: tenantParams.extend({ caseId: z.uuid() }),
        body: z.object({
          userId: z.uuid().nullable(),
          team: z.string().min(1).max(60).nullable().optional(),
        }),
        response: { 200: z.object({ taskId: z.string() }) },
      },
    },
    async (request) => {
      const { tenantId, caseId } = request.params;
      const principal = requireTenant(request, tenantId, "calls:supervise");
      return assignCaseCall(deps, {
        tenantId,
        caseId,
        userId: request.body.userId,
        team: request.body.team ?? null,
        by: principal.userId,
      });
    },
  );
};
