import smpp, { type DecodedMessage, type Pdu } from "smpp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeSmsc, waitFor } from "./fake-smsc.js";
import { createSmppTransport, type SmppTransport } from "./smpp-transport.js";
import type { DeliveryReceipt, InboundSms } from "./sms-transport.js";

const CREDENTIALS = { systemId: "saldo", password: "s3cr:t" };
const TO = "+393331234567";
const ITALIAN_400 =
  "Gentile cliente, ricordiamo che la fattura n. 2024/118 è scaduta da più di trenta giorni. " +
  "Perché non resti a suo carico alcun interesse di mora, può pagare già oggi con bonifico o carta " +
  "sul portale. Se ha già pagato, ignori questo messaggio; se preferisce una rateizzazione può " +
  "chiederla rispondendo a questo SMS o chiamando il numero verde. Grazie per la collaborazione, ci " +
  "auguriamo buona giornata.";

let smsc: FakeSmsc;
let transport: SmppTransport;

function connectTransport(overrides: { password?: string; responseTimeoutMs?: number } = {}) {
  transport = createSmppTransport({
    url: smsc.url(overrides.password),
    responseTimeoutMs: overrides.responseTimeoutMs ?? 5_000,
    reconnect: { initialMs: 50, maxMs: 200 },
  });
  return transport;
}

/** short_message as the SMSC decoded it: the text and the concatenation IE, if any. */
function received(pdu: Pdu) {
  const message = pdu.short_message as DecodedMessage;
  const concat = message.udh?.find((ie) => ie[0] === 0x00);
  return { text: message.message as string, concat: concat ? [...concat.subarray(2)] : undefined };
}

beforeEach(async () => {
  smsc = await FakeSmsc.start(CREDENTIALS);
});

afterEach(async () => {
  await transport?.close();
  await smsc.close();
});

describe("sending", () => {
  it("sends a short GSM-7 text as one submit_sm with data_coding 0", async () => {
    const text = "Gentile cliente, la rata è scaduta: € 50 [rif. {A-12}] su saldo.it";
    const result = await connectTransport().send({ from: "Saldo", to: TO, text, reference: "m1" });

    expect(result).toEqual({ providerIds: ["msg-1"], segments: 1, encoding: "gsm7" });
    expect(smsc.submits).toHaveLength(1);
    const pdu = smsc.submits[0]!;
    expect(pdu).toMatchObject({
      data_coding: 0,
      esm_class: 0,
      registered_delivery: 1,
      source_addr_ton: 5,
      source_addr: "Saldo",
      dest_addr_ton: 1,
      dest_addr_npi: 1,
      destination_addr: "393331234567",
    });
    expect(received(pdu)).toEqual({ text, concat: undefined });
  });

  it("sends 400 Italian characters as three parts with one concatenation reference", async () => {
    expect(ITALIAN_400).toHaveLength(400);
    const result = await connectTransport().send({
      from: "Saldo",
      to: TO,
      text: ITALIAN_400,
      reference: "m2",
    });

    expect(result).toMatchObject({ segments: 3, encoding: "gsm7" });
    expect(result.providerIds).toEqual(["msg-1", "msg-2", "msg-3"]);
    const parts = smsc.submits.map(received);
    const reference = parts[0]!.concat![0];
    expect(parts.map((part) => part.concat)).toEqual([
      [reference, 3, 1],
      [reference, 3, 2],
      [reference, 3, 3],
    ]);
    for (const pdu of smsc.submits) {
      expect(pdu.data_coding).toBe(0);
      expect((pdu.esm_class as number) & 0x40).toBe(0x40);
    }
    expect(parts.map((part) => part.text).join("")).toBe(ITALIAN_400);
  });

  it("sends a text with an emoji as UCS-2 (data_coding 8) that reassembles", async () => {
    const text = `È scaduta la rata di marzo 🙏 ${"Può pagare dal portale. ".repeat(4)}Grazie 😀`;
    const result = await connectTransport().send({
      from: "+390212345678",
      to: TO,
      text,
      reference: "m3",
    });

    expect(result.encoding).toBe("ucs2");
    expect(result.segments).toBeGreaterThan(1);
    expect(smsc.submits.map((pdu) => pdu.data_coding)).toEqual(Array(result.segments).fill(8));
    expect(smsc.submits[0]).toMatchObject({ source_addr_ton: 1, source_addr: "390212345678" });
    expect(smsc.submits.map((pdu) => received(pdu).text).join("")).toBe(text);
  });
});

