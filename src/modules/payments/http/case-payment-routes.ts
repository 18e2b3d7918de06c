import { z } from "zod";
import { AppError } from "../../../platform/errors";
import { requireTenant } from "../../../platform/http/guard";
import type { RouteModule } from "../../../platform/http/server";
import { paymentOptions } from "../app/payment-options";
import { qrCodePng, qrCodeSvg } from "../domain/qr-image";
import { minorOut } from "./schemas";

const caseParams = z.object({ tenantId: z.uuid(), caseId: z.uuid() });
const optionsQuery = z.object({ installmentId: z.uuid().optional() });

export const casePaymentRoutes: RouteModule = (app, deps) => {
  app.get(
    "/tenants/:tenantId/cases/:caseId/payment-options",
    {
      schema: {
        tags: ["payments"],
        summary:
          "How the case (or one installment) can be paid: transfer with RF reference, EPC QR, pagoPA",
        params: caseParams,
        querystring: optionsQuery,
        response: {
          200: z.object({
            caseId: z.string(),
            caseReference: z.string(),
            caseStatus: z.string(),
            installmentId: z.string().nullable(),
            amountMinor: minorOut,
            currency: z.string(),
            rfReference: z.string(),
            rfReferencePrinted: z.string(),
            bankTransfer: z
              .object({
                iban: z.string(),
                bic: z.string().optional(),
                beneficiary: z.string(),
                epcQrPayload: z.string().nullable(),
              })
              .optional(),
            pagoPa: z
              .object({
                noticeNumber: z.string(),
                creditorFiscalCode: z.string(),
                qrPayload: z.string(),
              })
              .optional(),
          }),
        },
      },
    },
    async (request) => {
      const { tenantId, caseId } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      const options = await paymentOptions(deps.database.pool, {
        tenantId,
        caseId,
        ...request.query,
      });
      return { ...options, amountMinor: options.amountMinor.toString() };
    },
  );

  app.get(
    "/tenants/:tenantId/cases/:caseId/payment-qr/:kind",
    {
      schema: {
        tags: ["payments"],
        summary: "The EPC (SEPA transfer) or pagoPA QR code of the case, as PNG or SVG",
        params: caseParams.extend({ kind: z.enum(["epc", "pagopa"]) }),
        querystring: optionsQuery.extend({
          format: z.enum(["png", "svg"]).default("png"),
          size: z.coerce.number().int().min(100).max(1200).default(300),
        }),
      },
    },
    async (request, reply) => {
      const { tenantId, caseId, kind } = request.params;
      requireTenant(request, tenantId, "portfolio:read");
      const { format, size, installmentId } = request.query;
      const options = await paymentOptions(deps.database.pool, {
        tenantId,
        caseId,
        ...(installmentId ? { installmentId } : {}),
      });
      const payload =
        kind === "epc" ? options.bankTransfer?.epcQrPayload : options.pagoPa?.qrPayload;
      if (!payload) {
        throw new AppError(
          "not_found",
          kind === "epc"
            ? "no EPC QR code: the tenant has no IBAN, the currency is not EUR, or nothing is owed"
            : "no pagoPA notice: the tenant is not a pagoPA creditor, or nothing is owed",
        );
      }
      if (format === "svg") return reply.type("image/svg+xml").send(await qrCodeSvg(payload));
      return reply.type("image/png").send(await qrCodePng(payload, { sizePx: size }));
    },
  );
};
