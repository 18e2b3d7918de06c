import { z } from "zod";
import { AppError } from "../../../platform/errors.js";
import type { RouteModule } from "../../../platform/http/server.js";
import { paymentOptions } from "../../payments/app/payment-options.js";
import { startCardCheckout } from "../../payments/app/start-card-checkout.js";
import { qrCodeSvg } from "../../payments/domain/qr-image.js";
import { nextOpenInstallment } from "../store/next-installment.js";
import { requirePortalSession, SMALL_BODY } from "./portal-session.js";
import { minorOut as minor } from "./schemas.js";

const TAGS = ["portal"];

/** Paying from the portal: transfer details and QR codes, pagoPA, card. With a plan, the next installment. */
export const portalPaymentRoutes: RouteModule = (app, deps) => {
  const pool = deps.database.pool;

  async function optionsFor(session: { tenantId: string; caseId: string }) {
    const installmentId = await nextOpenInstallment(pool, session);
    return paymentOptions(pool, { ...session, ...(installmentId ? { installmentId } : {}) });
  }

  app.get(
    "/api/portal/payment-options",
    {
      schema: {
        tags: TAGS,
        summary: "How the debtor can pay now: the balance, or the next installment of their plan",
        response: {
          200: z.object({
            amountMinor: minor,
            currency: z.string(),
            installment: z.boolean(),
            rfReference: z.string(),
            rfReferencePrinted: z.string(),
            bankTransfer: z
              .object({
                beneficiary: z.string(),
                iban: z.string(),
                bic: z.string().nullable(),
                epcQrUrl: z.string().nullable(),
              })
              .nullable(),
            pagopa: z
              .object({ noticeNumber: z.string(), fiscalCode: z.string(), qrUrl: z.string() })
              .nullable(),
            card: z.boolean(),
          }),
        },
      },
    },
    async (request, reply) => {
      const session = await requirePortalSession(request, deps, { write: false });
      const options = await optionsFor(session);
      reply.header("cache-control", "no-store");
      return {
        amountMinor: String(options.amountMinor),
        currency: options.currency,
        installment: options.installmentId !== null,
        rfReference: options.rfReference,
        rfReferencePrinted: options.rfReferencePrinted,
        bankTransfer: options.bankTransfer
          ? {
              beneficiary: options.bankTransfer.beneficiary,
              iban: options.bankTransfer.iban,
              bic: options.bankTransfer.bic ?? null,
              epcQrUrl: options.bankTransfer.epcQrPayload ? "/api/portal/payment-qr/epc.svg" : null,
            }
          : null,
        pagopa: options.pagoPa
          ? {
              noticeNumber: options.pagoPa.noticeNumber,
              fiscalCode: options.pagoPa.creditorFiscalCode,
              qrUrl: "/api/portal/payment-qr/pagopa.svg",
            }
          : null,
        card: Boolean(deps.card) && options.amountMinor > 0n && options.caseStatus !== "closed",
      };
    },
  );

  app.get(
    "/api/portal/payment-qr/:file",
    {
      schema: {
        tags: TAGS,
        summary: "The EPC (SEPA transfer) or pagoPA QR code, as SVG",
        params: z.object({ file: z.enum(["epc.svg", "pagopa.svg"]) }),
      },
    },
    async (request, reply) => {
      const session = await requirePortalSession(request, deps, { write: false });
      const options = await optionsFor(session);
      const payload =
        request.params.file === "epc.svg"
          ? options.bankTransfer?.epcQrPayload
          : options.pagoPa?.qrPayload;
      if (!payload) throw new AppError("not_found", "no such QR code for this case");
      return reply
        .type("image/svg+xml")
        .header("cache-control", "private, no-store")
        .send(await qrCodeSvg(payload));
    },
  );

  app.post(
    "/api/portal/card-checkouts",
    {
      bodyLimit: SMALL_BODY,
      schema: {
        tags: TAGS,
        summary: "Start a card payment at the provider; go to the answered url",
        response: { 201: z.object({ id: z.string(), url: z.string() }) },
      },
    },
    async (request, reply) => {
      const session = await requirePortalSession(request, deps, { write: true });
      const installmentId = await nextOpenInstallment(pool, session);
      const base = `${deps.channels.links.publicUrl}/portal`;
      const checkout = await startCardCheckout(
        { database: deps.database, clock: deps.clock, card: deps.card },
        {
          tenantId: session.tenantId,
          caseId: session.caseId,
          ...(installmentId ? { installmentId } : {}),
          successUrl: `${base}/paid?checkout=latest`,
          cancelUrl: `${base}/pay`,
        },
      );
      return reply.status(201).send({ id: checkout.id, url: checkout.url });
    },
  );

  app.get(
    "/api/portal/card-checkouts/:checkoutId",
    {
      schema: {
        tags: TAGS,
        summary: "Where a card payment stands ('latest': the newest of this case)",
        params: z.object({ checkoutId: z.union([z.uuid(), z.literal("latest")]) }),
        response: {
          200: z.object({
            id: z.string(),
            status: z.enum(["open", "paid", "failed", "expired"]),
            amountMinor: minor,
            currency: z.string(),
          }),
        },
      },
    },
    async (request, reply) => {
      const session = await requirePortalSession(request, deps, { write: false });
      const id = request.params.checkoutId;
      const { rows } = await pool.query<{
        id: string;
        status: "open" | "paid" | "failed" | "expired";
        amount_minor: string;
        currency: string;
      }>(
        `select id, status, amount_minor::text, currency from card_checkouts
         where tenant_id = $1 and case_id = $2 and ($3::uuid is null or id = $3)
         order by created_at desc limit 1`,
        [session.tenantId, session.caseId, id === "latest" ? null : id],
      );
      const checkout = rows[0];
      if (!checkout) throw new AppError("not_found", "card payment not found");
      reply.header("cache-control", "no-store");
      return {
        id: checkout.id,
        status: checkout.status,
        amountMinor: checkout.amount_minor,
        currency: checkout.currency,
      };
    },
  );
};
