import { describe, expect, it } from "vitest";
import { readDispositionCsv, readDispositionJson } from "./dialer-disposition-input";
import { outcomeOf, readDisposition } from "./dialer-dispositions";
import { dialerListLine, localMinute } from "./dialer-list";
import { checkDialerSignature, signDialerWebhook } from "./dialer-signature";

const NOW = new Date("2026-11-24T09:00:00Z");
const TASK = "0b0e8a52-4d1c-4a53-9a0e-6f3f8d3a1c11";
const ctx = { now: NOW, country: "IT", naming: "csv" as const };

describe("dialer outcomes", () => {
  it.each([
    ["A", "voicemail"],
    ["aa", "voicemail"],
    ["AM", "voicemail"],
    ["AL", "voicemail"],
    ["B", "busy"],
    ["AB", "busy"],
    ["NA", "no_answer"],
    ["N", "no_answer"],
    ["DROP", "no_answer"],
    ["PDROP", "no_answer"],
    ["DC", "wrong_number"],
    ["ADC", "wrong_number"],
    ["DNC", "refused"],
    ["NI", "refused"],
    ["CallBk", "callback_requested"],
    ["SALE", "promise_to_pay"],
    ["PTP", "promise_to_pay"],
    ["XFER", "right_party_contact"],
    [" Hardship ", "hardship"],
    ["already_paid", "already_paid"],
  ])("%s is %s", (code, outcome) => {
    expect(outcomeOf(code)).toBe(outcome);
  });

  it("knows no other code", () => {
    expect(outcomeOf("SALEX")).toBeNull();
    expect(outcomeOf("")).toBeNull();
  });
});

describe("reading a disposition", () => {
  const row = (cells: Record<string, string>) =>
    readDisposition(
      { line: 7, cells: { task_id: TASK, call_id: "V-1", duration_seconds: "9", ...cells } },
      ctx,
    );

  it("reads a national number in the tenant's country as E.164", () => {
    const read = row({ outcome: "DC", phone: "347 123 4567" });
    expect(read).toMatchObject({
      ok: true,
      value: { outcome: "wrong_number", phone: "+393471234567" },
    });
  });

  it("names every bad field with the row's line", () => {
    const read = row({ outcome: "SALE", promise_amount_minor: "-5", duration_seconds: "1.5" });
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problems.map((p) => [p.line, p.field])).toEqual([
      [7, "duration_seconds"],
      [7, "promise_amount_minor"],
      [7, "promise_due_date"],
    ]);
  });

  it("needs a callback time ahead, in the webhook's names for JSON", () => {
    const read = readDisposition(
      {
        line: 1,
        cells: {
          task_id: TASK,
          call_id: "W",
          duration_seconds: "0",
          outcome: "CALLBK",
          callback_at: "2026-11-23T10:00:00Z",
        },
      },
      { ...ctx, naming: "json" },
    );
    expect(!read.ok && read.problems).toEqual([
      { line: 1, field: "callbackAt", reason: "the callback time is in the past" },
    ]);
  });
});

describe("dialer input", () => {
  it("counts lines across blank lines and line breaks inside quotes; ignores other columns", () => {
    const csv = `\uFEFFlead_id;task_id;outcome;call_id;duration_seconds;notes\r\n1;${TASK};NA;V-1;0;"two\r\nlines"\r\n\r\n2;${TASK};B;V-2;3;x\r\n`;
    const { rows } = readDispositionCsv(csv);
    expect(rows.map((r) => [r.line, r.cells.call_id, r.cells.notes])).toEqual([
      [2, "V-1", "two\r\nlines"],
      [5, "V-2", "x"],
    ]);
  });

  it("takes one object or a list, numbers as text", () => {
    expect(readDispositionJson({ taskId: TASK, durationSeconds: 4 }).rows).toEqual([
      { line: 1, cells: { task_id: TASK, duration_seconds: "4" } },
    ]);
    const listed = readDispositionJson({ dispositions: [{ callId: "x" }, 3, { notes: {} }] });
    expect(listed.rows).toHaveLength(1);
    expect(listed.problems).toEqual([
      { line: 2, field: "dispositions", reason: "not an object" },
      { line: 3, field: "notes", reason: "a string or a number" },
    ]);
  });
});

describe("dialer list line", () => {
  it("writes E.164 as is and neutralises a formula in a name", () => {
    const line = dialerListLine({
      taskId: TASK,
      caseReference: "C-1",
      debtorName: '=HYPERLINK("x")',
      phoneE164: "+393471234567",
      language: "it",
      timeZone: "Europe/Rome",
      windowStart: NOW,
      windowEnd: new Date("2026-11-24T20:00:00Z"),
      priority: 310,
      balanceMinor: 12_345n,
      currency: "EUR",
      attempt: 1,
    });
    expect(line).toBe(
      `${TASK},C-1,"'=HYPERLINK(""x"")",+393471234567,it,Europe/Rome,2026-11-24T10:00,2026-11-24T21:00,` +
        "2026-11-24T09:00:00Z,2026-11-24T20:00:00Z,310,12345,EUR,1\r\n",
    );
  });

  it("reads the local time across the DST change", () => {
    expect(localMinute(new Date("2026-03-29T00:59:00Z"), "Europe/Rome")).toBe("2026-03-29T01:59");
    expect(localMinute(new Date("2026-03-29T01:00:00Z"), "Europe/Rome")).toBe("2026-03-29T03:00");
  });
});

describe("webhook signature", () => {
  const secret = "s".repeat(32);
  const body = Buffer.from('{"taskId":"x"}');
  const at = String(NOW.getTime() / 1000);
  const check = (over: Partial<Parameters<typeof checkDialerSignature>[0]>) =>
    checkDialerSignature({
      rawBody: body,
      timestamp: at,
      signature: signDialerWebhook(body, at, secret),
      secret,
      now: NOW,
      ...over,
    });

  it("accepts the signature of the timestamp and body", () => {
    expect(check({})).toEqual({ ok: true });
    expect(check({ now: new Date(NOW.getTime() + 299_000) })).toEqual({ ok: true });
  });

  it("refuses a changed body or timestamp, an old one, another key, a missing header", () => {
    expect(check({ rawBody: Buffer.from('{"taskId":"y"}') })).toMatchObject({
      problem: "mismatch",
    });
    expect(check({ timestamp: String(Number(at) + 1) })).toMatchObject({ problem: "mismatch" });
    expect(check({ now: new Date(NOW.getTime() + 301_000) })).toMatchObject({ problem: "stale" });
    expect(check({ secret: "t".repeat(32) })).toMatchObject({ problem: "mismatch" });
    expect(check({ signature: undefined })).toMatchObject({ problem: "missing" });
    expect(check({ signature: "sha1=abc" })).toMatchObject({ problem: "malformed" });
  });
});
