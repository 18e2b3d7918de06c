import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { createPrintBatch } from "../../src/modules/channels/app/create-print-batch";
import {
  recordTrackingNumbers,
  type TrackingRow,
} from "../../src/modules/channels/app/record-tracking-numbers";
import { dispatchDue, registerDispatcher } from "../../src/modules/channels/app/run-dispatcher";
import {
  type Box,
  isInside,
  openPdf,
  overlaps,
  pageText,
  pageTextLines,
  renderPage,
  scanQrAbove,
} from "../../src/modules/channels/letters/test-support/pdf-inspection";
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
const channels = channelRuntime();
const instance = await registerDispatcher(database);
afterAll(() => instance.release());

/** The first reminder (by letter, for a debtor with only a postal address) is due on the 24th. */
const SEND_AT = "2026-11-24T09:30:00Z";
const IBAN = "IT60X0542811101000000123456";
const RETURN_ADDRESS = "Servizi Clienti — Casella Postale 123, 00100 Roma";
// The right envelope window as DL/C5/C6 envelopes have it (90 × 45 mm, 110 mm left, 50 mm down).
const MM = 72 / 25.4;
const WINDOW: Box = { x: 110 * MM, y: 50 * MM, width: 90 * MM, height: 45 * MM };
const REVEALS_DEBT =
  /sollecit|debit|debt|recupero|credit|mora\b|diffida|pagament|payment|importo|fattur|€|EUR|\d,\d\d/i;

const SETTINGS = {
  letter: { returnAddress: RETURN_ADDRESS, addressLines: ["Via del Corso 10", "00186 Roma"] },
  payment: {
    iban: IBAN,
    beneficiary: "Acqua Chiara S.p.A.",
    pagoPa: { creditorFiscalCode: "03334231200", segregationCode: "02" },
  },
};

/** `place: null` leaves the letter's place unset, as a tenant that never filled it in. */
const configureLetters = (tenantId: string, place: string | null = "Roma") =>
  database.pool.query("insert into tenant_channel_settings (tenant_id, settings) values ($1, $2)", [
    tenantId,
    JSON.stringify({ ...SETTINGS, letter: { ...SETTINGS.letter, ...(place ? { place } : {}) } }),
  ]);

/** The one message of a case (or of an action), as stored. */
async function messageOf(column: "case_id" | "action_id", id: string) {
  type Row = { id: string; body_text: string; tracking_number: string | null };
  const { rows } = await database.pool.query<Row & Record<string, unknown>>(
    `select id, channel, status, print_batch_id, tracking_number, body_text from messages where ${column} = $1`,
    [id],
  );
  expect(rows).toHaveLength(1);
  return rows[0] as (typeof rows)[number];
}

async function printBatch(id: string | null) {
  const { rows } = await database.pool.query<{ pdf: Buffer; manifest_csv: string }>(
    "select pdf, manifest_csv from print_batches where id = $1",
    [id],
  );
  if (!rows[0]) throw new Error("no print batch stored");
  return { doc: openPdf(rows[0].pdf), manifest: rowsOf(rows[0].manifest_csv) };
}

/** A consumer with only a postal address whose first reminder, a letter, waits for print. */
async function queuedLetter(place: string | null = "Roma") {
  const seeded = await seedSweptCase(database, { postal: true });
  await configureLetters(seeded.tenantId, place);
  const summary = await dispatchDue({ database, clock: fixedClock(SEND_AT), channels }, instance);
  expect(summary).toMatchObject({ letters: 1, sent: 0, failed: 0, withdrawn: 0 });
  return seeded;
}

const print = (tenantId: string, at = SEND_AT) =>
  createPrintBatch({ database, clock: fixedClock(at) }, { tenantId, by: null });

const rowsOf = (csv = "") => parse(csv, { bom: true, columns: true }) as Record<string, string>[];

async function attempts(caseId: string): Promise<number> {
  const { rows } = await database.pool.query<{ n: number }>(
    "select count(*)::int as n from contact_events where case_id = $1 and kind = 'attempt'",
    [caseId],
  );
  return rows[0]?.n ?? -1;
}

const types = async (caseId: string) => (await timelineOf(database, caseId)).map((e) => e.type);

