/**
 * What a dialer reports back about a call, read and checked field by field: the
 * same fields for a CSV row (snake_case columns) and a webhook object (camelCase).
 * Outcomes are Saldo's own codes or the common VICIdial statuses. A bad field is a
 * problem with the row's line and the field's name; the row is then left out.
 */
import {
  type CountryCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
} from "libphonenumber-js";
import { z } from "zod";
import { isRealIsoDate } from "../../../platform/iso-date";
import { dispositionProblems, OUTCOMES, type Outcome } from "./outcomes";

export const DISPOSITION_COLUMNS = [
  "task_id",
  "outcome",
  "ended_at",
  "duration_seconds",
  "phone",
  "notes",
  "call_id",
  "promise_amount_minor",
  "promise_due_date",
  "callback_at",
  "payment_amount_minor",
] as const;
export type DispositionColumn = (typeof DISPOSITION_COLUMNS)[number];

/** A CSV file without these columns is refused as a whole. */
export const REQUIRED_COLUMNS: readonly DispositionColumn[] = [
  "task_id",
  "outcome",
  "call_id",
  "duration_seconds",
];

/** The webhook's JSON names: the columns in camelCase. */
export const JSON_NAMES = Object.fromEntries(
  DISPOSITION_COLUMNS.map((c) => [c, c.replace(/_([a-z])/g, (_m, l: string) => l.toUpperCase())]),
) as Record<DispositionColumn, string>;

/** VICIdial's system and common campaign statuses, as Saldo's outcomes. */
export const VICIDIAL_STATUSES: Readonly<Record<string, Outcome>> = {
  A: "voicemail",
  AA: "voicemail",
  AM: "voicemail",
  AL: "voicemail",
  B: "busy",
  AB: "busy",
  NA: "no_answer",
  N: "no_answer",
  DROP: "no_answer",
  PDROP: "no_answer",
  DC: "wrong_number",
  ADC: "wrong_number",
  DNC: "refused",
  NI: "refused",
  CALLBK: "callback_requested",
  SALE: "promise_to_pay",
  PTP: "promise_to_pay",
  XFER: "right_party_contact",
};

/** Saldo's outcome for a code, whatever its case: "busy", "B", "callbk". */
export function outcomeOf(code: string): Outcome | null {
  const text = code.trim();
  const own = OUTCOMES.find((o) => o === text.toLowerCase());
  return own ?? VICIDIAL_STATUSES[text.toUpperCase()] ?? null;
}

export interface RawDisposition {
  /** The CSV line of the row, or the position in the webhook's list (1 = first). */
  line: number;
  cells: Partial<Record<DispositionColumn, string>>;
}

export interface DialerDisposition {
  line: number;
  taskId: string;
  outcome: Outcome;
  callId: string;
  durationSeconds: number;
  endedAt?: Date;
  phone?: string;
  notes?: string;
  promise?: { amountMinor: bigint; dueDate: string };
  paymentAmountMinor?: bigint;
  callbackAt?: Date;
}

export interface RowProblem {
  line: number;
  field: string;
  reason: string;
}

