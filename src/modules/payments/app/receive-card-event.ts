/**
 * A provider's webhook, verified by its signature and applied once (by event id):
 * a paid checkout becomes a payment allocated to its case (or installment), a
 * refund takes the payment back, a failure or expiry is noted on the checkout.
 */
import type { Clock } from "../../../platform/clock.js";
import type { Database } from "../../../platform/db/database.js";
import { inTransaction, wakeScheduler } from "../../../platform/db/transaction.js";
import { AppError } from "../../../platform/errors.js";
import type { CardEvent, CardProvider } from "../card/index.js";
import { reversePayment } from "../store/reverse-payment.js";
import { insertEvents } from "../store/settle-cases.js";
import { settleAllocatedPayments } from "./settle-allocated-payments.js";

export type CardEventOutcome =
  | "duplicate"
  | "paid"
  | "refunded"
  | "noted"
  | "ignored"
  | "unknown_checkout";

interface CheckoutRow {
  id: string;
  tenant_id: string;
  case_id: string;
  installment_id: string | null;
  amount_minor: bigint;
  currency: string;
}

export async function receiveCardEvent(
  deps: { database: Database; clock: Clock },
  provider: CardProvider,
  event: CardEvent,
): Promise<CardEventOutcome> {
  const now = deps.clock.now();
  const outcome = await inTransaction(deps.database, async (client) => {
    const { rowCount } = await client.query(
      "insert into provider_events (provider, event_id, kind, received_at) values ($1, $2, $3, $4) on conflict do nothing",
      [provider.name, event.eventId, event.kind, now],
    );
    if (rowCount === 0) return "duplicate" as const;
    if (event.kind === "ignored") return "ignored" as const;
    const { rows } = await client.query<CheckoutRow>(
      `select id, tenant_id, case_id, installment_id, amount_minor, currency from card_checkouts
       where provider = $1 and (provider_session_id = $2 or id = $3::uuid) for update`,
      [provider.name, event.sessionId ?? "", uuidOrNull(event.metadata.checkoutId)],
    );
    const checkout = rows[0];
    if (!checkout) return "unknown_checkout" as const;
    const paymentKey = `card:${provider.name}:${event.paymentId ?? event.sessionId ?? checkout.id}`;
    if (event.kind === "paid") {
      await client.query(
        "update card_checkouts set status = 'paid', updated_at = $2 where id = $1",
        [checkout.id, now],
      );
      const { rows: inserted } = await client.query<{ id: string }>(
        `insert into payments (tenant_id, external_key, source, amount_minor, currency, booked_on, refs, case_id,
           installment_id, match_method, match_confidence, status, created_at, updated_at)
         values ($1, $2, 'card', $3, $4, ($5::timestamptz at time zone 'UTC')::date, $6, $7, $8, 'card', 100,
           'allocated', $5, $5)
         on conflict (tenant_id, external_key) do nothing returning id`,
        [
          checkout.tenant_id,
          paymentKey,
          event.amountMinor ?? checkout.amount_minor,
          checkout.currency,
          now,
          JSON.stringify({ checkoutId: checkout.id, sessionId: event.sessionId ?? null }),
          checkout.case_id,
          checkout.installment_id,
        ],
      );
      if (inserted[0])
        await settleAllocatedPayments(client, [inserted[0].id], now, `provider:${provider.name}`);
      return "paid" as const;
    }
    if (event.kind === "refunded") {
      const { rows: paid } = await client.query<{ id: string; amount_minor: bigint }>(
        "select id, amount_minor from payments where tenant_id = $1 and external_key = $2",
        [checkout.tenant_id, paymentKey],
      );
      const payment = paid[0];
      // A refund overtaking its payment: roll back so the provider delivers it again later.
      if (!payment) throw new AppError("unavailable", "refund for a payment not booked yet; retry");
      if ((event.amountMinor ?? payment.amount_minor) >= payment.amount_minor) {
        await reversePayment(
          client,
          { paymentId: payment.id, reason: "card refund", key: `event:${event.eventId}` },
          now,
        );
      } else {
        // A partial refund changes what was paid: a person decides how to book it.
        await client.query(
          `insert into case_tasks (tenant_id, case_id, kind, reason, due_at, created_at)
           values ($1, $2, 'payment_review', $3, $4, $4)`,
          [
            checkout.tenant_id,
            checkout.case_id,
            `partial card refund of ${event.amountMinor} on payment ${payment.id}`,
            now,
          ],
        );
      }
      return "refunded" as const;
    }
    await client.query(
      "update card_checkouts set status = $2, updated_at = $3 where id = $1 and status = 'open'",
      [checkout.id, event.kind, now],
    );
    await insertEvents(
      client,
      [
        {
          tenant_id: checkout.tenant_id,
          case_id: checkout.case_id,
          type: `card.${event.kind}`,
          data: { checkoutId: checkout.id },
        },
      ],
      now,
    );
    return "noted" as const;
  });
  if (outcome === "paid" || outcome === "refunded") await wakeScheduler(deps.database);
  return outcome;
}

const uuidOrNull = (text: string | undefined) =>
  text && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)
    ? text
    : null;
