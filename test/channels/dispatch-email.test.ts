import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { dispatchDue, registerDispatcher } from "../../src/modules/channels/app/run-dispatcher";
import { createSmtpTransport } from "../../src/modules/channels/transports/smtp-transport";
import { runSweep } from "../../src/modules/scheduler/app/run-sweep";
import { fixedClock } from "../../src/platform/clock";
import {
  actionsOf,
  channelRuntime,
  MAIL_DOMAIN,
  messagesOf,
  seedSweptCase,
  timelineOf,
} from "../support/channel-harness";
import { headerOf, startSmtpPeer } from "../support/smtp-peer";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();
const peer = await startSmtpPeer();
const smtp = createSmtpTransport({ url: peer.url, mailDomain: MAIL_DOMAIN });
const channels = channelRuntime({ email: smtp });
const instance = await registerDispatcher(database);
afterAll(async () => {
  await instance.release();
  await smtp.close();
  await peer.close();
});
beforeEach(() => {
  peer.received.length = 0;
  peer.respond = () => null;
  peer.unknownRecipients.clear();
});

/** The first reminder is due on 2026-11-21 at 09:00 in Rome; by the 24th it is overdue. */
const SEND_AT = "2026-11-24T09:30:00Z";

describe("email through a real SMTP server", () => {
  it("sends the first reminder once, in Italian, with the opt-out, and records it", async () => {
    const seeded = await seedSweptCase(database, { email: "mario.rossi@example.org" });
    const [action] = await actionsOf(database, seeded.caseId);
    expect(action).toMatchObject({
      channel: "email",
      status: "scheduled",
      template: "reminder.first",
    });

    const clock = fixedClock(SEND_AT);
    const summary = await dispatchDue({ database, clock, channels }, instance);
    expect(summary).toMatchObject({ sent: 1, failed: 0 });
    expect(peer.received).toHaveLength(1);
    const mail = peer.received[0];
    if (!mail) throw new Error("no mail");
    expect(mail.to).toEqual(["mario.rossi@example.org"]);
    const [message] = await messagesOf(database, seeded.caseId);
    expect(mail.from).toBe(`bounces+${message?.id}@${MAIL_DOMAIN}`);
    expect(headerOf(mail.raw, "Message-ID")).toBe(`<${message?.id}@${MAIL_DOMAIN}>`);
    expect(headerOf(mail.raw, "List-Unsubscribe")).toMatch(/^<https:\/\/pay\.saldo\.test\/u\//);
    expect(headerOf(mail.raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(mail.raw).toContain("Content-Type: text/html");
    expect(message?.body_text).toContain("€ 1.234,56");
    expect(message?.body_text).toContain("Mario Rossi");
    expect(message).toMatchObject({ status: "sent", tries: 1, transport: "smtp" });
    expect((await actionsOf(database, seeded.caseId))[0]?.status).toBe("sent");
    const sent = (await timelineOf(database, seeded.caseId)).find((e) => e.type === "message.sent");
    expect(sent?.data).toMatchObject({
      channel: "email",
      providerIds: [`<${message?.id}@${MAIL_DOMAIN}>`],
    });

    // Dispatching again sends nothing more.
    expect(await dispatchDue({ database, clock, channels }, instance)).toMatchObject({
      claimed: 0,
    });
    expect(peer.received).toHaveLength(1);
  });

  it("retries a temporary refusal with backoff and sends once", async () => {
    const seeded = await seedSweptCase(database, { email: "busy@example.org" });
    let refusals = 1;
    peer.respond = async () => (refusals-- > 0 ? { code: 451, message: "try later" } : null);
    const first = await dispatchDue({ database, clock: fixedClock(SEND_AT), channels }, instance);
    expect(first).toMatchObject({ retrying: 1, sent: 0 });
    expect((await messagesOf(database, seeded.caseId))[0]?.status).toBe("failed_temporary");
    // Not before its time…
    await dispatchDue({ database, clock: fixedClock("2026-11-24T09:30:30Z"), channels }, instance);
    expect(peer.received).toHaveLength(0);
    // …then once.
    const second = await dispatchDue(
      { database, clock: fixedClock("2026-11-24T09:31:30Z"), channels },
      instance,
    );
    expect(second).toMatchObject({ sent: 1 });
    expect(peer.received).toHaveLength(1);
    expect((await messagesOf(database, seeded.caseId))[0]).toMatchObject({
      status: "sent",
      tries: 2,
    });
    expect((await actionsOf(database, seeded.caseId))[0]?.status).toBe("sent");
  });

  it("a permanent refusal marks the address undeliverable and the strategy falls back to SMS", async () => {
    const seeded = await seedSweptCase(database, {
      email: "nobody@example.org",
      phone: "+393471234567",
    });
    peer.unknownRecipients.add("nobody@example.org");
    const clock = fixedClock(SEND_AT);
    expect(await dispatchDue({ database, clock, channels }, instance)).toMatchObject({ failed: 1 });
    const { rows } = await database.pool.query(
      "select undeliverable_at from contact_points where kind = 'email' and value = 'nobody@example.org'",
    );
    expect(rows[0]?.undeliverable_at).not.toBeNull();
    await runSweep({ database, clock: fixedClock("2026-11-24T09:32:00Z") });
    const actions = await actionsOf(database, seeded.caseId);
    expect(actions.map((a) => [a.channel, a.status])).toEqual([
      ["email", "failed_permanent"],
      ["sms", "scheduled"],
    ]);
  });

  it("sends nothing for a case paid or opted out after the contact was scheduled", async () => {
    const paid = await seedSweptCase(database, { email: "paid@example.org" });
    await database.pool.query(
      "update invoices set open_amount_minor = 0, status = 'paid' where case_id = $1",
      [paid.caseId],
    );
    const optedOut = await seedSweptCase(database, { email: "optout@example.org" });
    await database.pool.query(
      `update contact_points set opt_out = '{"email": {"at": "2026-11-23T10:00:00Z"}}' where value = 'optout@example.org'`,
    );
    const summary = await dispatchDue({ database, clock: fixedClock(SEND_AT), channels }, instance);
    expect(summary).toMatchObject({ sent: 0, withdrawn: 2 });
    expect(peer.received).toHaveLength(0);
    expect((await actionsOf(database, paid.caseId))[0]?.status).toBe("cancelled");
    expect((await actionsOf(database, optedOut.caseId))[0]).toMatchObject({ status: "blocked" });
    const { rows } = await database.pool.query(
      "select count(*)::int as n from contact_events where case_id = any($1::uuid[])",
      [[paid.caseId, optedOut.caseId]],
    );
    expect(rows[0]?.n).toBe(0);
  });

  it("defers a contact that would leave outside the allowed hours", async () => {
    const seeded = await seedSweptCase(database, { email: "late@example.org" });
    // 22:30 in Rome: the dispatcher was down all day.
    const summary = await dispatchDue(
      { database, clock: fixedClock("2026-11-24T21:30:00Z"), channels },
      instance,
    );
    expect(summary.sent).toBe(0);
    expect(summary.deferred).toBeGreaterThanOrEqual(1);
    const [action] = await actionsOf(database, seeded.caseId);
    expect(action?.status).toBe("scheduled");
    expect(action?.due_at.getTime()).toBeGreaterThan(Date.parse("2026-11-24T21:30:00Z"));
    expect(peer.received).toHaveLength(0);
  });
});
