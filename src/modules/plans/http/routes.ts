import { z } from "zod";
import { AppError } from "../../../platform/errors";
import { requireTenant } from "../../../platform/http/guard";
import type { RouteModule } from "../../../platform/http/server";
import { isoDateSchema } from "../../../platform/iso-date";
import { minorIn, minorOut } from "../../payments/http/schemas";
import { decidePlanApproval } from "../app/decide-plan";
import { proposePlan } from "../app/propose-plan";
import { sendSignatureCode } from "../app/send-signature-code";
import { signPlan } from "../app/sign-plan";
import { PLAN_FREQUENCIES } from "../domain/index";
import { findPlan, planDocument } from "../store/plan-queries";

const tenantParams = z.object({ tenantId: z.uuid() });
const planParams = tenantParams.extend({ planId: z.uuid() });

const installmentOut = z.object({
  id: z.string(),
  seq: z.number(),
  kind: z.string(),
  dueDate: z.string(),
  amountMinor: minorOut,
  paidMinor: minorOut,
  status: z.string(),
});

const planOut = z.object({
  id: z.string(),
  caseId: z.string(),
  status: z.string(),
  totalMinor: minorOut,
  downPaymentMinor: minorOut,
  installmentCount: z.number(),
  frequency: z.string(),
  currency: z.string(),
  method: z.string(),
  source: z.string(),
  decision: z.unknown(),
  documentSha256: z.string().nullable(),
  createdAt: z.string(),
  signedAt: z.string().nullable(),
  installments: z.array(installmentOut),
});

