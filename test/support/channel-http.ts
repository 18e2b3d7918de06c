/**
 * Helpers for the channel HTTP tests: a runtime with a webhook secret, signed
 * webhook calls, a dispatcher released after the file, and a second debtor on
 * an already seeded tenant.
 */
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll } from "vitest";
import type { ChannelRuntime } from "../../src/modules/channels/app/channel-runtime";
import { dispatchDue, registerDispatcher } from "../../src/modules/channels/app/run-dispatcher";
import { signSmsWebhook } from "../../src/modules/channels/sms/sms-webhook";
import { runImport } from "../../src/modules/imports/app/run-import";
import type { IntakeRecord } from "../../src/modules/imports/domain/records";
import { runSweep } from "../../src/modules/scheduler/app/run-sweep";
import { fixedClock } from "../../src/platform/clock";
import type { Database } from "../../src/platform/db/database";
import { channelRuntime, MAIL_DOMAIN } from "./channel-harness";
import { emailContact, invoice, person, phone, postalContact, sourceOf } from "./factories";

export const WEBHOOK_SECRET = "webhook-secret-for-the-tests-0123456789";

/** seedSweptCase schedules the first reminder at 09:00Z on the 24th: due by now. */
export const SEND_AT = "2026-11-24T09:30:00Z";

export function webhookRuntime(): ChannelRuntime {
  return { ...channelRuntime(), webhookSecret: WEBHOOK_SECRET };
}

/** A dispatcher for the whole file; each call sends whatever is due at `at`. */
export async function useDispatcher(database: Database, channels: ChannelRuntime) {
  const instance = await registerDispatcher(database);
  afterAll(() => instance.release());
  return (at: string = SEND_AT) =>
    dispatchDue({ database, clock: fixedClock(at), channels }, instance);
}

/** POSTs a body signed as a provider signs it (or with the given signature header). */
export function postSigned(
  app: FastifyInstance,
  url: string,
  body: string | Buffer,
  options: { contentType?: string; signature?: string | null } = {},
): Promise<LightMyRequestResponse> {
  const signature =
    options.signature === undefined ? signSmsWebhook(body, WEBHOOK_SECRET) : options.signature;
  return app.inject({
    method: "POST",
    url,
    payload: body,
    headers: {
      "content-type": options.contentType ?? "application/json",
      ...(signature === null ? {} : { "x-saldo-signature": signature }),
    },
  });
}

/** A raw email with CRLF line ends, as it arrives over SMTP. */
export function eml(lines: string[]): Buffer {
  return Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8");
}

/**
 * A bounce as RFC 3464 has it: a multipart/report whose delivery-status part says
 * "failed, 5.1.1" and whose text/rfc822-headers part names our Message-ID.
 */
export function deliveryStatusReport(messageId: string, recipient: string): Buffer {
  return eml([
    "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>",
    `To: solleciti@${MAIL_DOMAIN}`,
    "Subject: Undelivered Mail Returned to Sender",
    "Message-ID: <dsn-1@mx.example.org>",
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type=delivery-status; boundary="B0"',
    "",
    "--B0",
    "Content-Type: text/plain; charset=us-ascii",
    "",
    "Your message could not be delivered.",
    "",
    "--B0",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; mx.example.org",
    "",
    `Final-Recipient: rfc822; ${recipient}`,
    "Action: failed",
    "Status: 5.1.1",
    "Diagnostic-Code: smtp; 550 5.1.1 user unknown",
    "",
    "--B0",
    "Content-Type: text/rfc822-headers",
    "",
    `From: solleciti@${MAIL_DOMAIN}`,
    `To: ${recipient}`,
    `Message-ID: ${messageId}`,
    "Subject: Promemoria di pagamento",
    "",
    "--B0--",
  ]);
}

let n = 0;

/** One more consumer debtor with an invoice on an existing tenant, swept like seedSweptCase does. */
export async function addDebtor(
  database: Database,
  tenantId: string,
  contacts: { email?: string; phone?: string; postal?: boolean },
): Promise<string> {
  n++;
  const external = `X${n}`;
  const records: IntakeRecord[] = [
    person(2, external, "Anna Bianchi"),
    invoice(2, `FX${n}`, external, 50_000n, "2026-11-20"),
  ];
  if (contacts.email) records.push(emailContact(2, external, contacts.email));
  if (contacts.phone) records.push(phone(2, external, contacts.phone));
  if (contacts.postal) records.push(postalContact(2, external));
  const clock = fixedClock("2026-11-24T09:00:00Z");
  await runImport(
    { database, clock },
    { tenantId, kind: "csv", sourceName: "more", sources: [sourceOf("more", records)] },
  );
  await runSweep({ database, clock });
  const { rows } = await database.pool.query<{ id: string }>(
    `select c.id from cases c join debtors d on d.id = c.debtor_id
     where c.tenant_id = $1 and d.external_id = $2`,
    [tenantId, external],
  );
  if (!rows[0]) throw new Error("no case for the added debtor");
  return rows[0].id;
}

export async function contactPoint(database: Database, value: string) {
  const { rows } = await database.pool.query<{
    opt_out: Record<string, { source?: string }>;
    undeliverable_at: Date | null;
    undeliverable_reason: string | null;
  }>(
    "select opt_out, undeliverable_at, undeliverable_reason from contact_points where value = $1",
    [value],
  );
  if (!rows[0]) throw new Error(`no contact point ${value}`);
  return rows[0];
}
