import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Six-digit one-time codes for signing documents and entering the portal. Only an HMAC of
 * the code is stored, bound to what the code is for (purpose) and to what it signs
 * (subject, e.g. the plan id): a code sent for one plan never signs another.
 */

/** What a code is for and what it signs; both go into the hash. */
export interface CodeBinding {
  /** e.g. "plan.sign", "portal.login". */
  purpose: string;
  /** e.g. the plan id, or the debtor id for a login. */
  subject: string;
}

export interface IssuedCode {
  /** Six digits, to send to the debtor; never stored. */
  code: string;
  /** HMAC-SHA256 hex of the code with its binding: what is stored. */
  codeHash: string;
  expiresAt: Date;
}

export interface StoredCode {
  codeHash: string;
  expiresAt: Date;
  /** Wrong attempts so far. */
  attempts: number;
  maxAttempts?: number;
}

export type CodeCheck = "ok" | "wrong" | "expired" | "locked";

export const CODE_DIGITS = 6;
export const DEFAULT_CODE_TTL_MINUTES = 10;
export const DEFAULT_MAX_ATTEMPTS = 5;

const CODE_SPACE = 10 ** CODE_DIGITS;
/** The largest multiple of 10^6 below 2^32: draws at or above it are thrown away (no bias). */
const ACCEPT_BELOW = Math.floor(2 ** 32 / CODE_SPACE) * CODE_SPACE;
/** Each draw is rejected with probability < 0.03 %; this many in a row means a broken source. */
const MAX_DRAWS = 64;

export function issueOneTimeCode(
  random: (bytes: number) => Buffer,
  secret: Buffer | string,
  binding: CodeBinding,
  now: Date,
  ttlMinutes = DEFAULT_CODE_TTL_MINUTES,
): IssuedCode {
  const code = uniformCode(random);
  return {
    code,
    codeHash: hashCode(secret, binding, code),
    expiresAt: new Date(now.getTime() + ttlMinutes * 60_000),
  };
}

/**
 * Checks an attempt. The caller records every "wrong" (attempts + 1, with a conditional
 * update so parallel guesses cannot exceed the limit) and consumes the code on "ok".
 * Spaces and dashes people type ("123 456") are ignored.
 */
export function checkOneTimeCode(
  stored: StoredCode,
  attempt: string,
  secret: Buffer | string,
  binding: CodeBinding,
  now: Date,
): CodeCheck {
  if (stored.attempts >= (stored.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)) return "locked";
  if (now.getTime() >= stored.expiresAt.getTime()) return "expired";
  const typed = attempt.replace(/[\s-]/g, "");
  if (!/^\d+$/.test(typed) || typed.length !== CODE_DIGITS) return "wrong";
  const expected = Buffer.from(stored.codeHash, "hex");
  const given = Buffer.from(hashCode(secret, binding, typed), "hex");
  return expected.length === given.length && timingSafeEqual(expected, given) ? "ok" : "wrong";
}

/** Rejection sampling over 32-bit draws: every code from 000000 to 999999 equally likely. */
function uniformCode(random: (bytes: number) => Buffer): string {
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const bytes = random(4);
    if (bytes.length < 4) throw new Error("the random source returned fewer bytes than asked");
    const value = bytes.readUInt32BE(0);
    if (value < ACCEPT_BELOW) return String(value % CODE_SPACE).padStart(CODE_DIGITS, "0");
  }
  throw new Error("the random source keeps returning out-of-range values");
}

/** Length-prefixed fields, so ("a.b", "c") and ("a", "b.c") never hash alike. */
function hashCode(secret: Buffer | string, binding: CodeBinding, code: string): string {
  const mac = createHmac("sha256", secret).update("saldo.one-time-code.v1");
  for (const field of [binding.purpose, binding.subject, code]) {
    const bytes = Buffer.from(field, "utf8");
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    mac.update(length).update(bytes);
  }
  return mac.digest("hex");
}
