/**
 * A card payment session at the provider for a case's balance or one installment.
 * The provider is called outside any transaction; its idempotency key is the
 * checkout's id, so a retried request gets the same session back.
 */
import { randomUUID } from "node:crypto";
import type { Clock } from "../../../platform/clock.js";
import type { Database } from "../../../platform/db/database.js";
import { AppError } from "../../../platform/errors.js";
import type { CardProvider } from "../card/index.js";
import { paymentOptions } from "./payment-options.js";

export interface CardCheckoutInput {
  tenantId: string;
  caseId: string;
  installmentId?: string;
  /** Less than what is owed, when the debtor pays part; never more. */
  amountMinor?: bigint;
  successUrl: string;
  cancelUrl: string;
}

export interface CardCheckout {
  id: string;
  url: string;
  amountMinor: bigint;
  currency: string;
  expiresAt: Date | null;
}

export async function startCardCheckout(
  deps: { database: Database; clock: Clock; card: CardProvider | undefined },
  input: CardCheckoutInput,
): Promise<CardCheckout> {
  // The case first: another tenant's case is not found, whatever is configured.
  const options = await paymentOptions(deps.database.pool, input);
  const card = deps.card;
  if (!card) {
    throw new AppError(
      "unavailable",
      "card payments are not configured: set SALDO_STRIPE_SECRET_KEY",
    );
  }
  if (options.caseStatus === "closed") throw new AppError("case_closed", "the case is closed");
  const amountMinor = input.amountMinor ?? options.amountMinor;
  if (amountMinor <= 0n || amountMinor > options.amountMinor) {
    throw new AppError(
      "validation_failed",
      `amountMinor: must be between 1 and what is owed (${options.amountMinor})`,
    );
  }
  const { rows } = await deps.database.pool.query<{
    name: string;
    language: string;
    email: string | null;
  }>(
    `select t.name, d.language,
       (select p.value from contact_points p where p.tenant_id = d.tenant_id and p.debtor_id = d.id
          and p.kind = 'email' and p.undeliverable_at is null order by p.verified_at nulls last limit 1) as email
     from cases c join tenants t on t.id = c.tenant_id
     join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id where c.id = $1`,
    [input.caseId],
  );
  const context = rows[0]!;
  const id = randomUUID();
  const session = await card.createCheckout({
    idempotencyKey: `checkout:${id}`,
    amountMinor,
    currency: options.currency,
    description: `${context.name} — ${options.caseReference}`,
    locale: context.language.toLowerCase().startsWith("it") ? "it" : "en",
    successUrl: input.successUrl,
    cancelUrl: input.cancelUrl,
    ...(context.email ? { customerEmail: context.email } : {}),
    metadata: {
      tenantId: input.tenantId,
      caseId: input.caseId,
      checkoutId: id,
      ...(input.installmentId ? { installmentId: input.installmentId } : {}),
    },
  });
  await deps.database.pool.query(
    `insert into card_checkouts (id, tenant_id, case_id, installment_id, provider, provider_session_id, url,
       amount_minor, currency, expires_at, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
    [
      id,
      input.tenantId,
      input.caseId,
      input.installmentId ?? null,
      card.name,
      session.providerSessionId,
      session.url,
      amountMinor,
      options.currency,
      session.expiresAt ?? null,
      deps.clock.now(),
    ],
  );
  return {
    id,
    url: session.url,
    amountMinor,
    currency: options.currency,
    expiresAt: session.expiresAt ?? null,
  };
}
