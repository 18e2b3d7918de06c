import { afterAll, describe, expect, it } from "vitest";
import {
  receiveSmsReply,
  recordSmsReceipt,
} from "../../src/modules/channels/app/handle-sms-events";
import { dispatchDue, registerDispatcher } from "../../src/modules/channels/app/run-dispatcher";
import { FakeSmsc } from "../../src/modules/channels/sms/fake-smsc";
import { createSmppTransport } from "../../src/modules/channels/sms/smpp-transport";
import { smsChannel } from "../../src/modules/channels/transports/sms-channel";
import { fixedClock } from "../../src/platform/clock";
import {
  actionsOf,
  channelRuntime,
  messagesOf,
  seedSweptCase,
  timelineOf,
} from "../support/channel-harness";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();
const smsc = await FakeSmsc.start({ systemId: "saldo", password: "secret12" });
const clock = fixedClock("2026-11-24T09:30:00Z");
const deps = { database, clock };
const sms = createSmppTransport({ url: smsc.url() });
sms.onDeliveryReceipt(async (receipt) => {
  await recordSmsReceipt(deps, receipt);
});
sms.onInbound(async (message) => {
  await receiveSmsReply(deps, message);
});
const channels = channelRuntime({ sms: smsChannel(sms) });
const instance = await registerDispatcher(database);
afterAll(async () => {
  await instance.release();
  await sms.close();
  await smsc.close();
});

/** A debtor reachable by mobile only: the first reminder falls back from email to SMS. */
async function smsCase(phone: string) {
  const seeded = await seedSweptCase(database, { phone });
  const [action] = await actionsOf(database, seeded.caseId);
  expect(action).toMatchObject({ channel: "sms", status: "scheduled" });
  await dispatchDue({ ...deps, channels }, instance);
  const [message] = await messagesOf(database, seeded.caseId);
  return { ...seeded, message };
}

const mo = (from: string, text: string) =>
  smsc.deliver({
    source_addr_ton: 1,
    source_addr_npi: 1,
    source_addr: from.replace("+", ""),
    destination_addr: "48000",
    data_coding: 8,
    message_payload: text,
  });

describe("SMS through a real SMPP server", () => {
  it("submits the reminder with the opt-out, then the receipt marks it delivered", async () => {
    const before = smsc.submits.length;
    const { caseId, message } = await smsCase("+393471110001");
    expect(smsc.submits.length - before).toBeGreaterThanOrEqual(1);
    const submit = smsc.submits[before];
    expect(submit?.destination_addr).toBe("393471110001");
    expect(message?.body_text).toMatch(/STOP/);
    expect(message).toMatchObject({ status: "sent", transport: expect.any(String) });
    expect(message?.provider_ids.length).toBeGreaterThanOrEqual(1);
    // Each part costs the tenant's SMS price (6 cents by default).
    const { rows: cost } = await database.pool.query(
      "select segments, cost_minor::int as cost from messages where id = $1",
      [message?.id],
    );
    expect(cost[0]?.cost).toBe(6 * (cost[0]?.segments ?? 0));
    expect(cost[0]?.segments).toBe(message?.provider_ids.length);

    const response = await smsc.deliver({
      source_addr_ton: 1,
      source_addr: "393471110001",
      destination_addr: "48000",
      esm_class: 4,
      short_message: `id:${message?.provider_ids[0]} sub:001 dlvrd:001 submit date:2611241030 done date:2611241031 stat:DELIVRD err:000 text:Gentile`,
    });
    expect(response.command_status).toBe(0);
    expect((await messagesOf(database, caseId))[0]?.status).toBe("delivered");
    expect((await actionsOf(database, caseId))[0]?.status).toBe("delivered");
    expect((await timelineOf(database, caseId)).map((e) => e.type)).toContain("message.delivered");
  });

  it("STOP from the debtor's phone opts that number out of SMS at once", async () => {
    const { caseId } = await smsCase("+393471110002");
    await mo("+393471110002", "STOP");
    const { rows } = await database.pool.query(
      "select opt_out from contact_points where value = '+393471110002'",
    );
    expect(Object.keys(rows[0]?.opt_out ?? {})).toContain("sms");
    const events = await timelineOf(database, caseId);
    expect(events.find((e) => e.type === "reply.received")?.data).toMatchObject({
      intent: "opt_out",
    });
    expect(events.map((e) => e.type)).toContain("contact.opted_out");
  });

  it("a dispute puts the case on hold and asks a person to review it", async () => {
    const { caseId, tenantId } = await smsCase("+393471110003");
    await mo("+393471110003", "Non è mio questo debito, contesto la fattura");
    const { rows } = await database.pool.query(
      "select status, hold_reasons from cases where id = $1",
      [caseId],
    );
    expect(rows[0]).toMatchObject({ status: "on_hold", hold_reasons: ["dispute"] });
    const tasks = await database.pool.query(
      "select kind, reason from case_tasks where tenant_id = $1",
      [tenantId],
    );
    expect(tasks.rows).toEqual([{ kind: "review", reason: "reply: dispute" }]);
  });

  it("'already paid' pauses reminders and answers with a request for proof", async () => {
    const { caseId } = await smsCase("+393471110004");
    await mo("+393471110004", "Ho già pagato con bonifico la settimana scorsa");
    const { rows } = await database.pool.query(
      "select contacts_paused_until, contacts_paused_reason from cases where id = $1",
      [caseId],
    );
    expect(rows[0]?.contacts_paused_reason).toBe("proof of payment requested");
    const before = smsc.submits.length;
    await dispatchDue({ ...deps, channels }, instance);
    const messages = await messagesOf(database, caseId);
    expect(messages.map((m) => m.status)).toEqual(["sent", "sent"]);
    expect(smsc.submits.length).toBeGreaterThan(before);
    const actions = await actionsOf(database, caseId);
    expect(actions.at(-1)).toMatchObject({ template: "proof.request", status: "sent" });
  });

  it("a submit the SMSC never answers is counted as sent and never sent again", async () => {
    const seeded = await seedSweptCase(database, { phone: "+393471110005" });
    const impatient = createSmppTransport({ url: smsc.url(), responseTimeoutMs: 300 });
    const quick = channelRuntime({ sms: smsChannel(impatient) });
    smsc.answerSubmit = () => "hold";
    try {
      const summary = await dispatchDue({ ...deps, channels: quick }, instance);
      expect(summary).toMatchObject({ unknown: 1, sent: 0, retrying: 0 });
    } finally {
      smsc.answerSubmit = () => 0;
    }
    const submitted = smsc.submits.filter((p) => p.destination_addr === "393471110005").length;
    expect(submitted).toBeGreaterThanOrEqual(1);
    await dispatchDue(
      { ...deps, clock: fixedClock("2026-11-24T11:00:00Z"), channels: quick },
      instance,
    );
    await impatient.close();
    expect(smsc.submits.filter((p) => p.destination_addr === "393471110005").length).toBe(
      submitted,
    );
    expect((await messagesOf(database, seeded.caseId))[0]?.status).toBe("unknown");
    expect((await actionsOf(database, seeded.caseId))[0]?.status).toBe("sent");
    expect((await timelineOf(database, seeded.caseId)).map((e) => e.type)).toContain(
      "message.unknown",
    );
  });
});
