import { afterAll, describe, expect, it } from "vitest";
import { signSmsWebhook } from "../../src/modules/channels/sms/sms-webhook";
import { fixedClock } from "../../src/platform/clock";
import { MAIL_DOMAIN, messagesOf, seedSweptCase, timelineOf } from "../support/channel-harness";
import {
  contactPoint,
  deliveryStatusReport,
  eml,
  postSigned,
  useDispatcher,
  WEBHOOK_SECRET,
  webhookRuntime,
} from "../support/channel-http";
import { buildTestApp, loggedInAs } from "../support/test-app";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();
const clock = fixedClock("2026-11-24T10:00:00Z");
const channels = webhookRuntime();
const app = await buildTestApp(database, clock, channels);
const unconfigured = await buildTestApp(database, clock);
afterAll(async () => {
  await app.close();
  await unconfigured.close();
});
const dispatch = await useDispatcher(database, channels);

/** A case whose first reminder went out: its message, delivered by the outbox transport. */
async function sent(contact: { email?: string; phone?: string }) {
  const seeded = await seedSweptCase(database, contact);
  await dispatch();
  const [message] = await messagesOf(database, seeded.caseId);
  if (!message) throw new Error("nothing was sent");
  expect(message.status).toBe("delivered");
  return { ...seeded, messageId: message.id };
}

const status = async (messageId: string) => {
  const { rows } = await database.pool.query(
    "select status, last_error from messages where id = $1",
    [messageId],
  );
  return rows[0];
};
const countOf = async (caseId: string, type: string) =>
  (await timelineOf(database, caseId)).filter((e) => e.type === type).length;

const emailEvent = (messageId: string, type: string, detail = "") =>
  JSON.stringify({ type, messageId: `<${messageId}@${MAIL_DOMAIN}>`, permanent: true, detail });

describe("webhook signatures", () => {
  it("answers 503 when no webhook secret is configured", async () => {
    const body = emailEvent("00000000-0000-4000-8000-000000000000", "delivered");
    for (const url of ["/api/v1/webhooks/email-events", "/api/v1/webhooks/sms"]) {
      const response = await postSigned(unconfigured, url, body);
      expect(response.statusCode).toBe(503);
      expect(response.json().error.code).toBe("unavailable");
    }
    const inbound = await postSigned(
      unconfigured,
      "/api/v1/inbound/email",
      "From: a@b.c\r\n\r\nx",
      {
        contentType: "message/rfc822",
      },
    );
    expect(inbound.statusCode).toBe(503);
  });

  it("refuses an unsigned call and a wrong signature with 401, changing nothing", async () => {
    const { messageId } = await sent({ email: "signed@example.org" });
    const body = emailEvent(messageId, "bounce", "5.1.1 user unknown");
    const unsigned = await postSigned(app, "/api/v1/webhooks/email-events", body, {
      signature: null,
    });
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.json().error.code).toBe("unauthenticated");
    const forged = await postSigned(app, "/api/v1/webhooks/email-events", body, {
      signature: `sha256=${"0".repeat(64)}`,
    });
    expect(forged.statusCode).toBe(401);
    // Signed over another body: the signature covers the exact bytes.
    const other = await postSigned(app, "/api/v1/webhooks/email-events", body, {
      signature: signSmsWebhook(`${body} `, WEBHOOK_SECRET),
    });
    expect(other.statusCode).toBe(401);
    expect((await status(messageId))?.status).toBe("delivered");
  });
});

describe("email events", () => {
  it("a permanent bounce fails the message and the address, once", async () => {
    const { caseId, messageId } = await sent({ email: "gone@example.org" });
    const body = emailEvent(messageId, "bounce", "5.1.1 user unknown");
    const first = await postSigned(app, "/api/v1/webhooks/email-events", body);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ outcome: "applied" });
    expect(await status(messageId)).toEqual({
      status: "failed_permanent",
      last_error: "5.1.1 user unknown",
    });
    const point = await contactPoint(database, "gone@example.org");
    expect(point.undeliverable_at).toEqual(clock.now());
    expect(point.undeliverable_reason).toBe("5.1.1 user unknown");
    expect(await countOf(caseId, "message.bounced")).toBe(1);

    const second = await postSigned(app, "/api/v1/webhooks/email-events", body);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual({ outcome: "unchanged" });
    expect(await countOf(caseId, "message.bounced")).toBe(1);
  });

  it("a complaint opts the address out of email", async () => {
    const { caseId, messageId } = await sent({ email: "angry@example.org" });
    const response = await postSigned(
      app,
      "/api/v1/webhooks/email-events",
      emailEvent(messageId, "complaint", "abuse"),
    );
    expect(response.json()).toEqual({ outcome: "applied" });
    const point = await contactPoint(database, "angry@example.org");
    expect(point.opt_out.email).toMatchObject({ source: "complaint" });
    expect(point.undeliverable_at).toBeNull();
    expect((await status(messageId))?.status).toBe("delivered");
    expect(await countOf(caseId, "message.complaint")).toBe(1);
  });

  // Every event is applied once: a provider may call again.
  it("a repeated complaint changes nothing", async () => {
    const { caseId, messageId } = await sent({ email: "angry-twice@example.org" });
    const body = emailEvent(messageId, "complaint", "abuse");
    await postSigned(app, "/api/v1/webhooks/email-events", body);
    const again = await postSigned(app, "/api/v1/webhooks/email-events", body);
    expect(again.json()).toEqual({ outcome: "unchanged" });
    expect(await countOf(caseId, "message.complaint")).toBe(1);
  });

  it("refuses an event that names no Saldo message", async () => {
    const body = JSON.stringify({ type: "bounce", messageId: "<abc@elsewhere.example>" });
    const response = await postSigned(app, "/api/v1/webhooks/email-events", body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("validation_failed");
  });
});

