import { describe, expect, it } from "vitest";
import { seedPortfolio } from "../support/payment-harness";
import {
  enterWithEmailCode,
  lastCodeTo,
  portalApiHarness,
  timelineTypes,
  tokenOf,
} from "../support/portal-harness";

const { database, peer, channels, clock, app } = await portalApiHarness("2026-11-24T10:00:00Z");

let n = 0;
async function debtorWithLink(taxCode?: string) {
  n++;
  const email = `entry${n}@example.it`;
  const { tenantId, cases } = await seedPortfolio(
    database,
    [
      {
        name: `Lucia Bianchi${n}`,
        invoices: [{ amountMinor: 18_000n, dueDate: "2026-10-15" }],
        email,
        phone: "+393471234567",
      },
    ],
    { at: "2026-11-20T09:00:00Z" },
  );
  const seeded = cases[0]!;
  if (taxCode)
    await database.pool.query("update debtors set tax_code = $2 where id = $1", [
      seeded.debtorId,
      taxCode,
    ]);
  const token = tokenOf(channels.links.portal(seeded.caseId, clock.now()));
  return { tenantId, caseId: seeded.caseId, email, token };
}

// Each call from its own address: the per-address rate limit is not what these tests test.
let address = 0;
const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({
    method: "POST",
    url,
    payload: payload as object,
    headers,
    remoteAddress: `10.0.${Math.floor(++address / 250)}.${address % 250}`,
  });

describe("the portal's door", () => {
  it("refuses a token that is not Saldo's and names the creditor for an expired one", async () => {
    const { token } = await debtorWithLink();
    const forged = `${token.slice(0, -4)}AAAA`;
    const invalid = await post("/api/portal/entry", { token: forged });
    expect(invalid.statusCode).toBe(404);
    expect(invalid.json().error.code).toBe("link_invalid");

    clock.advance(61 * 86_400_000);
    try {
      const expired = await post("/api/portal/entry", { token });
      expect(expired.statusCode).toBe(410);
      expect(expired.json().error.code).toBe("link_expired");
      expect(expired.json().error.details.creditor.name).toBeTruthy();
      expect(JSON.stringify(expired.json())).not.toContain("Lucia");
    } finally {
      clock.advance(-61 * 86_400_000);
    }
  });

  it("offers masked contact points, sends a code by email and opens a session with it", async () => {
    const { token, email, caseId } = await debtorWithLink();
    const entry = await post("/api/portal/entry", { token });
    expect(entry.statusCode).toBe(200);
    const body = entry.json();
    expect(body.methods.map((m: { channel: string }) => m.channel).sort()).toEqual([
      "email",
      "sms",
    ]);
    expect(JSON.stringify(body)).not.toContain(email);
    expect(JSON.stringify(body)).not.toContain("1234567");
    expect(body.knowledge).toBeNull();

    const visit = await enterWithEmailCode(app, peer, token, email);
    const view = await app.inject({
      method: "GET",
      url: "/api/portal/case",
      headers: { cookie: visit.cookie },
    });
    expect(view.statusCode).toBe(200);
    expect(view.json().case.balanceMinor).toBe("18000");
    expect(view.json().case.state).toBe("overdue");
    expect(await timelineTypes(database, caseId)).toContain("portal.entered");
    // The send log keeps the code masked.
    const { rows } = await database.pool.query(
      "select body_text from messages where case_id = $1 and template = 'portal.entry_code'",
      [caseId],
    );
    expect(rows[0].body_text).toContain("••••••");
    expect(rows[0].body_text).not.toMatch(/\d{6}/);
  });

  it("sets an HttpOnly, SameSite=Strict cookie and demands the CSRF token on changes", async () => {
    const { token, email } = await debtorWithLink();
    const entry = await post("/api/portal/entry", { token });
    const method = entry.json().methods.find((m: { channel: string }) => m.channel === "email");
    await post("/api/portal/entry/code", { token, methodId: method.id });
    const verified = await post("/api/portal/entry/verify", {
      token,
      code: lastCodeTo(peer, email),
    });
    const setCookie = String([verified.headers["set-cookie"]].flat()[0]);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const cookie = setCookie.split(";")[0] as string;

    const noCsrf = await post("/api/portal/messages", { body: "Buongiorno" }, { cookie });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe("csrf_failed");
    const noSession = await app.inject({ method: "GET", url: "/api/portal/case" });
    expect(noSession.statusCode).toBe(401);
    expect(noSession.json().error.code).toBe("portal_session_required");

    // A code is used once.
    const again = await post("/api/portal/entry/verify", { token, code: lastCodeTo(peer, email) });
    expect(again.statusCode).toBe(401);
  });

  it("answers every wrong code alike, locks the case after five failures, and lets it in 30 minutes later", async () => {
    const { token } = await debtorWithLink("RSSMRA80A01H501U");
    const entry = await post("/api/portal/entry", { token });
    expect(entry.json().knowledge).toEqual({ kind: "tax_code_last4" });

    const answers = ["000000", "0000", "123X", "999999", "H50U"];
    const failures = await Promise.all(
      answers.map((answer) =>
        post(
          "/api/portal/entry/verify",
          /^\d{6}$/.test(answer) ? { token, code: answer } : { token, knowledge: answer },
        ),
      ),
    );
    for (const failure of failures) {
      expect(failure.statusCode).toBe(401);
      expect(failure.json().error).toMatchObject({
        code: "code_invalid",
        message: "the code or answer is not valid, or it has expired",
      });
    }
    const locked = await post("/api/portal/entry/verify", { token, knowledge: "501u" });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe("entry_locked");
    expect(locked.json().error.details.retryAfterMinutes).toBeGreaterThan(25);

    clock.advance(31 * 60_000);
    const opened = await post("/api/portal/entry/verify", { token, knowledge: " 501 u" });
    expect(opened.statusCode).toBe(200);
  });

  it("lets at most five of many parallel guesses through to be checked", async () => {
    const { token } = await debtorWithLink("VRDGPP75C12F205X");
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        post("/api/portal/entry/verify", { token, code: String(100000 + i) }),
      ),
    );
    const statuses = guesses.map((g) => g.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });

  it("throttles codes to five an hour per case", async () => {
    const { token } = await debtorWithLink();
    const entry = await post("/api/portal/entry", { token });
    const methodId = entry
      .json()
      .methods.find((m: { channel: string }) => m.channel === "email").id;
    for (let i = 0; i < 5; i++)
      expect((await post("/api/portal/entry/code", { token, methodId })).statusCode).toBe(202);
    const sixth = await post("/api/portal/entry/code", { token, methodId });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.code).toBe("too_many_codes");
    // Another case's contact point is not a way into this one.
    const other = await debtorWithLink();
    const otherEntry = await post("/api/portal/entry", { token: other.token });
    const foreign = otherEntry.json().methods[0].id;
    const refused = await post("/api/portal/entry/code", { token, methodId: foreign });
    expect(refused.statusCode).toBe(400);
  });

  it("answers every portal route but the door with 401 without a session", async () => {
    const open = new Set([
      "POST /api/portal/entry",
      "POST /api/portal/entry/code",
      "POST /api/portal/entry/verify",
      "POST /api/portal/logout",
      "GET /api/portal/logo/:tenantId",
    ]);
    const guarded = app.routeList.filter((r) => r.includes(" /api/portal/") && !open.has(r));
    expect(guarded.length).toBeGreaterThan(15);
    const uuid = "00000000-0000-4000-8000-000000000000";
    for (const route of guarded) {
      const [method, path] = route.split(" ") as [string, string];
      const url = path
        .replace(":document", path.includes("/plans/") ? "signed.pdf" : "pdf")
        .replace(":file", "epc.svg")
        .replace(/:\w+/g, uuid);
      const response = await app.inject({
        method: method as "GET",
        url,
        ...(method === "GET" ? {} : { payload: {} }),
      });
      expect([401, 400], `${route}: ${response.body}`).toContain(response.statusCode);
      if (response.statusCode === 400) expect(method).not.toBe("GET");
    }
  });

  it("serves the app's shell without caching or referrers, and refuses framing", async () => {
    const { token } = await debtorWithLink();
    const page = await app.inject({ method: "GET", url: `/p/${token}` });
    expect([200, 503]).toContain(page.statusCode);
    expect(page.headers["referrer-policy"]).toBe("no-referrer");
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(String(page.headers["content-security-policy"])).toContain("frame-ancestors 'none'");
  });
});

