import nodemailer from "nodemailer";
import { afterAll, describe, expect, it } from "vitest";
import { dispatchDue, registerDispatcher } from "../../src/modules/channels/app/run-dispatcher";
import { runInboundSmtp } from "../../src/modules/channels/app/run-inbound-smtp";
import { fixedClock } from "../../src/platform/clock";
import {
  channelRuntime,
  MAIL_DOMAIN,
  messagesOf,
  seedSweptCase,
  timelineOf,
} from "../support/channel-harness";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();
const clock = fixedClock("2026-11-24T09:30:00Z");
const listener = await runInboundSmtp(
  { database, clock },
  { port: 0, host: "127.0.0.1", mailDomain: MAIL_DOMAIN },
);
const client = nodemailer.createTransport({
  host: "127.0.0.1",
  port: listener.port,
  secure: false,
  ignoreTLS: true,
});
const instance = await registerDispatcher(database);
afterAll(async () => {
  client.close();
  await instance.release();
  await listener.stop();
});

describe("the inbound SMTP listener", () => {
  it("takes a debtor's reply to the reply address and puts it on the case", async () => {
    const seeded = await seedSweptCase(database, { email: "anna@example.org" });
    await dispatchDue({ database, clock, channels: channelRuntime() }, instance);
    const [message] = await messagesOf(database, seeded.caseId);
    await client.sendMail({
      from: "anna@example.org",
      to: `replies+${message?.id}@${MAIL_DOMAIN}`,
      subject: "Re: sollecito",
      text: "Pago venerdì, grazie.\n\nIl giorno mar 24 nov 2026 alle ore 10:30 Tenant ha scritto:\n> Gentile...",
    });
    const reply = (await timelineOf(database, seeded.caseId)).find(
      (e) => e.type === "reply.received",
    );
    expect(reply?.data).toMatchObject({ channel: "email", intent: "promise" });
    expect(String(reply?.data.excerpt)).not.toContain("Gentile");
    // "Pago venerdì": a promise to pay by Friday 2026-11-27, for the whole balance.
    const { rows } = await database.pool.query(
      "select due_date, source, status from promises where case_id = $1",
      [seeded.caseId],
    );
    expect(rows).toEqual([{ due_date: "2026-11-27", source: "email_reply", status: "pending" }]);
  });

  it("refuses to relay mail for other domains", async () => {
    await expect(
      client.sendMail({
        from: "x@example.org",
        to: "someone@example.com",
        subject: "relay?",
        text: "no",
      }),
    ).rejects.toThrow(/relaying denied/);
  });
});
