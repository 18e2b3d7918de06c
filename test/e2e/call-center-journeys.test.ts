/**
 * The call center in Debian's Chromium against the real server: an agent signs in,
 * takes the next case, records a promise to pay by keyboard, takes the next one and
 * schedules a callback; a supervisor finds those calls in the report (by agent and
 * outcome), sees queues and agents, and exports the CSV. axe-core checks the login,
 * agent and supervisor screens; screenshots at 1440 px (the agent also at 1280 px).
 */
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignCaseCall } from "../../src/modules/calls/app/assign-case-call";
import { DESKTOP, launchChromium, seriousViolations } from "../support/browser";
import { seedPortfolio } from "../support/payment-harness";
import { createStaff, type StaffServer, startStaffServer } from "../support/staff-server";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();
const SHOTS = process.env.SALDO_SCREENSHOTS_DIR ?? path.join(tmpdir(), "saldo-screenshots");
mkdirSync(SHOTS, { recursive: true });
const WIDE = { width: 1440, height: 900 };

let server: StaffServer;
let browser: Browser;
let tenantId: string;
let agent: Awaited<ReturnType<typeof createStaff>>;
let supervisor: Awaited<ReturnType<typeof createStaff>>;
const references = new Map<string, string>(); // debtor name → case reference

beforeAll(async () => {
  // Tuesday 10:00 in Rome: inside the hours the contact policy allows for calls.
  server = await startStaffServer(database, "2026-11-24T09:00:00Z");
  browser = await launchChromium();
  const seeded = await seedPortfolio(
    database,
    [
      {
        name: "Mario Rossi",
        invoices: [{ amountMinor: 45_000n, dueDate: "2026-06-01" }],
        phone: "+393471234567",
      },
      {
        name: "Lucia Bianchi",
        invoices: [{ amountMinor: 12_050n, dueDate: "2026-10-15" }],
        phone: "+393479876543",
      },
    ],
    { at: "2026-11-20T09:00:00Z" },
  );
  tenantId = seeded.tenantId;
  agent = await createStaff(database, "agent", "Anna Operatrice", [tenantId]);
  supervisor = await createStaff(database, "supervisor", "Sara Supervisora", [tenantId]);
  for (const c of seeded.cases) {
    references.set(c.debtorName, c.reference);
    // Into the queue through the calls module's own use case, as a supervisor would.
    await assignCaseCall(
      { database, clock: server.clock },
      { tenantId, caseId: c.caseId, userId: null, team: null, by: supervisor.id },
    );
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newPage(): Promise<Page> {
  // bypassCSP only lets the test inject axe-core; the app itself runs under the CSP.
  const context = await browser.newContext({
    viewport: WIDE,
    locale: "it-IT",
    timezoneId: "Europe/Rome",
    bypassCSP: true,
  });
  return context.newPage();
}

async function noSeriousViolations(page: Page, what: string) {
  const violations = await seriousViolations(page);
  expect(violations, `${what}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** A full-page screenshot from the top (the header is fixed: scrolled, it would sit mid-page). */
async function shot(page: Page, name: string) {
  await page.evaluate("window.scrollTo(0, 0)");
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function logIn(page: Page, user: { email: string; password: string }) {
  await page.goto(`${server.url}/`);
  // "/" → /app/ → no session → the login page.
  await expect.poll(() => new URL(page.url()).pathname).toBe("/app/login");
  await page.locator("#email").fill(user.email);
  await page.locator("#password").fill(user.password);
  await page.locator("#login-submit").click();
}

describe("the call center in a browser", { timeout: 120_000 }, () => {
  it("runs under its own Content-Security-Policy (no bypass): styles apply, nothing is refused", async () => {
    const context = await browser.newContext({ viewport: WIDE, locale: "it-IT" });
    const page = await context.newPage();
    const refused: string[] = [];
    page.on("console", (message) => {
      if (/Content.Security.Policy/i.test(message.text())) refused.push(message.text());
    });
    const response = await page.goto(`${server.url}/app/agent`);
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Accesso");
    // Mantine's button styles (CSS variables in a <style> element and style attributes) apply.
    const background = await page.evaluate<string>(
      "getComputedStyle(document.querySelector('#login-submit')).backgroundColor",
    );
    expect(background).not.toBe("rgba(0, 0, 0, 0)");
    expect(refused).toEqual([]);
    await context.close();
  });

  it("an agent takes the next case, records a promise, takes the next and schedules a callback", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/app/login`);
    await page.locator("#login-submit").waitFor();
    await noSeriousViolations(page, "login");
    await logIn(page, { email: agent.email, password: "wrong password!" });
    await expect.poll(() => page.locator("#login-error").textContent()).toContain("non corrette");
    await page.locator("#password").fill(agent.password);
    await page.locator("#login-submit").click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/app/agent");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Postazione operatore");

    await page.getByText("Disponibile", { exact: true }).first().click();
    await expect.poll(() => page.locator("#agent-state-now").textContent()).toBe("Disponibile");

    // First case: the larger and older debt comes first.
    await page.locator("#next-case").click();
    await page.locator("#case-balance").waitFor();
    expect(await page.locator("#claim-title").textContent()).toContain("Mario Rossi");
    expect(await page.locator("#claim-title").textContent()).toContain(
      references.get("Mario Rossi"),
    );
    expect(await page.locator("#case-balance").textContent()).toBe("450,00\u00a0€");
    expect(await page.locator("#priority-factors tbody tr").count()).toBeGreaterThan(0);
    expect(await page.locator("#phones a[href^='tel:']").getAttribute("href")).toContain(
      "+393471234567",
    );
    expect(await page.locator("#script-opening").textContent()).not.toBe("");
    await noSeriousViolations(page, "agent workspace");
    await shot(page, "agent-case-1440");
    await page.setViewportSize(DESKTOP);
    await noSeriousViolations(page, "agent workspace at 1280");
    await shot(page, "agent-case-1280");
    await page.setViewportSize(WIDE);

    // "2" picks the promise (focus is not in a field); the amount is the balance.
    await page.locator("#claim-title").click();
    await page.keyboard.press("2");
    expect(await page.locator("#outcome-promise_to_pay").isChecked()).toBe(true);
    expect(await page.locator("#promise-amount").inputValue()).toBe("450,00");
    // Digits typed into a field are not shortcuts.
    await page.locator("#disposition-notes").fill("Paga il primo dicembre, 1 rata");
    expect(await page.locator("#outcome-promise_to_pay").isChecked()).toBe(true);
    await page.locator("#disposition-submit").click();
    expect(await page.locator("#promise-date-error").textContent()).toBe("Indica la data.");
    await page.locator("#promise-date").fill("2026-12-01");
    await shot(page, "agent-disposition-1440");
    await page.locator("#disposition-notes").press("Control+Enter");
    await expect
      .poll(() => page.locator("#disposition-result").textContent())
      .toContain(`${references.get("Mario Rossi")}: esito registrato`);
    await expect.poll(() => page.locator("#today-promises").textContent()).toBe("1");
    await expect.poll(() => page.locator("#today-promised").textContent()).toBe("450,00\u00a0€");
    await shot(page, "agent-recorded-1440");
    server.clock.advance(4 * 60_000);

    // Second case: a callback tomorrow at 15:30 Rome time, sent as 14:30 UTC.
    await page.locator("#next-case").click();
    await page.locator("#case-balance").waitFor();
    expect(await page.locator("#claim-title").textContent()).toContain("Lucia Bianchi");
    // No click-to-call gateway here: the dialer answers with the tel: link to use.
    await page.getByRole("button", { name: /Chiama dal centralino/ }).click();
    await expect.poll(() => page.locator("#dial-result").textContent()).toContain("tel:");
    await page.locator("#claim-title").click();
    await page.keyboard.press("4");
    // The server's clock decides what is past; its answer shows beside the field.
    await page.locator("#callback-at").fill("2026-11-20T15:30");
    await page.locator("#disposition-submit").click();
    await expect.poll(() => page.locator("#callback-at-error").textContent()).toContain("past");
    await page.locator("#callback-at").fill("2026-11-25T15:30");
    await page.locator("#disposition-submit").click();
    await expect
      .poll(() => page.locator("#disposition-result").textContent())
      .toContain("Richiamata fissata");
    expect(await page.locator("#disposition-result").textContent()).toContain("25/11/26");

    const { rows } = await database.pool.query<{
      outcome: string;
      promise_amount_minor: string | null;
      callback_at: Date | null;
      notes: string | null;
      duration_seconds: number | null;
    }>(
      "select outcome, promise_amount_minor::text, callback_at, notes, duration_seconds from calls where tenant_id = $1 order by ended_at, created_at",
      [tenantId],
    );
    expect(rows.map((r) => r.outcome)).toEqual(["promise_to_pay", "callback_requested"]);
    expect(rows[0]?.promise_amount_minor).toBe("45000");
    expect(rows[0]?.notes).toBe("Paga il primo dicembre, 1 rata");
    expect(rows[1]?.callback_at?.toISOString()).toBe("2026-11-25T14:30:00.000Z");
    expect(rows[1]?.duration_seconds).toBeGreaterThanOrEqual(0);

    // Nothing else to call: the queue says why.
    await page.locator("#next-case").click();
    await page.locator("#next-empty").waitFor();
    await noSeriousViolations(page, "agent after the queue");
    await page.context().close();
  });

  it("a supervisor finds the calls in the report and sees queues and agents", async () => {
    const page = await newPage();
    await logIn(page, supervisor);
    await expect.poll(() => new URL(page.url()).pathname).toBe("/app/supervisor");
    await page.locator("#agents").waitFor();
    expect(await page.locator("#agents").textContent()).toContain(agent.name);
    await expect.poll(() => page.locator("#report-total").textContent()).toBe("2 chiamate");

    await page.locator("#filter-agent").selectOption({ label: agent.name });
    await page.locator("#filter-outcome").selectOption("promise_to_pay");
    await page.locator("#filter-apply").click();
    await expect.poll(() => page.locator("#report-total").textContent()).toBe("1 chiamata");
    const row = page.locator("#report-table tbody tr");
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain(references.get("Mario Rossi"));
    expect(await row.textContent()).toContain("Promessa di pagamento");
    expect(await row.textContent()).toContain("450,00");

    const csvHref = await page.locator("#export-csv").getAttribute("href");
    expect(csvHref).toContain("outcome=promise_to_pay");
    const csv = await page.request.get(`${server.url}${csvHref}`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(references.get("Mario Rossi"));

    await page.locator("#filter-outcome").selectOption("callback_requested");
    await page.locator("#filter-apply").click();
    await expect
      .poll(() => page.locator("#report-table tbody tr").textContent())
      .toContain(references.get("Lucia Bianchi"));
    await page.locator("#filter-outcome").selectOption("");
    await page.locator("#filter-apply").click();
    await expect.poll(() => page.locator("#report-total").textContent()).toBe("2 chiamate");

    // The callback's case goes to the agent by name: found by its reference.
    await page.locator("#reassign-case").fill(references.get("Lucia Bianchi")!);
    await page.locator("#reassign-agent").selectOption({ label: `${agent.name} (default)` });
    await page.locator("#reassign-submit").click();
    await page.locator("#reassign-result").waitFor();
    const assigned = await database.pool.query<{ assigned_user_id: string }>(
      "select assigned_user_id from call_tasks where tenant_id = $1 and status = 'queued'",
      [tenantId],
    );
    expect(assigned.rows.map((r) => r.assigned_user_id)).toEqual([agent.id]);

    await noSeriousViolations(page, "supervisor");
    await shot(page, "supervisor-1440");

    await page.locator("#language").selectOption("en");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Supervisor");
    expect(await page.locator("#report-title").textContent()).toBe("Call report");
    await noSeriousViolations(page, "supervisor in English");
    await shot(page, "supervisor-en-1440");

    await page.locator("#logout").click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/app/login");
    const me = await page.request.get(`${server.url}/api/v1/me`);
    expect(me.status()).toBe(401);
    await page.context().close();
  });
});
