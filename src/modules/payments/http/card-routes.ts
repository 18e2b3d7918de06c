import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../../platform/errors";
import { requireTenant } from "../../../platform/http/guard";
import type { RouteModule } from "../../../platform/http/server";
import { receiveCardEvent } from "../app/receive-card-event";
import { startCardCheckout } from "../app/start-card-checkout";
import { minorIn, minorOut } from "./schemas";

export const cardRoutes: RouteModule = (app, deps) => {
  const useCaseDeps = { database: deps.database, clock: deps.clock };

  app.post(
    "/tenants/:tenantId/cases/:caseId/card-checkouts",
    {
      schema: {
        tags: ["payments"],
        summary:
          "Start a card payment at the provider (Stripe Checkout) for the balance or one installment",
        description:
          "Answers the provider's payment page URL. The payment is booked when the provider's signed " +
          "webhook (POST /api/v1/webhooks/card) says it is paid.",
        params: z.object({ tenantId: z.uuid(), caseId: z.uuid() }),
        body: z.object({
          installmentId: z.uuid().optional(),
          amountMinor: minorIn.optional(),
          successUrl: z.url(),
          cancelUrl: z.url(),
        }),
        response: {
          201: z.object({
            id: z.string(),
            url: z.string(),
            amountMinor: minorOut,
            currency: z.string(),
            expiresAt: z.string().nullable(),
          }),
        },
      },
    },
    async (request, reply) => {
      const { tenantId, caseId } = request.params;
      requireTenant(request, tenantId, "agreements:record");
      const { installmentId, amountMinor, ...urls } = request.body;
      const checkout = await startCardCheckout(
        { ...useCaseDeps, card: deps.card },
        {
          tenantId,
          caseId,
          ...urls,
          ...(installmentId ? { installmentId } : {}),
          ...(amountMinor !== undefined ? { amountMinor } : {}),
        },
      );
      return reply.status(201).send({
        ...checkout,
        amountMinor: checkout.amountMinor.toString(),
        expiresAt: checkout.expiresAt?.toISOString() ?? null,
      });
    },
  );

  // The provider signs the exact bytes: this route reads the body raw.
  app.register(async (plain) => {
    const raw = plain.withTypeProvider<ZodTypeProvider>();
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: 1024 * 1024 }, (_r, body, done) =>
      done(null, body),
    );
    raw.post(
      "/webhooks/card",
      {
        schema: {
          tags: ["webhooks"],
          summary: "Card payment events from the provider (Stripe), verified by their signature",
          security: [],
        },
      },
      async (request) => {
        const card = deps.card;
        if (!card) throw new AppError("unavailable", "card payments are not configured");
        const event = card.parseWebhook(request.body as Buffer, request.headers);
        return { outcome: await receiveCardEvent(useCaseDeps, card, event) };
      },
    );
  });
};
