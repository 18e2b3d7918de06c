import { z } from "zod";
import { AppError } from "../../../platform/errors.js";
import type { RouteModule } from "../../../platform/http/server.js";
import { PaymentDataError } from "../../payments/domain/field-problems.js";
import { proposePlan } from "../../plans/app/propose-plan.js";
import { sendSignatureCode } from "../../plans/app/send-signature-code.js";
import { signPlan } from "../../plans/app/sign-plan.js";
import { PLAN_FREQUENCIES } from "../../plans/domain/index.js";
import { recordPromise } from "../../promises/app/record-promise.js";
import { planChoices } from "../app/plan-choices.js";
import { requirePortalSession, SMALL_BODY } from "./portal-session.js";
import { minorOut as minor } from "./schemas.js";
import { toWire } from "./wire.js";

const TAGS = ["portal"];
const day = z.iso.date();
const planParams = z.object({ planId: z.uuid() });

/** Promises and plans made by the debtor, with the same rules as everywhere else. */
export const portalAgreementRoutes: RouteModule = (app, deps) => {
  const useCaseDeps = { database: deps.database, clock: deps.clock };
  const pool = deps.database.pool;

  async function ownPlan(session: { tenantId: string; caseId: string }, planId: string) {
    const { rows } = await pool.query(
      "select 1 from plans where tenant_id = $1 and case_id = $2 and id = $3",
      [session.tenantId, session.caseId, planId],
    );
    if (rows.length === 0) throw new AppError("not_found", "plan not found");
  }

  app.post(
    "/api/portal/promises",
    {
      bodyLimit: SMALL_BODY,
      schema: {
        tags: TAGS,
        summary:
          "Promise to pay by a date (within the creditor's limits); reminders pause until then",
        body: z.object({
          dueDate: day,
          amountMinor: z.string().regex(/^\d+$/).optional(),
        }),
        response: {
          201: z.object({ dueDate: z.string(), amountMinor: minor, status: z.literal("pending") }),
        },
      },
    },
    async (request, reply) => {
      const session = await requirePortalSession(request, deps, { write: true });
      try {
        const promise = await recordPromise(useCaseDeps, {
          ...session,
          dueDate: request.body.dueDate,
          ...(request.body.amountMinor ? { amountMinor: BigInt(request.body.amountMinor) } : {}),
          source: "portal",
          createdBy: "debtor",
        });
        return reply.status(201).send({
          dueDate: promise.dueDate,
          amountMinor: String(promise.amountMinor),
          status: promise.status,
        });
      } catch (error) {
        if (error instanceof PaymentDataError)
          throw new AppError("promise_refused", error.message, { reasons: error.problems });
        throw error;
      }
    },
  );

  app.get(
    "/api/portal/plan-options",
    {
      schema: {
        tags: TAGS,
        summary: "Plans approved at once for this balance, and the range of start dates",
        response: {
          200: z.object({
            balanceMinor: minor,
            options: z.array(
              z.object({
                installments: z.number(),
                frequency: z.enum(PLAN_FREQUENCIES as ["weekly", "biweekly", "monthly"]),
                installmentMinor: minor,
                downPaymentMinor: minor,
              }),
            ),
            frequencies: z.array(z.string()),
            maxInstallments: z.number(),
            earliestStart: z.string(),
            latestStart: z.string(),
          }),
        },
      },
    },
    async (request) => {
      const session = await requirePortalSession(request, deps, { write: false });
      return toWire(await planChoices(useCaseDeps, session));
    },
  );

  app.post(
    "/api/portal/plans",
    {
      bodyLimit: SMALL_BODY,
      schema: {
        tags: TAGS,
        summary: "Propose a repayment plan",
        description:
          "Within policy: awaiting_signature (sign it with a code). Outside: pending_approval (a supervisor decides). " +
          "Impossible terms: rejected, with every reason and no plan.",
        body: z.object({
          installments: z.number().int().min(1).max(520),
          frequency: z.enum(PLAN_FREQUENCIES as ["weekly", "biweekly", "monthly"]),
          startDate: day,
        }),
        response: {
          201: z.object({
            id: z.string().nullable(),
            status: z.enum(["awaiting_signature", "pending_approval", "rejected"]),
            reasons: z.array(z.object({ code: z.string(), detail: z.string() })),
          }),
        },
      },
    },
    async (request, reply) => {
      const session = await requirePortalSession(request, deps, { write: true });
      try {
        const plan = await proposePlan(useCaseDeps, {
          ...session,
          count: request.body.installments,
          frequency: request.body.frequency,
          firstDueDate: request.body.startDate,
          source: "portal",
          proposedBy: "debtor",
        });
        return reply
          .status(201)
          .send({ id: plan.planId, status: plan.status, reasons: plan.reasons });
      } catch (error) {
        const reasons = (error as AppError).details as { reasons?: unknown } | undefined;
        if (error instanceof AppError && error.code === "validation_failed" && reasons?.reasons)
          return reply.status(201).send({
            id: null,
            status: "rejected",
            reasons: reasons.reasons as Array<{ code: string; detail: string }>,
          });
        throw error;
      }
    },
  );

  app.post(
    "/api/portal/plans/:planId/signature-codes",
    {
      bodyLimit: SMALL_BODY,
      schema: {
        tags: TAGS,
        summary: "Send the code that signs the plan's acknowledgment of debt",
        params: planParams,
        body: z.object({ methodId: z.uuid() }),
        response: { 202: z.object({ destination: z.string(), expiresAt: z.string() }) },
      },
    },
    async (request, reply) => {
      const session = await requirePortalSession(request, deps, { write: true });
      await ownPlan(session, request.params.planId);
      const sent = await sendSignatureCode(
        { ...useCaseDeps, channels: deps.channels },
        {
          tenantId: session.tenantId,
          planId: request.params.planId,
          contactPointId: request.body.methodId,
        },
      );
      return reply
        .status(202)
        .send({ destination: sent.destination, expiresAt: sent.expiresAt.toISOString() });
    },
  );

  app.post(
    "/api/portal/plans/:planId/signature",
    {
      bodyLimit: SMALL_BODY,
      schema: {
        tags: TAGS,
        summary: "Sign the plan with the code just received",
        params: planParams,
        body: z.object({ code: z.string().min(4).max(12) }),
        response: { 200: z.object({ status: z.literal("active") }) },
      },
    },
    async (request) => {
      const session = await requirePortalSession(request, deps, { write: true });
      await ownPlan(session, request.params.planId);
      const { rows } = await pool.query<{ id: string }>(
        "select id from signature_codes where plan_id = $1 order by created_at desc limit 1",
        [request.params.planId],
      );
      const codeId = rows[0]?.id;
      if (!codeId) throw new AppError("code_invalid", "ask for a code first");
      const outcome = await signPlan(
        { ...useCaseDeps, channels: deps.channels },
        {
          tenantId: session.tenantId,
          planId: request.params.planId,
          codeId,
          code: request.body.code,
          ip: request.ip,
          ...(request.headers["user-agent"] ? { userAgent: request.headers["user-agent"] } : {}),
        },
      );
      if (outcome.kind !== "signed")
        throw new AppError(
          "code_invalid",
          outcome.kind === "locked"
            ? "too many wrong codes: ask for a new one"
            : "the code is not valid or has expired",
          { outcome: outcome.kind },
        );
      return { status: "active" as const };
    },
  );
};
