/**
 * Callbacks from providers and mail servers. No session: each call is signed
 * with SALDO_WEBHOOK_SECRET (`x-saldo-signature: sha256=<hex HMAC of the raw
 * body>`); without a configured secret they answer 503. Every event is applied
 * once, so a provider may safely call again.
 */
import { z } from "zod";
import { AppError } from "../../../platform/errors";
import type { RouteModule } from "../../../platform/http/server";
import { receiveSmsReply, recordSmsReceipt } from "../app/handle-sms-events";
import { receiveEmail } from "../app/receive-email";
import { recordDelivery } from "../app/record-delivery";
import { idInside } from "../domain/saldo-ids";
import {
  isDeliveryReceipt,
  parseSmsWebhook,
  SIGNATURE_HEADER,
  SmsWebhookError,
  verifySignature,
} from "../sms/sms-webhook.js";

const emailEvent = z.object({
  type: z.enum(["delivered", "bounce", "complaint", "deferred"]),
  messageId: z
    .string()
    .min(1)
    .describe("Saldo's message id, or the Message-ID it set (<id@domain>)"),
  permanent: z.boolean().default(true),
  detail: z.string().max(1000).default(""),
  at: z.iso.datetime({ offset: true }).optional(),
});

export const webhookRoutes: RouteModule = (app, deps) => {
  const useCaseDeps = { database: deps.database, clock: deps.clock };
  const verified = (raw: Buffer, headers: Record<string, unknown>, what: string) => {
    const secret = deps.channels.webhookSecret;
    if (!secret)
      throw new AppError("unavailable", "webhooks are not configured: set SALDO_WEBHOOK_SECRET");
    try {
      const header = headers[SIGNATURE_HEADER];
      verifySignature(
        raw,
        Array.isArray(header) ? header[0] : (header as string | undefined),
        secret,
        what,
      );
    } catch (error) {
      if (error instanceof SmsWebhookError) throw new AppError("unauthenticated", error.message);
      throw error;
    }
  };

  // The signature covers the exact bytes: these routes read the body raw.
  app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser(
      "*",
      { parseAs: "buffer", bodyLimit: 30 * 1024 * 1024 },
      (_r, body, done) => done(null, body),
    );

    raw.post(
      "/webhooks/sms",
      {
        schema: {
          tags: ["webhooks"],
          summary: "Delivery receipts and replies from the HTTP SMS provider",
          security: [],
        },
      },
      async (request) => {
        const body = request.body as Buffer;
        const secret = deps.channels.webhookSecret;
        if (!secret)
          throw new AppError(
            "unavailable",
            "webhooks are not configured: set SALDO_WEBHOOK_SECRET",
          );
        let event: ReturnType<typeof parseSmsWebhook>;
        try {
          event = parseSmsWebhook(body, request.headers, secret);
        } catch (error) {
          if (error instanceof SmsWebhookError)
            throw new AppError(
              error.code === "payload_invalid" ? "validation_failed" : "unauthenticated",
              error.message,
            );
          throw error;
        }
        if (isDeliveryReceipt(event)) {
          const outcome = await recordSmsReceipt(useCaseDeps, event);
          // A receipt may overtake the send's answer: ask the provider to call again.
          if (outcome === "unknown_message")
            throw new AppError(
              "unavailable",
              `no message with provider id ${event.providerId} yet`,
            );
          return { receipt: outcome };
        }
        const outcome = await receiveSmsReply(useCaseDeps, event);
        return { reply: outcome.kind };
      },
    );

    raw.post(
      "/webhooks/email-events",
      {
        schema: {
          tags: ["webhooks"],
          summary:
            "Delivery events from an email provider (delivered, bounce, complaint, deferred)",
          security: [],
        },
      },
      async (request) => {
        const body = request.body as Buffer;
        verified(body, request.headers, "email event webhook");
        let parsed: z.infer<typeof emailEvent>;
        try {
          parsed = emailEvent.parse(JSON.parse(body.toString("utf8")));
        } catch (error) {
          throw new AppError("validation_failed", `email event: ${(error as Error).message}`);
        }
        const messageId = idInside(parsed.messageId);
        if (!messageId) throw new AppError("validation_failed", "messageId names no Saldo message");
        const at = parsed.at ? new Date(parsed.at) : deps.clock.now();
        const event =
          parsed.type === "delivered"
            ? ({ kind: "delivered", at } as const)
            : parsed.type === "complaint"
              ? ({ kind: "complaint", detail: parsed.detail, at } as const)
              : parsed.type === "deferred" || !parsed.permanent
                ? ({ kind: "delayed", detail: parsed.detail, at } as const)
                : ({
                    kind: "failed",
                    permanent: true,
                    badRecipient: /\b5\.1\.\d/.test(parsed.detail),
                    detail: parsed.detail,
                    at,
                  } as const);
        return {
          outcome: await recordDelivery(useCaseDeps, { messageId }, event),
        };
      },
    );

    raw.post(
      "/inbound/email",
      {
        schema: {
          tags: ["webhooks"],
          summary: "An email received by a provider or relay (raw RFC 5322 message)",
          description:
            "Replies, bounces (DSN), complaints (ARF) and PEC receipts. Optional `?to=` lists the " +
            "envelope recipients (the bounce and reply addresses carry Saldo's message id).",
          querystring: z.object({ to: z.string().max(2000).optional() }),
          security: [],
        },
      },
      async (request) => {
        const body = request.body as Buffer;
        verified(body, request.headers, "inbound email webhook");
        const to =
          (request.query as { to?: string }).to
            ?.split(",")
            .map((a) => a.trim())
            .filter(Boolean) ?? [];
        const outcome = await receiveEmail(useCaseDeps, body, { to });
        return {
          kind: outcome.kind,
          ...(outcome.kind === "reply" ? { reply: outcome.outcome.kind } : {}),
        };
      },
    );
  });
};
