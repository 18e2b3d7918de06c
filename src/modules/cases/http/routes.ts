import { z } from "zod";
import { daysBetween, localDate } from "../../../platform/clock";
import { AppError } from "../../../platform/errors";
import { requireTenant } from "../../../platform/http/guard";
import { pageOut, pageQuery } from "../../../platform/http/paging";
import type { RouteModule } from "../../../platform/http/server";
import { minorToJson } from "../../../platform/money";
import { STAGES } from "../domain/stage";
import { caseTimeline, findCase, listCases } from "../store/case-queries";

const tenantParams = z.object({ tenantId: z.uuid() });
const caseParams = tenantParams.extend({ caseId: z.uuid() });

const caseOut = z.object({
  id: z.string(),
  reference: z.string(),
  debtorId: z.string(),
  debtorName: z.string(),
  stage: z.enum(STAGES),
  status: z.enum(["open", "on_hold", "closed"]),
  holdReasons: z.array(z.string()),
  ownerUserId: z.string().nullable(),
  priority: z.number().int(),
  balanceMinor: z.number().int().describe("what the open invoices still owe, minor units"),
  oldestDueDate: z.string().nullable(),
  daysPastDue: z
    .number()
    .int()
    .nullable()
    .describe("of the oldest open invoice, in the tenant's time zone"),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  closeReason: z.string().nullable(),
});

const eventOut = z.object({
  id: z.string(),
  at: z.string(),
  type: z.string(),
  actor: z.string(),
  data: z.record(z.string(), z.unknown()),
});

type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

function toCase(c: CaseRow, today: string): z.infer<typeof caseOut> {
  return {
    id: c.id,
    reference: c.reference,
    debtorId: c.debtor_id,
    debtorName: c.debtor_name,
    stage: c.stage as z.infer<typeof caseOut>["stage"],
    status: c.status as z.infer<typeof caseOut>["status"],
    holdReasons: c.hold_reasons,
    ownerUserId: c.owner_user_id,
    priority: c.priority,
    balanceMinor: minorToJson(BigInt(c.balance_minor)),
    oldestDueDate: c.oldest_due_date,
    daysPastDue: c.oldest_due_date ? daysBetween(c.oldest_due_date, today) : null,
    openedAt: c.opened_at.toISOString(),
    closedAt: c.closed_at?.toISOString() ?? null,
    closeReason: c.close_reason,
  };
}

export const caseRoutes: RouteModule = (app, deps) => {
  const { db } = deps.database;
  const tenantToday = async (tenantId: string) => {
    const t = await db
      .selectFrom("tenants")
      .select("time_zone")
      .where("id", "=", tenantId)
      .executeTakeFirst();
    if (!t) throw new AppError("tenant_not_found", "tenant not found");
    return localDate(deps.clock.now(), t.time_zone);
  };

  app.get(
    "/tenants/:tenantId/cases",
    {
      schema: {
        tags: ["cases"],
        summary: "Cases of a tenant, newest first",
        params: tenantParams,
        querystring: pageQuery.extend({
          stage: z.enum(STAGES).optional(),
          status: z.enum(["open", "on_hold", "closed"]).optional(),
          debtorId: z.uuid().optional(),
        }),
        response: { 200: pageOut(caseOut) },
      },
    },
    async (request) => {
      const { tenantId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      const { limit, offset, ...filter } = request.query;
      const today = await tenantToday(tenantId);
      const result = await listCases(db, tenantId, filter, { limit, offset });
      return {
        items: result.items.map((c) => toCase(c, today)),
        total: result.total,
        limit,
        offset,
      };
    },
  );

  app.get(
    "/tenants/:tenantId/cases/:caseId",
    {
      schema: {
        tags: ["cases"],
        summary: "One case with its balance",
        params: caseParams,
        response: { 200: caseOut },
      },
    },
    async (request) => {
      const { tenantId, caseId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      const found = await findCase(db, tenantId, caseId);
      if (!found) throw new AppError("case_not_found", "case not found");
      return toCase(found, await tenantToday(tenantId));
    },
  );

  app.get(
    "/tenants/:tenantId/cases/:caseId/timeline",
    {
      schema: {
        tags: ["cases"],
        summary: "The append-only timeline of a case, oldest first",
        params: caseParams,
        querystring: pageQuery,
        response: { 200: z.object({ items: z.array(eventOut) }) },
      },
    },
    async (request) => {
      const { tenantId, caseId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      if (!(await findCase(db, tenantId, caseId)))
        throw new AppError("case_not_found", "case not found");
      const events = await caseTimeline(db, tenantId, caseId, request.query);
      return {
        items: events.map((e) => ({
          id: String(e.id),
          at: e.at.toISOString(),
          type: e.type,
          actor: e.actor,
          data: e.data,
        })),
      };
    },
  );
};