describe("refusals and failures", () => {
  const message = { from: "Saldo", to: TO, text: "Promemoria", reference: "m4" };

  it("explains a refused bind", async () => {
    const sending = connectTransport({ password: "wrong" }).send(message);
    await expect(sending).rejects.toMatchObject({
      name: "SmsSendError",
      permanent: false,
      code: "ESME_RINVPASWD",
      message: expect.stringMatching(
        /refused bind_transceiver as "saldo": ESME_RINVPASWD \(invalid password\)/,
      ),
    });
  });

  it("maps ESME_RINVDSTADR to a permanent error and ESME_RTHROTTLED to a transient one", async () => {
    connectTransport();
    smsc.answerSubmit = () => smpp.errors.ESME_RINVDSTADR!;
    await expect(transport.send(message)).rejects.toMatchObject({
      permanent: true,
      code: "ESME_RINVDSTADR",
    });
    smsc.answerSubmit = () => smpp.errors.ESME_RTHROTTLED!;
    await expect(transport.send(message)).rejects.toMatchObject({
      permanent: false,
      code: "ESME_RTHROTTLED",
    });
  });

  it("rejects a number that is not E.164 before asking the SMSC", async () => {
    await expect(connectTransport().send({ ...message, to: "3331234567" })).rejects.toMatchObject({
      permanent: true,
      code: "invalid_destination",
    });
    expect(smsc.binds).toBe(0);
  });

  it("fails a submit_sm the SMSC never answers as a transient timeout", async () => {
    connectTransport({ responseTimeoutMs: 100 });
    smsc.answerSubmit = () => "hold";
    await expect(transport.send(message)).rejects.toMatchObject({
      permanent: false,
      code: "timeout",
    });
  });

  it("fails sends in flight when the connection drops, and reconnects for the next", async () => {
    connectTransport();
    smsc.answerSubmit = () => "hold";
    const inFlight = transport.send(message);
    await smsc.waitForSubmits(1);
    smsc.dropConnections();
    await expect(inFlight).rejects.toMatchObject({ permanent: false, code: "connection_lost" });

    smsc.answerSubmit = () => 0;
    await expect(transport.send(message)).resolves.toMatchObject({ segments: 1 });
    expect(smsc.binds).toBe(2);
  });
});

describe("receiving", () => {
  const receipts: DeliveryReceipt[] = [];
  const inbound: InboundSms[] = [];

  beforeEach(async () => {
    receipts.length = 0;
    inbound.length = 0;
    connectTransport();
    transport.onDeliveryReceipt((receipt) => {
      receipts.push(receipt);
    });
    transport.onInbound((message) => {
      inbound.push(message);
    });
    await transport.connect();
  });

  it("hands receipts for returned ids to onDeliveryReceipt", async () => {
    const { providerIds } = await transport.send({
      from: "Saldo",
      to: TO,
      text: "Uno",
      reference: "r1",
    });
    const second = await transport.send({ from: "Saldo", to: TO, text: "Due", reference: "r2" });
    const receipt = {
      source_addr_ton: 1,
      source_addr: "393331234567",
      esm_class: 0x04,
      data_coding: 0,
    };

    const textResponse = await smsc.deliver({
      ...receipt,
      short_message: `id:${providerIds[0]} sub:001 dlvrd:001 submit date:2405141230 done date:2405141231 stat:DELIVRD err:000 text:Uno`,
    });
    await smsc.deliver({
      ...receipt,
      receipted_message_id: second.providerIds[0],
      message_state: 5, // UNDELIVERABLE
      short_message: "",
    });

    expect(textResponse).toMatchObject({ command: "deliver_sm_resp", command_status: 0 });
    expect(receipts).toEqual([
      { providerId: "msg-1", status: "delivered", at: expect.any(Date) },
      { providerId: "msg-2", status: "failed", at: expect.any(Date) },
    ]);
  });

  it("hands an MO STOP to onInbound with the sender in E.164", async () => {
    const response = await smsc.deliver({
      source_addr_ton: 1,
      source_addr_npi: 1,
      source_addr: "393331234567",
      destination_addr: "48000",
      data_coding: 0,
      short_message: "STOP",
    });

    expect(response.command_status).toBe(0);
    expect(inbound).toEqual([
      { from: "+393331234567", to: "48000", text: "STOP", at: expect.any(Date) },
    ]);
  });

  it("reads a reply the SMSC put in message_payload", async () => {
    await smsc.deliver({
      source_addr_ton: 1,
      source_addr: "393331234567",
      destination_addr: "48000",
      data_coding: 8,
      message_payload: "Pagherò venerdì, grazie",
    });
    expect(inbound.map((message) => message.text)).toEqual(["Pagherò venerdì, grazie"]);
  });

  it("reassembles a concatenated UCS-2 reply from parts arriving out of order", async () => {
    const part = (seq: number, message: string) =>
      smsc.deliver({
        source_addr_ton: 1,
        source_addr: "393331234567",
        destination_addr: "48000",
        data_coding: 8,
        short_message: { udh: Buffer.from([5, 0x00, 3, 0x2a, 2, seq]), message },
      });

    await part(2, " rate 🙏");
    expect(inbound).toEqual([]);
    await part(1, "Vorrei pagare a");
    expect(inbound.map((message) => message.text)).toEqual(["Vorrei pagare a rate 🙏"]);
  });

  it("asks the SMSC to deliver again when a listener fails", async () => {
    transport.onInbound(() => Promise.reject(new Error("database unavailable")));
    const response = await smsc.deliver({
      source_addr_ton: 1,
      source_addr: "393331234567",
      short_message: "SI",
    });
    expect(response.command_status).toBe(smpp.errors.ESME_RX_T_APPN);
    await waitFor(() => inbound.length === 1, "the other listener");
  });
});
