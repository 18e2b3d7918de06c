import { spawn } from "node:child_process";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { dispatchDue, registerDispatcher } from "../../src/modules/channels/app/run-dispatcher";
import { FakeSmsc } from "../../src/modules/channels/sms/fake-smsc";
import { createSmppTransport } from "../../src/modules/channels/sms/smpp-transport";
import { smsChannel } from "../../src/modules/channels/transports/sms-channel";
import { createSmtpTransport } from "../../src/modules/channels/transports/smtp-transport";
import { fixedClock } from "../../src/platform/clock";
import {
  actionsOf,
  channelRuntime,
  MAIL_DOMAIN,
  messagesOf,
  seedSweptCase,
  timelineOf,
} from "../support/channel-harness";
import { startSmtpPeer } from "../support/smtp-peer";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();
const databaseUrl = (database.pool as unknown as { options: { connectionString: string } }).options
  .connectionString;
const peer = await startSmtpPeer();
const smsc = await FakeSmsc.start({ systemId: "saldo", password: "secret12" });
afterAll(async () => {
  await peer.close();
  await smsc.close();
});

const CHILD = path.resolve(import.meta.dirname, "../support/dispatch-child.ts");
const NOW = "2026-11-24T09:30:00Z";

function startChild(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NOW, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on("exit", (code, signal) => resolve(signal ?? code)),
  );
  return { child, exited, output: () => output };
}

describe("a dispatcher killed between handing a message over and recording it", () => {
  it("never sends it twice: the next dispatcher marks it unknown and counts it as sent", async () => {
    const seeded = await seedSweptCase(database, { email: "crash@example.org" });
    let worker: ReturnType<typeof startChild> | undefined;
    // The peer has the whole message; before it answers 250, the sender dies.
    peer.respond = async () => {
      worker?.child.kill("SIGKILL");
      await worker?.exited;
      return null;
    };
    worker = startChild({ SMTP_URL: peer.url });
    expect(await worker.exited).toBe("SIGKILL");
    // The peer accepts the message just after the sender died.
    for (let i = 0; i < 50 && peer.received.length === 0; i++) await sleep(20);
    peer.respond = () => null;
    expect(peer.received).toHaveLength(1);
    const [held] = await messagesOf(database, seeded.caseId);
    expect(held?.status).toBe("sending");

    // The next dispatcher, as after a restart.
    const smtp = createSmtpTransport({ url: peer.url, mailDomain: MAIL_DOMAIN });
    const instance = await registerDispatcher(database);
    try {
      const clock = fixedClock("2026-11-24T09:35:00Z");
      let summary = await dispatchDue(
        { database, clock, channels: channelRuntime({ email: smtp }) },
        instance,
      );
      // The killed backend may take a moment to release its lock.
      for (let i = 0; i < 50 && summary.recovered === 0; i++) {
        await sleep(100);
        summary = await dispatchDue(
          { database, clock, channels: channelRuntime({ email: smtp }) },
          instance,
        );
      }
      expect(summary).toMatchObject({ recovered: 1, sent: 0 });
      await dispatchDue({ database, clock, channels: channelRuntime({ email: smtp }) }, instance);
    } finally {
      await instance.release();
      await smtp.close();
    }
    expect(peer.received).toHaveLength(1);
    const [message] = await messagesOf(database, seeded.caseId);
    expect(message?.status).toBe("unknown");
    expect((await actionsOf(database, seeded.caseId))[0]?.status).toBe("sent");
    expect((await timelineOf(database, seeded.caseId)).map((e) => e.type)).toContain(
      "message.unknown",
    );
  });

  it("a dispatcher that is alive keeps its messages: nobody else marks them", async () => {
    const seeded = await seedSweptCase(database, { email: "slow@example.org" });
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    let recovered = -1;
    peer.respond = async () => {
      // While the first dispatcher waits on the peer, a second one looks for abandoned messages.
      const other = await registerDispatcher(database);
      const smtp = createSmtpTransport({ url: peer.url, mailDomain: MAIL_DOMAIN });
      recovered = (
        await dispatchDue(
          { database, clock: fixedClock(NOW), channels: channelRuntime({ email: smtp }) },
          other,
        )
      ).recovered;
      await other.release();
      await smtp.close();
      release();
      return null;
    };
    const worker = startChild({ SMTP_URL: peer.url });
    await gate;
    expect(await worker.exited).toBe(0);
    peer.respond = () => null;
    expect(recovered).toBe(0);
    expect((await messagesOf(database, seeded.caseId))[0]?.status).toBe("sent");
  });

  it("the same holds for SMS: the SMSC took the submit, the worker died before the answer", async () => {
    const seeded = await seedSweptCase(database, { phone: "+393471119999" });
    let worker: ReturnType<typeof startChild> | undefined;
    smsc.answerSubmit = () => {
      worker?.child.kill("SIGKILL");
      return 0;
    };
    worker = startChild({ SMPP_URL: smsc.url() });
    expect(await worker.exited).toBe("SIGKILL");
    smsc.answerSubmit = () => 0;
    const submitted = smsc.submits.filter((p) => p.destination_addr === "393471119999").length;
    expect(submitted).toBeGreaterThanOrEqual(1);

    const sms = createSmppTransport({ url: smsc.url() });
    const instance = await registerDispatcher(database);
    try {
      const channels = channelRuntime({ sms: smsChannel(sms) });
      const clock = fixedClock("2026-11-24T09:35:00Z");
      let summary = await dispatchDue({ database, clock, channels }, instance);
      for (let i = 0; i < 50 && summary.recovered === 0; i++) {
        await sleep(100);
        summary = await dispatchDue({ database, clock, channels }, instance);
      }
      expect(summary).toMatchObject({ recovered: 1, sent: 0 });
    } finally {
      await instance.release();
      await sms.close();
    }
    expect(smsc.submits.filter((p) => p.destination_addr === "393471119999").length).toBe(
      submitted,
    );
    expect((await messagesOf(database, seeded.caseId))[0]?.status).toBe("unknown");
    expect((await actionsOf(database, seeded.caseId))[0]?.status).toBe("sent");
  });
});
