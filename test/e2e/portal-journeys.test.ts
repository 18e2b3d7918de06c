/**
 * The debtor's journeys in Debian's Chromium against the real server: from the link
 * in a reminder email (real SMTP peer) to a signed plan; a card payment through the
 * local provider peer; a dispute that holds the case; an expired link; five wrong
 * answers, by keyboard only. axe-core checks every page at phone and desktop width.
 */
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatchDue, registerDispatcher } from "../../src/modules/channels/app/run-dispatcher";
import { fixedClock } from "../../src/platform/clock";
import { DESKTOP, launchChromium, PHONE, seriousViolations } from "../support/browser";
import { seedSweptCase, timelineOf } from "../support/channel-harness";
import { caseRow, seedPortfolio } from "../support/payment-harness";
import { lastCodeTo } from "../support/portal-harness";
import { type PortalServer, startPortalServer } from "../support/portal-server";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();
const SHOTS = process.env.SALDO_SCREENSHOTS_DIR ?? path.join(tmpdir(), "saldo-screenshots");
mkdirSync(SHOTS, { recursive: true });

let server: PortalServer;
let browser: Browser;
beforeAll(async () => {
  server = await startPortalServer(database, "2026-11-24T10:00:00Z");
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newPage(viewport = PHONE): Promise<Page> {
  // bypassCSP only lets the test inject axe-core; the app itself runs under the CSP.
  const context = await browser.newContext({ viewport, locale: "it-IT", bypassCSP: true });
  return context.newPage();
}

/** No serious or critical axe violation, at phone and desktop width; a screenshot of each if named. */
async function checkPage(page: Page, shot?: string) {
  for (const [width, size] of [
    ["phone", PHONE],
    ["desktop", DESKTOP],
  ] as const) {
    await page.setViewportSize(size);
    const violations = await seriousViolations(page);
    expect(violations, `${page.url()} at ${width}: ${JSON.stringify(violations, null, 1)}`).toEqual(
      [],
    );
    if (shot)
      await page.screenshot({
        path: path.join(SHOTS, `portal-${shot}-${width}.png`),
        fullPage: true,
      });
  }
  await page.setViewportSize(PHONE);
  // Nothing wider than a 360 px phone.
  const overflow = await page.evaluate<number>("document.documentElement.scrollWidth");
  expect(overflow).toBeLessThanOrEqual(PHONE.width);
}

async function waitForMail(to: string, count: number) {
  for (let i = 0; i < 100; i++) {
    if (server.smtp.received.filter((m) => m.to.includes(to)).length >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no mail number ${count} to ${to}`);
}

const mailsTo = (to: string) => server.smtp.received.filter((m) => m.to.includes(to)).length;

async function debtorWithTaxCode(name: string, amountMinor: bigint) {
  const { cases } = await seedPortfolio(
    database,
    [
      {
        name,
        invoices: [{ amountMinor, dueDate: "2026-10-15" }],
        email: `${name.replace(/\W/g, "").toLowerCase()}@example.it`,
      },
    ],
    { at: "2026-11-20T09:00:00Z" },
  );
  const seeded = cases[0]!;
  await database.pool.query("update debtors set tax_code = 'RSSMRA80A01H501U' where id = $1", [
    seeded.debtorId,
  ]);
  return {
    caseId: seeded.caseId,
    link: server.channels.links.portal(seeded.caseId, server.clock.now()),
  };
}

async function enterWithKnowledge(page: Page, link: string) {
  await page.goto(link);
  await page.getByRole("radio", { name: /codice fiscale/ }).check();
  await page.locator("#knowledge").fill("501U");
  await page.locator("#verify").click();
  await expect.poll(() => new URL(page.url()).pathname).toBe("/portal");
  await page.locator("#balance").waitFor();
}

describe("the debtor portal in a browser", { timeout: 120_000 }, () => {
  it("from the reminder email to a signed plan", async () => {
    const email = "mario.rossi@example.it";
    const seeded = await seedSweptCase(database, {
      email,
      dueDate: "2026-11-10",
      amountMinor: 90_000n,
    });
    // What an acknowledgment of debt needs of the creditor: an IBAN and a privacy contact.
    await database.pool.query(
      "insert into tenant_channel_settings (tenant_id, settings) values ($1, $2)",
      [
        seeded.tenantId,
        JSON.stringify({
          payment: { iban: "IT60X0542811101000000123456", beneficiary: "Acqua Chiara S.p.A." },
          letter: { email: "privacy@acquachiara.example", colour: "#0b6e4f" },
        }),
      ],
    );
    const instance = await registerDispatcher(database);
    try {
      await dispatchDue(
        { database, clock: fixedClock("2026-11-24T09:05:00Z"), channels: server.channels },
        instance,
      );
    } finally {
      await instance.release();
    }
    await waitForMail(email, 1);
    const reminder = server.smtp.received.find((m) => m.to.includes(email))!;
    const text = reminder.raw.replace(/=\r?\n/g, "");
    const link = new RegExp(`${server.url.replace(/[.]/g, "\\.")}/p/[A-Za-z0-9_-]+`).exec(
      text,
    )?.[0];
    expect(link, "the reminder carries the personal link").toBeTruthy();

    const page = await newPage();
    await page.goto(link!);
    await expect.poll(() => page.locator("h1").textContent()).toContain("Confermi");
    await checkPage(page, "entry");
    await page.getByRole("radio", { name: /Email/ }).check();
    await page.locator("#send-code").click();
    await waitForMail(email, 2);
    await page.locator("#code").fill(lastCodeTo(server.smtp, email));
    await page.locator("#verify").click();
    await page.locator("#balance").waitFor();
    expect(new URL(page.url()).pathname, "the token leaves the address bar").toBe("/portal");
    expect(await page.locator("#balance").textContent()).toContain("900,00");
    await checkPage(page, "overview");

    await page.getByRole("link", { name: "Proponga un piano di rate" }).click();
    await page.locator("#plan-submit").waitFor();
    await checkPage(page, "plan");
    await page.getByRole("radio").first().check();
    await page.locator("#plan-start").fill("2026-12-10");
    await page.locator("#plan-submit").click();
    await page.locator("#send-sign-code").waitFor();
    await checkPage(page, "plan-signature");
    const emailChoice = page.getByRole("radio", { name: /Email/ });
    if (await emailChoice.count()) await emailChoice.first().check();
    const before = mailsTo(email);
    await page.locator("#send-sign-code").click();
    await waitForMail(email, before + 1);
    await page.locator("#sign-code").fill(lastCodeTo(server.smtp, email));
    await page.locator("#sign").click();
    await page.getByText("Il Suo piano è attivo").waitFor();
    await checkPage(page, "plan-active");

    const { rows } = await database.pool.query("select status from plans where case_id = $1", [
      seeded.caseId,
    ]);
    expect(rows.map((r) => r.status)).toEqual(["active"]);
    expect((await timelineOf(database, seeded.caseId)).map((e) => e.type)).toEqual(
      expect.arrayContaining(["portal.entered", "plan.proposed", "plan.signed"]),
    );
    await page.context().close();
  });

  it("pays by card through the provider and sees the case paid", async () => {
    const { caseId, link } = await debtorWithTaxCode("Giulia Neri", 4_990n);
    const page = await newPage();
    await enterWithKnowledge(page, link);
    await page.getByRole("link", { name: "Paga ora" }).click();
    await page.locator("#pay-card").waitFor();
    await checkPage(page, "pay");
    await page.locator("#pay-card").click();
    await page.waitForURL(/\/pay\/cs_/);
    await page.getByRole("button", { name: "Pay" }).click();
    await page.waitForURL(/\/portal\/paid/);
    await page.getByText("Pagamento ricevuto, grazie!").waitFor({ timeout: 20_000 });
    await checkPage(page, "card-paid");
    expect((await caseRow(database, caseId)).status).toBe("closed");

    await page.goto(`${server.url}/portal`);
    await page.getByRole("link", { name: /questionario/i }).click();
    await page.locator("h1").waitFor();
    await checkPage(page, "survey");
    await page.context().close();
  });

  it("disputes the invoice: the case goes on hold at once", async () => {
    const { caseId, link } = await debtorWithTaxCode("Carla Gallo", 25_000n);
    const page = await newPage();
    await enterWithKnowledge(page, link);
    await page.getByRole("link", { name: "Ci spieghi la situazione" }).click();
    await page.locator("#reason-submit").waitFor();
    await checkPage(page, "why");
    await page.getByRole("radio", { name: "C'è un errore nella fattura" }).check();
    await page.locator("#reason-text").fill("Il consumo fatturato non corrisponde alla lettura.");
    await page.locator("#reason-submit").click();
    await page.getByText("sospendiamo i solleciti").waitFor();
    const row = await caseRow(database, caseId);
    expect(row.status).toBe("on_hold");
    const { rows } = await database.pool.query("select hold_reasons from cases where id = $1", [
      caseId,
    ]);
    expect(rows[0].hold_reasons).toContain("dispute");

    for (const [pathname, shot] of [
      ["/portal/promise", "promise"],
      ["/portal/preferences", "preferences"],
      ["/portal/messages", "messages"],
    ] as const) {
      await page.goto(`${server.url}${pathname}`);
      await page.locator("h1").waitFor();
      await page.locator("main form, main .card").first().waitFor();
      await checkPage(page, shot);
    }
    await page.locator("#lang-switch").click();
    await expect.poll(() => page.evaluate<string>("document.documentElement.lang")).toBe("en");
    await checkPage(page, "messages-en");
    await page.context().close();
  });

  it("tells a debtor with an old link that it has expired", async () => {
    const { link } = await debtorWithTaxCode("Bruno Conti", 10_000n);
    server.clock.advance(61 * 86_400_000);
    try {
      const page = await newPage();
      await page.goto(link);
      await page.getByRole("heading", { name: "Questo link è scaduto" }).waitFor();
      await checkPage(page, "expired");
      await page.context().close();
    } finally {
      server.clock.advance(-61 * 86_400_000);
    }
  });

  it("locks the door after five wrong answers, used by keyboard only", async () => {
    const { link } = await debtorWithTaxCode("Elena Fontana", 10_000n);
    const page = await newPage();
    await page.goto(link);
    await page.locator("h1").waitFor();
    // Keyboard only: Tab into the radio group, arrow keys to the knowledge option, type, Enter.
    const focusedIsRadio = () =>
      page.evaluate<boolean>("document.activeElement?.getAttribute('type') === 'radio'");
    for (let i = 0; i < 30 && !(await focusedIsRadio()); i++) await page.keyboard.press("Tab");
    const knowledge = page.getByRole("radio", { name: /codice fiscale/ });
    for (let i = 0; i < 5 && !(await knowledge.isChecked()); i++)
      await page.keyboard.press("ArrowDown");
    expect(await knowledge.isChecked()).toBe(true);
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.locator("#knowledge").focus();
      await page.keyboard.press("Control+A");
      await page.keyboard.type(`00${attempt}X`);
      await page.keyboard.press("Enter");
      await page.getByText("non corrispondono ai nostri dati").waitFor();
      expect(await page.locator("#knowledge").getAttribute("aria-invalid")).toBe("true");
    }
    await checkPage(page, "entry-error");
    await page.locator("#knowledge").focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("501U");
    await page.keyboard.press("Enter");
    await page
      .getByText(/sospeso|sospes/)
      .first()
      .waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/p\//);
    await page.context().close();
  });

  it("refuses a wrong code five times, then even the right one", async () => {
    const { link } = await debtorWithTaxCode("Marco Riva", 10_000n);
    const email = "marcoriva@example.it";
    const page = await newPage();
    await page.goto(link);
    await page.getByRole("radio", { name: /Email/ }).check();
    await page.locator("#send-code").click();
    await waitForMail(email, 1);
    const right = lastCodeTo(server.smtp, email);
    for (let attempt = 1; attempt <= 5; attempt++) {
      const wrong = String((Number(right) + attempt) % 1_000_000).padStart(6, "0");
      await page.locator("#code").fill(wrong);
      // Each answer is in before the next is typed.
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith("/api/portal/entry/verify")),
        page.locator("#verify").click(),
      ]);
      await page.locator("#code-error").getByText("Il codice non è valido o è scaduto.").waitFor();
    }
    await page.locator("#code").fill(right);
    await page.locator("#verify").click();
    await page
      .getByText(/accesso è sospeso/)
      .first()
      .waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/p\//);
    await page.context().close();
  });
});
