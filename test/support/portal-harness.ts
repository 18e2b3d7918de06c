/**
 * A debtor in front of the portal API: a seeded case, its personal link, a real
 * SMTP peer that receives the entry codes, and a session opened the way the
 * browser opens it (code by email, cookie, CSRF token).
 */
import type { FastifyInstance } from "fastify";
import { afterAll } from "vitest";
import { createSmtpTransport } from "../../src/modules/channels/transports/smtp-transport";
import type { Clock } from "../../src/platform/clock";
import type { Database } from "../../src/platform/db/database";
import { channelRuntime, MAIL_DOMAIN } from "./channel-harness";
import { type SmtpPeer, startSmtpPeer } from "./smtp-peer";
import { buildTestApp } from "./test-app";
import { useTestDatabase } from "./test-database";

export function travellingClock(
  start: string,
): Clock & { set(iso: string): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set(iso) {
      current = new Date(iso);
    },
    advance(ms) {
      current = new Date(current.getTime() + ms);
    },
  };
}

export function tokenOf(link: string): string {
  return link.slice(link.lastIndexOf("/") + 1);
}

/** The six-digit code in the newest mail to `to` (the text part is 7bit or quoted-printable). */
export function lastCodeTo(peer: SmtpPeer, to: string): string {
  const mail = [...peer.received].reverse().find((m) => m.to.includes(to));
  if (!mail) throw new Error(`no mail to ${to}`);
  const text = mail.raw.replace(/=\r?\n/g, "");
  const match = /(?:è|=C3=A8|is) (\d{6})\b/.exec(text);
  if (!match) throw new Error(`no code in the mail to ${to}`);
  return match[1] as string;
}

export interface PortalVisit {
  cookie: string;
  csrf: string;
  headers: { cookie: string; "x-csrf-token": string };
}

export async function enterWithEmailCode(
  app: FastifyInstance,
  peer: SmtpPeer,
  token: string,
  email: string,
): Promise<PortalVisit> {
  const entry = await app.inject({ method: "POST", url: "/api/portal/entry", payload: { token } });
  if (entry.statusCode !== 200) throw new Error(`entry: ${entry.body}`);
  const method = entry.json().methods.find((m: { channel: string }) => m.channel === "email");
  const sent = await app.inject({
    method: "POST",
    url: "/api/portal/entry/code",
    payload: { token, methodId: method.id },
  });
  if (sent.statusCode !== 202) throw new Error(`code: ${sent.body}`);
  const verified = await app.inject({
    method: "POST",
    url: "/api/portal/entry/verify",
    payload: { token, code: lastCodeTo(peer, email) },
  });
  if (verified.statusCode !== 200) throw new Error(`verify: ${verified.body}`);
  const setCookie = [verified.headers["set-cookie"]].flat()[0] as string;
  const cookie = setCookie.split(";")[0] as string;
  const view = await app.inject({ method: "GET", url: "/api/portal/case", headers: { cookie } });
  const csrf = view.json().csrfToken as string;
  return { cookie, csrf, headers: { cookie, "x-csrf-token": csrf } };
}

export async function timelineTypes(database: Database, caseId: string): Promise<string[]> {
  const { rows } = await database.pool.query<{ type: string }>(
    "select type from case_events where case_id = $1 order by id",
    [caseId],
  );
  return rows.map((row) => row.type);
}

/**
 * What the portal API tests share: a test database, a real SMTP peer receiving the
 * codes, a clock that travels, and the app wired to them; closed after the file.
 */
export async function portalApiHarness(at: string) {
  const database = await useTestDatabase();
  const peer = await startSmtpPeer();
  const smtp = createSmtpTransport({ url: peer.url, mailDomain: MAIL_DOMAIN });
  const channels = channelRuntime({ email: smtp });
  const clock = travellingClock(at);
  const app = await buildTestApp(database, clock, channels);
  afterAll(async () => {
    await app.close();
    await smtp.close();
    await peer.close();
  });
  return { database, peer, channels, clock, app };
}