export interface ReadContext {
  now: Date;
  /** How a number without its international prefix is read (the tenant's country). */
  country: string;
  naming: "csv" | "json";
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const instant = z.iso.datetime({ offset: true });
/** Clocks drift: a call may end this far in Saldo's future. */
const SKEW_MS = 5 * 60_000;

export type ReadResult =
  | { ok: true; value: DialerDisposition }
  | { ok: false; problems: RowProblem[] };

/** One row checked field by field; every problem in it is reported. */
export function readDisposition(row: RawDisposition, ctx: ReadContext): ReadResult {
  const problems: RowProblem[] = [];
  const name = (c: DispositionColumn) => (ctx.naming === "csv" ? c : JSON_NAMES[c]);
  const problem = (c: DispositionColumn, reason: string) =>
    problems.push({ line: row.line, field: name(c), reason });
  const cell = (c: DispositionColumn) => row.cells[c]?.trim() ?? "";
  const required = (c: DispositionColumn) => {
    const text = cell(c);
    if (!text) problem(c, "required");
    return text;
  };

  const taskId = required("task_id");
  if (taskId && !UUID.test(taskId)) problem("task_id", "not a task id from the exported list");
  const code = required("outcome");
  const outcome = code ? outcomeOf(code) : null;
  if (code && !outcome)
    problem("outcome", `unknown outcome "${code}": a Saldo outcome or a VICIdial status`);
  const callId = required("call_id");
  if (callId.length > 100) problem("call_id", "at most 100 characters");

  const durationText = required("duration_seconds");
  const durationSeconds = Number(durationText);
  if (durationText && (!/^\d{1,5}$/.test(durationText) || durationSeconds > 86_400))
    problem("duration_seconds", "whole seconds from 0 to 86400");

  const endedAt = at("ended_at");
  if (endedAt && endedAt.getTime() > ctx.now.getTime() + SKEW_MS)
    problem("ended_at", "is in the future");
  const notes = cell("notes");
  if (notes.length > 2000) problem("notes", "at most 2000 characters");
  const phone = phoneOf(cell("phone"));
  if (outcome === "wrong_number" && !cell("phone"))
    problem("phone", "a wrong number needs the number dialled");

  let promise: DialerDisposition["promise"];
  if (outcome === "promise_to_pay") {
    const amountMinor = minor("promise_amount_minor", true);
    const dueDate = required("promise_due_date");
    if (dueDate && !isRealIsoDate(dueDate)) problem("promise_due_date", "a date as YYYY-MM-DD");
    if (amountMinor !== undefined && dueDate) promise = { amountMinor, dueDate };
  }
  const paymentAmountMinor =
    outcome === "payment_taken" ? minor("payment_amount_minor") : undefined;
  const callbackAt = outcome === "callback_requested" ? at("callback_at") : undefined;
  if (outcome) {
    // What the outcome itself needs (a callback time ahead, a payment's amount), as for an
    // agent; the promise was checked above, column by column.
    const columns: Record<string, DispositionColumn> = {
      callbackAt: "callback_at",
      paymentAmountMinor: "payment_amount_minor",
    };
    const needs = dispositionProblems(
      { outcome, promise, paymentAmountMinor, callbackAt },
      ctx.now,
    );
    for (const p of needs) {
      const column = columns[p.field];
      if (column && !problems.some((q) => q.field === name(column))) problem(column, p.reason);
    }
  }
  if (problems.length > 0 || !outcome) return { ok: false, problems };
  return {
    ok: true,
    value: {
      line: row.line,
      taskId,
      outcome,
      callId,
      durationSeconds,
      ...(endedAt ? { endedAt } : {}),
      ...(phone ? { phone } : {}),
      ...(notes ? { notes } : {}),
      ...(promise ? { promise } : {}),
      ...(paymentAmountMinor !== undefined ? { paymentAmountMinor } : {}),
      ...(callbackAt ? { callbackAt } : {}),
    },
  };

  function at(c: DispositionColumn): Date | undefined {
    const text = cell(c);
    if (!text) return undefined;
    if (!instant.safeParse(text).success) {
      problem(c, "an ISO 8601 instant with its offset, e.g. 2026-11-24T10:15:00+01:00");
      return undefined;
    }
    return new Date(text);
  }

  function minor(c: DispositionColumn, mustHave = false): bigint | undefined {
    const text = mustHave ? required(c) : cell(c);
    if (!text) return undefined;
    if (!/^\d{1,15}$/.test(text) || BigInt(text) === 0n) {
      problem(c, "a positive whole number of minor units (cents)");
      return undefined;
    }
    return BigInt(text);
  }

  function phoneOf(text: string): string | undefined {
    if (!text) return undefined;
    const country: CountryCode | undefined = isSupportedCountry(ctx.country)
      ? ctx.country
      : undefined;
    const parsed = parsePhoneNumberFromString(text, country);
    if (text.length > 32 || !parsed?.isValid()) {
      problem("phone", "not a valid phone number");
      return undefined;
    }
    return parsed.number;
  }
}