describe("letters from dispatch to the print house", () => {
  it("queues a reminder letter, prints it, and the page reads right through the window", async () => {
    const seeded = await queuedLetter();
    const [queued] = await messagesOf(database, seeded.caseId);
    expect(queued).toMatchObject({ channel: "letter", status: "queued", transport: "print" });
    expect((await actionsOf(database, seeded.caseId))[0]?.status).toBe("scheduled");
    expect(await types(seeded.caseId)).toContain("letter.queued");

    const result = await print(seeded.tenantId);
    expect(result).toMatchObject({ letters: 1, withdrawn: 0 });
    expect(result.id).not.toBeNull();
    const message = await messageOf("case_id", seeded.caseId);
    expect(message).toMatchObject({ status: "sent", print_batch_id: result.id });
    expect((await actionsOf(database, seeded.caseId))[0]?.status).toBe("sent");
    const printed = (await timelineOf(database, seeded.caseId)).find(
      (e) => e.type === "letter.printed",
    );
    expect(printed?.data).toMatchObject({ message: message.id, batch: result.id });

    const { doc, manifest } = await printBatch(result.id);
    const lines = pageTextLines(doc, 0);
    const line = (text: string) => lines.find((l) => l.text.trim() === text);
    for (const expected of ["Mario Rossi", "Via Roma 1", "00184 ROMA RM"]) {
      expect(line(expected), expected).toBeDefined();
      expect(isInside(line(expected) as Box, WINDOW), `${expected} inside the window`).toBe(true);
    }
    const seen = lines.filter((l) => overlaps(l, WINDOW)).map((l) => l.text.trim());
    expect(seen.sort()).toEqual(
      ["00184 ROMA RM", "Mario Rossi", RETURN_ADDRESS, "Via Roma 1"].sort(),
    );
    for (const text of seen) expect(text).not.toMatch(REVEALS_DEBT);

    const text = pageText(doc, 0).replace(/\u00a0/g, " ");
    expect(text).toContain("€ 1.234,56");
    expect(text).toContain("Roma, 24 novembre 2026");
    const rf = /RF\d{2}(?: [A-Z0-9]{1,4})+/.exec(text)?.[0];
    expect(rf).toMatch(/^RF\d{2} [A-Z0-9]{4} /);

    // A one-invoice reminder takes two pages: the payment box with its QR codes is on the second.
    const pages = Array.from({ length: doc.countPages() }, (_, index) => index);
    const qrPage = pages.find((index) =>
      pageTextLines(doc, index).some((l) => l.text.trim() === "Bonifico (QR EPC)"),
    );
    expect(qrPage).toBeDefined();
    const epc = scanQrAbove(doc, qrPage as number, "Bonifico (QR EPC)", 200);
    expect(epc?.payload.startsWith("BCD\n002\n1\nSCT")).toBe(true);
    expect(epc?.payload).toContain(IBAN);
    expect(epc?.payload).toContain("EUR1234.56");
    expect(epc?.payload).toContain(rf?.replace(/ /g, ""));
    const pagoPa = scanQrAbove(doc, qrPage as number, "pagoPA", 200);
    // Notice number: aux digit 3, segregation code 02, IUV; check digits = first 16 digits mod 93.
    const notice = /^PAGOPA\|002\|(302\d{15})\|03334231200\|123456$/.exec(
      pagoPa?.payload ?? "",
    )?.[1];
    expect(notice).toBeDefined();
    expect(Number(BigInt(notice?.slice(0, 16) ?? "0") % 93n)).toBe(Number(notice?.slice(16)));

    if (process.env.SALDO_KEEP_RENDERS) {
      mkdirSync("docs/screenshots", { recursive: true });
      writeFileSync("docs/screenshots/letter-reminder-it.png", renderPage(doc, 0, 110).asPNG());
    }

    expect(manifest).toHaveLength(1);
    expect(manifest[0]).toMatchObject({
      letter_id: message.id,
      recipient_name: "Mario Rossi",
      postal_code: "00184",
      city: "ROMA",
      registered: "no",
    });
  });

  it("withdraws a letter whose case was paid after it was queued", async () => {
    const seeded = await queuedLetter();
    await database.pool.query(
      "update invoices set open_amount_minor = 0, status = 'paid' where case_id = $1",
      [seeded.caseId],
    );
    expect(await attempts(seeded.caseId)).toBe(1); // the letter counts towards caps once planned
    expect(await print(seeded.tenantId)).toEqual({ id: null, letters: 0, pages: 0, withdrawn: 1 });
    const message = await messageOf("case_id", seeded.caseId);
    expect(message).toMatchObject({ status: "suppressed", print_batch_id: null });
    expect((await actionsOf(database, seeded.caseId))[0]?.status).toBe("cancelled");
    expect(await types(seeded.caseId)).toContain("letter.withdrawn");
    const { rows } = await database.pool.query(
      "select count(*)::int as n from print_batches where tenant_id = $1",
      [seeded.tenantId],
    );
    expect(rows[0]?.n).toBe(0);
  });

  it("takes back a withdrawn letter's planned contact, as a send-time withdrawal does", async () => {
    const seeded = await queuedLetter();
    await database.pool.query("update cases set hold_reasons = '{dispute}' where id = $1", [
      seeded.caseId,
    ]);
    expect(await print(seeded.tenantId)).toMatchObject({ withdrawn: 1 });
    expect(await attempts(seeded.caseId)).toBe(0);
  });

  it("prints the date without a dangling comma when the tenant set no place", async () => {
    const seeded = await queuedLetter(null);
    const { doc } = await printBatch((await print(seeded.tenantId)).id);
    const texts = pageTextLines(doc, 0).map((l) => l.text.trim());
    expect(texts).toContain("24 novembre 2026"); // the body's own date line
    expect(texts.filter((t) => t.startsWith(","))).toEqual([]);
  });

  it("sends a formal notice by registered letter and records its tracking number", async () => {
    const seeded = await seedSweptCase(database, {
      postal: true,
      dueDate: "2026-10-01",
      sweepAt: "2026-11-16T09:00:00Z",
    });
    await configureLetters(seeded.tenantId);
    // Only the formal notice: the reminders the sweep planned for this old debt are not the subject.
    await database.pool.query("update case_actions set status = 'cancelled' where case_id = $1", [
      seeded.caseId,
    ]);
    const now = Date.parse("2026-11-16T09:30:00Z");
    const { rows: inserted } = await database.pool.query<{ id: string }>(
      `insert into case_actions (tenant_id, case_id, idempotency_key, step_id, attempt, channel, template, status, due_at)
       values ($1, $2, $3, 'formal_notice', 1, 'registered_letter', 'notice.formal', 'scheduled', $4) returning id`,
      [seeded.tenantId, seeded.caseId, `test:${randomUUID()}`, new Date(now - 3_600_000)],
    );
    const actionId = inserted[0]?.id as string;
    const clock = fixedClock(new Date(now).toISOString());
    expect(await dispatchDue({ database, clock, channels }, instance)).toMatchObject({
      letters: 1,
    });
    const letter = await messageOf("action_id", actionId);
    expect(letter).toMatchObject({ channel: "registered_letter", status: "queued" });
    // 1 234,56 € due since 1 October: 46 days at the 2% legal rate, no flat costs for a person.
    expect(letter.body_text).toContain(
      "- capitale: € 1.234,56\n- interessi di mora (2% annuo): € 3,11\n- spese: € 0,00\n- totale dovuto: € 1.237,67",
    );

    const result = await print(seeded.tenantId, "2026-11-16T10:00:00Z");
    expect(result.letters).toBe(1);
    const { doc, manifest } = await printBatch(result.id);
    expect(manifest[0]).toMatchObject({ letter_id: letter.id, registered: "yes" });
    expect(pageText(doc, 0)).toContain("Raccomandata A/R");
    // The itemised amounts box, wherever it falls in the letter's pages.
    const pages = Array.from({ length: Number(manifest[0]?.page_count) }, (_, i) =>
      pageText(doc, i),
    );
    for (const label of ["Capitale", "Interessi (2% annuo)", "Spese", "Totale dovuto"]) {
      expect(pages.join("\n")).toContain(label);
    }

    const id = letter.id;
    const rows = [{ line: 2, messageId: id, trackingNumber: "RR123456789IT" }];
    const deps = { database, clock: fixedClock("2026-11-16T10:00:00Z") };
    const track = (r: TrackingRow[]) =>
      recordTrackingNumbers(deps, { tenantId: seeded.tenantId, rows: r });
    expect(await track(rows)).toEqual({ recorded: 1, unchanged: 0, rejected: [] });
    expect((await messageOf("action_id", actionId)).tracking_number).toBe("RR123456789IT");
    const timeline = await timelineOf(database, seeded.caseId);
    expect(timeline.find((e) => e.type === "letter.tracking")?.data).toEqual({
      message: id,
      trackingNumber: "RR123456789IT",
    });

    expect(await track(rows)).toEqual({ recorded: 0, unchanged: 1, rejected: [] });
    const unknown = randomUUID();
    const stray = await track([{ line: 7, messageId: unknown, trackingNumber: "RR987654321IT" }]);
    expect(stray).toEqual({
      recorded: 0,
      unchanged: 0,
      rejected: [{ line: 7, messageId: unknown, reason: "no such letter for this tenant" }],
    });
    expect((await types(seeded.caseId)).filter((t) => t === "letter.tracking")).toHaveLength(1);
  });
});
