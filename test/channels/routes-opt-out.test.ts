import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/platform/clock";
import { channelRuntime, seedSweptCase, timelineOf } from "../support/channel-harness";
import { contactPoint, useDispatcher } from "../support/channel-http";
import { buildTestApp } from "../support/test-app";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();
const clock = fixedClock("2026-11-24T11:00:00Z");
const channels = channelRuntime();
const app = await buildTestApp(database, clock, channels);
afterAll(() => app.close());
const dispatch = await useDispatcher(database, channels);

/** A tenant name that would run a script if the page did not escape it. */
const TENANT = `Acqua <script>alert("x")</script> & Co`;

let italian: { caseId: string; path: string; messageId: string };
let english: { caseId: string; path: string };
let multipart: { path: string };

/** The path of the List-Unsubscribe link the message was sent with. */
async function unsubscribePath(caseId: string) {
  const { rows } = await database.pool.query<{
    id: string;
    language: string;
    headers: Record<string, string>;
  }>("select id, language, headers from messages where case_id = $1 and channel = 'email'", [
    caseId,
  ]);
  const link = rows[0]?.headers["List-Unsubscribe"];
  const url = new URL(/^<(.+)>$/.exec(link ?? "")?.[1] ?? "");
  expect(url.origin).toBe("https://pay.saldo.test");
  // The message id and a 96-bit MAC, base64url: short enough for an SMS.
  expect(url.pathname).toMatch(/^\/u\/[\w-]{38}$/);
  return { path: url.pathname, messageId: rows[0]?.id as string, language: rows[0]?.language };
}

beforeAll(async () => {
  const it = await seedSweptCase(database, { email: "mario.optout@example.org" });
  await database.pool.query("update tenants set name = $2 where id = $1", [it.tenantId, TENANT]);
  const en = await seedSweptCase(database, { email: "john.optout@example.org" });
  await database.pool.query(
    "update debtors set language = 'en' where id = (select debtor_id from cases where id = $1)",
    [en.caseId],
  );
  const mp = await seedSweptCase(database, { email: "multi.optout@example.org" });
  expect(await dispatch()).toMatchObject({ sent: 3 });
  const itLink = await unsubscribePath(it.caseId);
  const enLink = await unsubscribePath(en.caseId);
  multipart = { path: (await unsubscribePath(mp.caseId)).path };
  expect([itLink.language, enLink.language]).toEqual(["it", "en"]);
  italian = { caseId: it.caseId, path: itLink.path, messageId: itLink.messageId };
  english = { caseId: en.caseId, path: enLink.path };
});

const open = (path: string) => app.inject({ method: "GET", url: path });
const oneClick = (path: string) =>
  app.inject({
    method: "POST",
    url: path,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    payload: "List-Unsubscribe=One-Click",
  });
const optedOut = async (caseId: string) =>
  (await timelineOf(database, caseId)).filter((e) => e.type === "contact.opted_out");

describe("the opt-out page", () => {
  it("asks first, in Italian, with a form and no script", async () => {
    const response = await open(italian.path);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.body).toContain('<html lang="it">');
    expect(response.body).toContain("<title>Preferenze di contatto</title>");
    expect(response.body).toContain(
      "Vuole smettere di ricevere messaggi email da Acqua &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; Co?",
    );
    expect(response.body).toContain('<form method="post">');
    expect(response.body).toContain("Sì, non inviatemi più questi messaggi");
    expect(response.body).not.toMatch(/<script/i);
    // Opening the page changes nothing.
    expect((await contactPoint(database, "mario.optout@example.org")).opt_out).toEqual({});
    expect(await optedOut(italian.caseId)).toEqual([]);
  });

  it("one-click POST opts the address out of email, once", async () => {
    const response = await oneClick(italian.path);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.body).toContain("Fatto: non riceverà più messaggi email a questo recapito.");
    expect(response.body).not.toMatch(/<script/i);
    const point = await contactPoint(database, "mario.optout@example.org");
    expect(Object.keys(point.opt_out)).toEqual(["email"]);
    const email = point.opt_out.email as { at: string; source: string };
    expect(email.source).toBe("link");
    expect(Date.parse(email.at)).toBe(clock.now().getTime());
    const events = await optedOut(italian.caseId);
    expect(events.map((e) => e.data)).toEqual([
      { channel: "email", source: "link", message: italian.messageId },
    ]);

    const again = await oneClick(italian.path);
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain("Fatto:");
    expect(await optedOut(italian.caseId)).toHaveLength(1);
  });

  it("a forged token opens the not-found page and changes nothing", async () => {
    const token = english.path.slice("/u/".length);
    const at = 20;
    const forged = `${token.slice(0, at)}${token[at] === "A" ? "B" : "A"}${token.slice(at + 1)}`;
    expect(forged).not.toBe(token);
    for (const response of [await open(`/u/${forged}`), await oneClick(`/u/${forged}`)]) {
      expect(response.statusCode).toBe(404);
      expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(response.body).toContain('<p role="alert">Questo link non è valido.</p>');
      expect(response.body).not.toMatch(/<script/i);
    }
    // A portal link is signed with the same key, for another purpose: not an opt-out.
    const portal = new URL(channels.links.portal(english.caseId, clock.now())).pathname;
    const portalToken = portal.slice("/p/".length);
    expect((await oneClick(`/u/${portalToken}`)).statusCode).toBe(404);
    expect((await contactPoint(database, "john.optout@example.org")).opt_out).toEqual({});
  });

  it("an English debtor gets the English page", async () => {
    const asked = await open(english.path);
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('<html lang="en">');
    expect(asked.body).toMatch(/Do you want to stop receiving email messages from Tenant \d+\?/);
    expect(asked.body).toContain("Yes, stop these messages");
    const done = await oneClick(english.path);
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain("Done: you will no longer receive email messages");
    expect(done.body).not.toContain("Fatto");
    expect(Object.keys((await contactPoint(database, "john.optout@example.org")).opt_out)).toEqual([
      "email",
    ]);
  });

  it("a mail client's multipart/form-data one-click works too (RFC 8058)", async () => {
    const response = await app.inject({
      method: "POST",
      url: multipart.path,
      headers: { "content-type": "multipart/form-data; boundary=b0" },
      payload:
        '--b0\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--b0--\r\n',
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("Fatto:");
    expect(Object.keys((await contactPoint(database, "multi.optout@example.org")).opt_out)).toEqual(
      ["email"],
    );
  });
});