export const planRoutes: RouteModule = (app, deps) => {
  const useCaseDeps = { database: deps.database, clock: deps.clock };
  const loadPlan = async (tenantId: string, planId: string): Promise<z.infer<typeof planOut>> => {
    const plan = await findPlan(deps.database.pool, tenantId, planId);
    if (!plan) throw new AppError("not_found", "plan not found");
    return {
      id: plan.id,
      caseId: plan.case_id,
      status: plan.status,
      totalMinor: plan.total_minor.toString(),
      downPaymentMinor: plan.down_payment_minor.toString(),
      installmentCount: plan.installments.length,
      frequency: plan.frequency,
      currency: plan.currency,
      method: plan.method,
      source: plan.source,
      decision: plan.decision,
      documentSha256: plan.document_sha256,
      createdAt: plan.created_at.toISOString(),
      signedAt: plan.signed_at?.toISOString() ?? null,
      installments: plan.installments.map((i: Record<string, never>) => ({
        id: i.id,
        seq: i.seq,
        kind: i.kind,
        dueDate: i.due_date,
        amountMinor: String(i.amount_minor),
        paidMinor: String(i.paid_minor),
        status: i.status,
      })),
    };
  };

  app.post(
    "/tenants/:tenantId/cases/:caseId/plans",
    {
      schema: {
        tags: ["plans"],
        summary: "Propose a repayment plan for the case balance",
        description:
          "Split into installments that add up to the cent. Within the tenant's plan policy the plan waits " +
          "only for the debtor's signature (awaiting_signature); outside it a supervisor decides " +
          "(pending_approval, with a task); impossible terms are refused with every reason.",
        params: tenantParams.extend({ caseId: z.uuid() }),
        body: z.object({
          count: z.number().int().min(1).max(520),
          frequency: z.enum(PLAN_FREQUENCIES),
          firstDueDate: isoDateSchema,
          downPaymentMinor: minorIn.optional(),
        }),
        response: { 201: planOut },
      },
    },
    async (request, reply) => {
      const { tenantId, caseId } = request.params;
      const principal = requireTenant(request, tenantId, "agreements:record");
      const { downPaymentMinor, ...terms } = request.body;
      const proposed = await proposePlan(useCaseDeps, {
        tenantId,
        caseId,
        ...terms,
        ...(downPaymentMinor !== undefined ? { downPaymentMinor } : {}),
        source: principal.role === "agent" ? "agent" : "api",
        proposedBy: `user:${principal.userId}`,
      });
      return reply.status(201).send(await loadPlan(tenantId, proposed.planId));
    },
  );

  app.get(
    "/tenants/:tenantId/plans/:planId",
    {
      schema: {
        tags: ["plans"],
        summary: "A plan with its installments and what each received",
        params: planParams,
        response: { 200: planOut },
      },
    },
    async (request) => {
      const { tenantId, planId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      return loadPlan(tenantId, planId);
    },
  );

  app.post(
    "/tenants/:tenantId/plans/:planId/decision",
    {
      schema: {
        tags: ["plans"],
        summary: "A supervisor approves or rejects a plan outside policy",
        params: planParams,
        body: z.object({ approve: z.boolean(), note: z.string().max(1000).optional() }),
        response: { 200: planOut },
      },
    },
    async (request) => {
      const { tenantId, planId } = request.params;
      const principal = requireTenant(request, tenantId, "payments:manage");
      await decidePlanApproval(useCaseDeps, {
        tenantId,
        planId,
        approve: request.body.approve,
        ...(request.body.note ? { note: request.body.note } : {}),
        userId: principal.userId,
      });
      return loadPlan(tenantId, planId);
    },
  );

  app.post(
    "/tenants/:tenantId/plans/:planId/signature-codes",
    {
      schema: {
        tags: ["plans"],
        summary: "Send the debtor a one-time code to sign the acknowledgment of debt",
        description:
          "To a mobile phone or email of the debtor on file; at most 5 codes an hour per plan.",
        params: planParams,
        body: z.object({ contactPointId: z.uuid() }),
        response: {
          201: z.object({
            codeId: z.string(),
            channel: z.string(),
            destination: z.string(),
            expiresAt: z.string(),
          }),
        },
      },
    },
    async (request, reply) => {
      const { tenantId, planId } = request.params;
      requireTenant(request, tenantId, "agreements:record");
      const sent = await sendSignatureCode(
        { ...useCaseDeps, channels: deps.channels },
        { tenantId, planId, contactPointId: request.body.contactPointId },
      );
      return reply.status(201).send({ ...sent, expiresAt: sent.expiresAt.toISOString() });
    },
  );

  app.post(
    "/tenants/:tenantId/plans/:planId/signature",
    {
      schema: {
        tags: ["plans"],
        summary:
          "Sign the plan with the one-time code the debtor received (e.g. read out on a call)",
        params: planParams,
        body: z.object({ codeId: z.uuid(), code: z.string().min(4).max(12) }),
        response: { 200: z.object({ outcome: z.enum(["signed", "wrong", "expired", "locked"]) }) },
      },
    },
    async (request) => {
      const { tenantId, planId } = request.params;
      requireTenant(request, tenantId, "agreements:record");
      const outcome = await signPlan(
        { ...useCaseDeps, channels: deps.channels },
        {
          tenantId,
          planId,
          ...request.body,
          ip: request.ip,
          ...(request.headers["user-agent"] ? { userAgent: request.headers["user-agent"] } : {}),
        },
      );
      return { outcome: outcome.kind };
    },
  );

  app.get(
    "/tenants/:tenantId/plans/:planId/acknowledgment.pdf",
    {
      schema: {
        tags: ["plans"],
        summary: "The acknowledgment of debt (the signed copy once signed)",
        params: planParams,
        querystring: z.object({ copy: z.enum(["signed", "unsigned"]).default("signed") }),
      },
    },
    async (request, reply) => {
      const { tenantId, planId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      const pdf =
        (request.query.copy === "signed"
          ? await planDocument(deps.database.pool, tenantId, planId, "signed_acknowledgment")
          : null) ?? (await planDocument(deps.database.pool, tenantId, planId, "acknowledgment"));
      if (!pdf) throw new AppError("not_found", "plan not found");
      return reply.type("application/pdf").send(pdf);
    },
  );
};
