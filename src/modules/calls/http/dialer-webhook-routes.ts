/**
 * The dialer's webhook: dispositions as they happen, outside the staff session.
 * Each call is signed with the tenant's own secret (channel settings,
 * dialer.webhookSecret) over the timestamp and the raw body; anything else is
 * refused with 401 and no detail. The answer has the CSV import's shape.
 */
import { randomBytes } from "node:crypto";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { AppError } from "../../../platform/errors";
import type { RouteModule } from "../../../platform/http/server";
import { importDialerDispositions } from "../app/import-dialer-dispositions";
import { DialerInputError, readDispositionJson } from "../domain/dialer-disposition-input";
import {
  checkDialerSignature,
  DIALER_SIGNATURE_HEADER,
  DIALER_TIMESTAMP_HEADER,
  headerValue,
} from "../domain/dialer-signature";
import { loadDialerWebhookSecret } from "../store/dialer-queue";
import { dispositionImportOut, MAX_DISPOSITION_BYTES, utf8Text } from "./dialer-routes";
import { tenantParams } from "./schemas";

/** Checked against when a tenant has no secret, so the answer takes as long either way. */
const NO_SECRET = randomBytes(32).toString("hex");

export const dialerWebhookRoutes: RouteModule = (app, deps) => {
  const useCaseDeps = { database: deps.database, clock: deps.clock };

  // The signature covers the exact bytes: this route reads the body raw.
  app.register(async (plain) => {
    const raw = plain.withTypeProvider<ZodTypeProvider>();
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser(
      "*",
      { parseAs: "buffer", bodyLimit: MAX_DISPOSITION_BYTES },
      (_request, body, done) => done(null, body),
    );
    raw.post(
      "/dialer/webhook/:tenantId",
      {
        schema: {
          tags: ["webhooks"],
          summary: "Dispositions from the tenant's outbound dialer, signed",
          description:
            "JSON: one disposition, or { dispositions: [...] } (fields as the CSV columns, in " +
            "camelCase). Headers x-saldo-timestamp (Unix seconds, within 5 minutes) and " +
            "x-saldo-signature: sha256=<hex HMAC-SHA256 of `<timestamp>.<raw body>` with the " +
            "tenant's dialer.webhookSecret>. Answers like the CSV import; `line` is the position " +
            "in the list (1 = first).",
          params: tenantParams,
          security: [],
          response: { 200: dispositionImportOut },
        },
      },
      async (request) => {
        const { tenantId } = request.params;
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const secret = await loadDialerWebhookSecret(deps.database.pool, tenantId);
        const check = checkDialerSignature({
          rawBody: body,
          timestamp: headerValue(request.headers[DIALER_TIMESTAMP_HEADER]),
          signature: headerValue(request.headers[DIALER_SIGNATURE_HEADER]),
          secret: secret ?? NO_SECRET,
          now: deps.clock.now(),
        });
        if (!secret || !check.ok) throw new AppError("unauthenticated", "invalid signature");

        let json: unknown;
        try {
          json = JSON.parse(utf8Text(body));
        } catch (error) {
          if (error instanceof AppError) throw error;
          throw new AppError("validation_failed", "the body is not JSON");
        }
        let parsed: ReturnType<typeof readDispositionJson>;
        try {
          parsed = readDispositionJson(json);
        } catch (error) {
          if (error instanceof DialerInputError)
            throw new AppError("validation_failed", error.message);
          throw error;
        }
        return importDialerDispositions(useCaseDeps, { tenantId, raw: parsed, naming: "json" });
      },
    );
  });
};