describe("the door's weaker key", () => {
  it("offers no knowledge question to a company, and withdraws it after ten wrong answers", async () => {
    const { token, caseId } = await debtorWithLink("RSSMRA80A01H501U");
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 5; i++)
        expect(
          (await post("/api/portal/entry/verify", { token, knowledge: `00${round}${i}` }))
            .statusCode,
        ).toBe(401);
      clock.advance(31 * 60_000);
    }
    const entry = await post("/api/portal/entry", { token });
    expect(entry.json().knowledge).toBeNull();
    const refused = await post("/api/portal/entry/verify", { token, knowledge: "501U" });
    expect(refused.statusCode).toBe(401);

    await database.pool.query(
      "update debtors set kind = 'company', vat_number = 'IT01234567890' where id = (select debtor_id from cases where id = $1)",
      [caseId],
    );
    const other = await debtorWithLink();
    await database.pool.query(
      "update debtors set kind = 'company', vat_number = 'IT01234567890' where id = (select debtor_id from cases where id = $1)",
      [other.caseId],
    );
    expect((await post("/api/portal/entry", { token: other.token })).json().knowledge).toBeNull();
  });

  it("keeps links' tokens out of the request log", async () => {
    const { withoutLinkTokens } = await import("../../src/platform/http/server");
    expect(withoutLinkTokens("/p/AbCdEf123?x=1")).toBe("/p/[token]?x=1");
    expect(withoutLinkTokens("/u/Zz9")).toBe("/u/[token]");
    expect(withoutLinkTokens("/api/portal/case")).toBe("/api/portal/case");
  });
});
