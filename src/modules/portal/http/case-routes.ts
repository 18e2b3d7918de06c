import { z } from "zod";
import { AppError } from "../../../platform/errors.js";
import type { RouteModule } from "../../../platform/http/server.js";
import { loadInvoiceDocument } from "../../invoices/store/invoice-documents.js";
import { viewCase } from "../app/view-case.js";
import { csrfTokenFor, requirePortalSession } from "./portal-session.js";
import { brandOut, minorOut as minor } from "./schemas.js";
import { toWire } from "./wire.js";

const TAGS = ["portal"];
const methodOut = z.object({
  id: z.string(),
  channel: z.enum(["sms", "email"]),
  destination: z.string(),
});

const caseOut = z.object({
  csrfToken: z.string(),
  language: z.enum(["it", "en"]),
  timeZone: z.string(),
  today: z.string(),
  creditor: brandOut,
  debtor: z.object({ name: z.string() }),
  case: z.object({
    reference: z.string(),
    status: z.string(),
    stage: z.string(),
    state: z
      .string()
      .describe("to_pay, overdue, promise, plan, plan_review, under_review, on_hold, paid, closed"),
    currency: z.string(),
    balanceMinor: minor,
    paidMinor: minor,
    overdueSince: z.string().nullable(),
  }),
  invoices: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      issueDate: z.string(),
      dueDate: z.string(),
      amountMinor: minor,
      openMinor: minor,
      pdfUrl: z.string().nullable(),
      originalUrl: z.string().nullable(),
    }),
  ),
  payments: z.array(z.object({ bookedOn: z.string(), amountMinor: minor, method: z.string() })),
  documents: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(["letter", "acknowledgment", "signed_acknowledgment"]),
      date: z.string().nullable(),
      title: z.string(),
      url: z.string(),
    }),
  ),
  promise: z.object({ dueDate: z.string(), amountMinor: minor, status: z.string() }).nullable(),
  plan: z
    .object({
      id: z.string(),
      status: z.string(),
      frequency: z.string(),
      installments: z.array(
        z.object({
          seq: z.number(),
          dueDate: z.string(),
          amountMinor: minor,
          paidMinor: minor,
          status: z.string(),
        }),
      ),
      acknowledgmentUrl: z.string().nullable(),
      signedUrl: z.string().nullable(),
    })
    .nullable(),
  limits: z.object({ promiseLatest: z.string() }),
  methods: z.array(methodOut),
  surveyDue: z.enum(["payment", "plan"]).nullable(),
  unreadMessages: z.number(),
});

/** What the debtor reads: the overview and the documents behind it. */
export const portalCaseRoutes: RouteModule = (app, deps) => {
  const useCaseDeps = { database: deps.database, clock: deps.clock };

  app.get(
    "/api/portal/case",
    {
      schema: {
        tags: TAGS,
        summary: "The debtor's case: creditor, balance, status, invoices, payments, documents",
        description:
          "Also hands out the CSRF token every changing request must send as x-csrf-token.",
        response: { 200: caseOut },
      },
    },
    async (request, reply) => {
      const session = await requirePortalSession(request, deps, { write: false });
      const view = await viewCase(useCaseDeps, session);
      reply.header("cache-control", "no-store");
      return { csrfToken: csrfTokenFor(deps, session.token), ...toWire(view) };
    },
  );

  app.get(
    "/api/portal/documents/:messageId",
    {
      schema: {
        tags: TAGS,
        summary: "A letter sent to the debtor, as PDF",
        params: z.object({ messageId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const session = await requirePortalSession(request, deps, { write: false });
      const { rows } = await deps.database.pool.query<{ document: Buffer }>(
        `select document from messages where tenant_id = $1 and case_id = $2 and id = $3
           and channel = 'letter' and document is not null and status in ('sent', 'delivered')`,
        [session.tenantId, session.caseId, request.params.messageId],
      );
      const pdf = rows[0]?.document;
      if (!pdf) throw new AppError("not_found", "document not found");
      return sendPdf(reply, pdf, `letter-${request.params.messageId.slice(0, 8)}.pdf`);
    },
  );

  app.get(
    "/api/portal/plans/:planId/:document",
    {
      schema: {
        tags: TAGS,
        summary: "The plan's acknowledgment of debt, unsigned or signed",
        params: z.object({
          planId: z.uuid(),
          document: z.enum(["acknowledgment.pdf", "signed.pdf"]),
        }),
      },
    },
    async (request, reply) => {
      const session = await requirePortalSession(request, deps, { write: false });
      const kind =
        request.params.document === "signed.pdf" ? "signed_acknowledgment" : "acknowledgment";
      const { rows } = await deps.database.pool.query<{ pdf: Buffer }>(
        `select d.pdf from plan_documents d join plans p on p.id = d.plan_id
         where p.tenant_id = $1 and p.case_id = $2 and p.id = $3 and d.kind = $4
         order by d.created_at desc limit 1`,
        [session.tenantId, session.caseId, request.params.planId, kind],
      );
      const pdf = rows[0]?.pdf;
      if (!pdf) throw new AppError("not_found", "document not found");
      return sendPdf(reply, pdf, `${kind.replace("_", "-")}.pdf`);
    },
  );

  app.get(
    "/api/portal/invoices/:invoiceId/:document",
    {
      schema: {
        tags: TAGS,
        summary: "An invoice's PDF or its original e-invoice",
        params: z.object({ invoiceId: z.uuid(), document: z.enum(["pdf", "original"]) }),
      },
    },
    async (request, reply) => {
      const session = await requirePortalSession(request, deps, { write: false });
      const { invoiceId, document } = request.params;
      // The invoice must be on the debtor's case; the document is then the tenant's own.
      const { rows } = await deps.database.pool.query(
        "select 1 from invoices where tenant_id = $1 and case_id = $2 and id = $3",
        [session.tenantId, session.caseId, invoiceId],
      );
      const file =
        rows.length > 0
          ? await loadInvoiceDocument(deps.database.pool, {
              tenantId: session.tenantId,
              invoiceId,
              kind: document === "pdf" ? "pdf" : "einvoice",
            })
          : undefined;
      if (!file) throw new AppError("not_found", "document not found");
      return reply
        .type(file.contentType)
        .header("cache-control", "private, no-store")
        .header("content-disposition", attachment(file.fileName))
        .send(file.bytes);
    },
  );
};

function sendPdf(reply: import("fastify").FastifyReply, pdf: Buffer, fileName: string) {
  return reply
    .type("application/pdf")
    .header("cache-control", "private, no-store")
    .header("content-disposition", attachment(fileName))
    .send(pdf);
}

function attachment(fileName: string): string {
  const safe = fileName.replace(/[^\w.-]+/g, "_");
  return `attachment; filename="${safe}"`;
}
