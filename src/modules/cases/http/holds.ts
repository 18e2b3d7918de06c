import { z } from "zod";
import { AppError } from "../../../platform/errors";
import { requireTenant } from "../../../platform/http/guard";
import type { RouteModule } from "../../../platform/http/server";
import { HOLD_REASONS } from "../../policy/domain";
import { addHold } from "../app/add-hold";
import type { HoldOutcome } from "../app/change-holds";
import { removeHold } from "../app/remove-hold";

const caseParams = z.object({ tenantId: z.uuid(), caseId: z.uuid() });

const holdOut = z.object({
  caseId: z.string(),
  status: z.enum(["open", "on_hold"]),
  holdReasons: z.array(z.string()),
  changed: z.boolean().describe("false when the hold was already there (or already gone)"),
});

function toHolds(caseId: string, outcome: HoldOutcome): z.infer<typeof holdOut> {
  if (outcome.kind === "case_not_found") throw new AppError("case_not_found", "case not found");
  if (outcome.kind === "case_closed")
    throw new AppError("case_closed", "the case is closed: holds no longer apply");
  return {
    caseId,
    status: outcome.status,
    holdReasons: outcome.holdReasons,
    changed: outcome.changed,
  };
}

export const caseHoldRoutes: RouteModule = (app, deps) => {
  const useCaseDeps = { database: deps.database, clock: deps.clock };

  app.post(
    "/tenants/:tenantId/cases/:caseId/holds",
    {
      schema: {
        tags: ["cases"],
        summary: "Put a case on hold",
        description:
          "Adds the reason (once), sets an open case on hold, writes hold.added to the timeline " +
          "and has the scheduler re-evaluate the case at once. 201 when added, 200 when the " +
          "reason was already held.",
        params: caseParams,
        body: z.object({
          reason: z.enum(HOLD_REASONS),
          note: z.string().trim().max(2000).optional(),
        }),
        response: { 200: holdOut, 201: holdOut },
      },
    },
    async (request, reply) => {
      const { tenantId, caseId } = request.params;
      const principal = requireTenant(request, tenantId, "cases:hold");
      const outcome = await addHold(useCaseDeps, {
        tenantId,
        caseId,
        reason: request.body.reason,
        note: request.body.note,
        by: principal.userId,
      });
      const holds = toHolds(caseId, outcome);
      return reply.status(holds.changed ? 201 : 200).send(holds);
    },
  );

  app.delete(
    "/tenants/:tenantId/cases/:caseId/holds/:reason",
    {
      schema: {
        tags: ["cases"],
        summary: "Lift one hold from a case",
        description:
          "Removes the reason; the case is open again when no hold remains. Writes hold.removed " +
          "and has the scheduler re-evaluate the case at once. A reason not held changes nothing.",
        params: caseParams.extend({ reason: z.enum(HOLD_REASONS) }),
        response: { 200: holdOut },
      },
    },
    async (request) => {
      const { tenantId, caseId, reason } = request.params;
      const principal = requireTenant(request, tenantId, "cases:hold");
      const outcome = await removeHold(useCaseDeps, {
        tenantId,
        caseId,
        reason,
        by: principal.userId,
      });
      return toHolds(caseId, outcome);
    },
  );
};
