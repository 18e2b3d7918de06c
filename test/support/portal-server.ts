/**
 * Saldo as the debtor meets it: the real HTTP server on a port, links pointing at
 * it, reminder and code emails through a real SMTP peer, card payments through
 * the local Stripe peer (its pay page and signed webhooks).
 */
import { createServer } from "node:net";
import type { FastifyInstance } from "fastify";
import { createDebtorLinks } from "../../src/modules/channels/app/channel-runtime";
import { createSmtpTransport } from "../../src/modules/channels/transports/smtp-transport";
import { stripeCardProvider } from "../../src/modules/payments/card";
import type { Database } from "../../src/platform/db/database";
import { buildServer } from "../../src/platform/http/server";
import { createTokenSigner } from "../../src/platform/signed-token";
import { PUBLIC_ROUTES, ROUTES } from "../../src/routes";
import { channelRuntime, MAIL_DOMAIN, TEST_SECRET } from "./channel-harness";
import { travellingClock } from "./portal-harness";
import { type SmtpPeer, startSmtpPeer } from "./smtp-peer";
import { type StripePeer, startStripePeer } from "./stripe-peer";

export interface PortalServer {
  url: string;
  app: FastifyInstance;
  smtp: SmtpPeer;
  stripe: StripePeer;
  clock: ReturnType<typeof travellingClock>;
  channels: ReturnType<typeof channelRuntime>;
  close(): Promise<void>;
}

export async function startPortalServer(database: Database, at: string): Promise<PortalServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const smtp = await startSmtpPeer();
  const mail = createSmtpTransport({ url: smtp.url, mailDomain: MAIL_DOMAIN });
  const stripe = await startStripePeer();
  const clock = travellingClock(at);
  const channels = {
    ...channelRuntime({ email: mail }),
    links: createDebtorLinks(url, createTokenSigner(TEST_SECRET)),
  };
  const card = stripeCardProvider({
    secretKey: stripe.secretKey,
    webhookSecret: stripe.webhookSecret,
    apiUrl: stripe.url,
    maxNetworkRetries: 0,
  });
  const app = await buildServer(
    { database, clock, sessionTtlHours: 1, secureCookies: false, channels, card },
    ROUTES,
    { logLevel: process.env.SALDO_TEST_LOG ?? "silent", publicRoutes: PUBLIC_ROUTES },
  );
  await app.listen({ port, host: "127.0.0.1" });
  stripe.webhookUrl = `${url}/api/v1/webhooks/card`;
  return {
    url,
    app,
    smtp,
    stripe,
    clock,
    channels,
    async close() {
      await app.close();
      await mail.close();
      await smtp.close();
      await stripe.close();
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}
