import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHttpSmsTransport, type HttpSmsTransport } from "./http-sms-transport.js";
import type { DeliveryReceipt, InboundSms } from "./sms-transport.js";
import { parseSmsWebhook, signSmsWebhook } from "./sms-webhook.js";

const TOKEN = "provider-token";
const SECRET = "webhook-secret";
const message = {
  from: "Saldo",
  to: "+393331234567",
  text: "Promemoria: rata in scadenza",
  reference: "msg-42",
};

interface Answer {
  status: number;
  body?: unknown;
  /** Never answer, to exercise the timeout. */
  hang?: boolean;
}

let server: Server;
let answer: Answer;
let requests: Array<{ method?: string; headers: IncomingHttpHeaders; body: unknown }>;
let transport: HttpSmsTransport;

beforeEach(async () => {
  requests = [];
  answer = { status: 200, body: { ids: ["p-1"] } };
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      requests.push({
        method: request.method,
        headers: request.headers,
        body: JSON.parse(Buffer.concat(chunks).toString("utf8")),
      });
      if (answer.hang) return;
      response.writeHead(answer.status, { "content-type": "application/json" });
      response.end(JSON.stringify(answer.body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  transport = createHttpSmsTransport({
    url: `http://127.0.0.1:${port}/sms`,
    token: TOKEN,
    webhookSecret: SECRET,
    timeoutMs: 500,
  });
});

afterEach(async () => {
  await transport.close();
  server.closeAllConnections();
  if (server.listening) await new Promise((resolve) => server.close(resolve));
});

describe("sending", () => {
  it("posts the message with the bearer token and returns the provider's ids", async () => {
    answer = { status: 201, body: { ids: ["p-1", "p-2"] } };
    const result = await transport.send(message);

    expect(result).toEqual({ providerIds: ["p-1", "p-2"], segments: 1, encoding: "gsm7" });
    expect(requests).toEqual([
      {
        method: "POST",
        headers: expect.objectContaining({
          authorization: `Bearer ${TOKEN}`,
          "content-type": "application/json",
        }),
        body: message,
      },
    ]);
  });

  it.each([
    [400, true],
    [404, true],
    [429, false],
    [500, false],
    [503, false],
  ])("HTTP %i is permanent: %s", async (status, permanent) => {
    answer = { status, body: { error: "nope" } };
    await expect(transport.send(message)).rejects.toMatchObject({
      name: "SmsSendError",
      permanent,
      code: `http_${status}`,
      message: expect.stringContaining("nope"),
    });
  });

  it("treats a provider that does not answer in time as transient", async () => {
    answer = { status: 200, hang: true };
    await expect(transport.send(message)).rejects.toMatchObject({
      permanent: false,
      code: "timeout",
    });
  });

  it("treats an unreachable provider as transient", async () => {
    const { port } = server.address() as AddressInfo;
    server.close(); // nothing listens on the port any more
    const unreachable = createHttpSmsTransport({
      url: `http://127.0.0.1:${port}/sms`,
      token: TOKEN,
      webhookSecret: SECRET,
    });
    await expect(unreachable.send(message)).rejects.toMatchObject({
      permanent: false,
      code: "network",
      message: expect.stringContaining("ECONNREFUSED"),
    });
  });

  it("does not resend a message the provider accepted without ids", async () => {
    answer = { status: 200, body: { ok: true } };
    await expect(transport.send(message)).rejects.toMatchObject({
      permanent: true,
      code: "invalid_response",
    });
  });
});

describe("webhook", () => {
  const receiptBody = Buffer.from(
    JSON.stringify({
      type: "receipt",
      id: "p-1",
      status: "failed",
      error: "UNDELIV-34",
      at: "2024-05-14T10:31:00Z",
    }),
  );
  const inboundBody = Buffer.from(
    JSON.stringify({
      type: "inbound",
      from: "+393331234567",
      to: "Saldo",
      text: "STOP",
      at: "2024-05-14T10:32:00+02:00",
    }),
  );

  it("reads a signed receipt and a signed inbound message", () => {
    expect(
      parseSmsWebhook(
        receiptBody,
        { "x-saldo-signature": signSmsWebhook(receiptBody, SECRET) },
        SECRET,
      ),
    ).toEqual({
      providerId: "p-1",
      status: "failed",
      errorCode: "UNDELIV-34",
      at: new Date("2024-05-14T10:31:00Z"),
    });
    expect(
      parseSmsWebhook(
        inboundBody,
        { "X-Saldo-Signature": signSmsWebhook(inboundBody, SECRET) },
        SECRET,
      ),
    ).toEqual({
      from: "+393331234567",
      to: "Saldo",
      text: "STOP",
      at: new Date("2024-05-14T08:32:00Z"),
    });
  });

  it("refuses a missing signature", () => {
    expect(() => parseSmsWebhook(receiptBody, {}, SECRET)).toThrow(
      expect.objectContaining({
        code: "signature_missing",
        message: expect.stringContaining("x-saldo-signature"),
      }),
    );
  });

  it.each([
    ["signed with another secret", signSmsWebhook(receiptBody, "other-secret")],
    ["signing another body", signSmsWebhook(inboundBody, SECRET)],
    ["malformed", "sha256=abc"],
    ["without the sha256= prefix", signSmsWebhook(receiptBody, SECRET).slice(7)],
  ])("refuses a bad signature: %s", (_, signature) => {
    expect(() => parseSmsWebhook(receiptBody, { "x-saldo-signature": signature }, SECRET)).toThrow(
      expect.objectContaining({ name: "SmsWebhookError", code: "signature_invalid" }),
    );
  });

  it("refuses a signed body of the wrong shape", () => {
    const body = Buffer.from(
      JSON.stringify({ type: "receipt", id: "p-1", status: "sent", at: "yesterday" }),
    );
    expect(() =>
      parseSmsWebhook(body, { "x-saldo-signature": signSmsWebhook(body, SECRET) }, SECRET),
    ).toThrow(expect.objectContaining({ code: "payload_invalid" }));
  });

  it("hands webhook events to the transport's listeners", async () => {
    const receipts: DeliveryReceipt[] = [];
    const inbound: InboundSms[] = [];
    transport.onDeliveryReceipt((receipt) => {
      receipts.push(receipt);
    });
    transport.onInbound((sms) => {
      inbound.push(sms);
    });
    await transport.handleWebhook(receiptBody, {
      "x-saldo-signature": signSmsWebhook(receiptBody, SECRET),
    });
    await transport.handleWebhook(inboundBody, {
      "x-saldo-signature": signSmsWebhook(inboundBody, SECRET),
    });
    expect(receipts.map((receipt) => receipt.status)).toEqual(["failed"]);
    expect(inbound.map((sms) => sms.text)).toEqual(["STOP"]);
  });
});