describe("inbound email", () => {
  it("a hardship reply puts the case on hold and asks a person to review it, once", async () => {
    const { tenantId, caseId, messageId } = await sent({ email: "mario.reply@example.org" });
    const raw = eml([
      "From: Mario Rossi <mario.reply@example.org>",
      `To: solleciti@${MAIL_DOMAIN}`,
      "Subject: Re: Promemoria di pagamento",
      "Date: Tue, 24 Nov 2026 10:00:00 +0100",
      "Message-ID: <reply-hardship-1@example.org>",
      `In-Reply-To: <${messageId}@${MAIL_DOMAIN}>`,
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Ho perso il lavoro, non riesco a pagare",
    ]);
    const url = "/api/v1/inbound/email";
    const first = await postSigned(app, url, raw, { contentType: "message/rfc822" });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ kind: "reply", reply: "stored" });
    const { rows } = await database.pool.query(
      "select status, hold_reasons from cases where id = $1",
      [caseId],
    );
    expect(rows[0]).toEqual({ status: "on_hold", hold_reasons: ["hardship"] });

    const admin = await loggedInAs(app, database, "admin", { tenantIds: [tenantId] });
    const tasks = await app.inject({
      method: "GET",
      url: `/api/v1/tenants/${tenantId}/tasks`,
      headers: { cookie: admin.cookie },
    });
    expect(tasks.statusCode).toBe(200);
    expect(tasks.json().items).toEqual([
      expect.objectContaining({
        caseId,
        kind: "review",
        reason: "reply: hardship",
        status: "open",
        reply: "Ho perso il lavoro, non riesco a pagare",
      }),
    ]);

    const again = await postSigned(app, url, raw, { contentType: "message/rfc822" });
    expect(again.json()).toEqual({ kind: "reply", reply: "duplicate" });
    const stored = await database.pool.query(
      "select count(*)::int as n, max(message_id::text) as message from inbound_messages where case_id = $1",
      [caseId],
    );
    expect(stored.rows[0]).toEqual({ n: 1, message: messageId });
    expect(await countOf(caseId, "hold.added")).toBe(1);
    const { rows: tasksNow } = await database.pool.query(
      "select count(*)::int as n from case_tasks where case_id = $1",
      [caseId],
    );
    expect(tasksNow[0]?.n).toBe(1);
  });

  it("a delivery status notification marks the message failed", async () => {
    const { caseId, messageId } = await sent({ email: "nobody.here@example.org" });
    const raw = deliveryStatusReport(`<${messageId}@${MAIL_DOMAIN}>`, "nobody.here@example.org");
    const response = await postSigned(app, "/api/v1/inbound/email", raw, {
      contentType: "message/rfc822",
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ kind: "delivery" });
    expect((await status(messageId))?.status).toBe("failed_permanent");
    expect(
      (await contactPoint(database, "nobody.here@example.org")).undeliverable_at,
    ).not.toBeNull();
    expect(await countOf(caseId, "message.bounced")).toBe(1);
  });
});

describe("SMS webhook", () => {
  it("STOP from a number that received an SMS opts it out of SMS", async () => {
    const { caseId, messageId } = await sent({ phone: "+393471230001" });
    const [message] = await messagesOf(database, caseId);
    expect(message).toMatchObject({ id: messageId, channel: "sms", recipient: "+393471230001" });
    const body = JSON.stringify({
      type: "inbound",
      from: "+393471230001",
      to: "48000",
      text: "STOP",
      at: "2026-11-24T10:05:00Z",
    });
    const response = await postSigned(app, "/api/v1/webhooks/sms", body);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ reply: "stored" });
    const point = await contactPoint(database, "+393471230001");
    expect(point.opt_out.sms).toMatchObject({ source: "reply" });
    expect(await countOf(caseId, "contact.opted_out")).toBe(1);

    const unsigned = await postSigned(app, "/api/v1/webhooks/sms", body, { signature: null });
    expect(unsigned.statusCode).toBe(401);
    // The provider redelivers: stored once.
    const again = await postSigned(app, "/api/v1/webhooks/sms", body);
    expect(again.json()).toEqual({ reply: "duplicate" });
    expect(await countOf(caseId, "contact.opted_out")).toBe(1);
  });

  it("a receipt for a message not known yet asks the provider to call again", async () => {
    const body = JSON.stringify({
      type: "receipt",
      id: "provider-id-never-sent",
      status: "delivered",
      at: "2026-11-24T10:05:00Z",
    });
    const response = await postSigned(app, "/api/v1/webhooks/sms", body);
    expect(response.statusCode).toBe(503);
    const invalid = await postSigned(app, "/api/v1/webhooks/sms", '{"type":"inbound"}');
    expect(invalid.statusCode).toBe(400);
  });
});
