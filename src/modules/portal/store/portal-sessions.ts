/**
 * Debtor sessions: a random token in an HttpOnly cookie, only its SHA-256 in the
 * database; idle sessions end after SESSION_IDLE_MINUTES, all after SESSION_MAX_HOURS.
 */
import { createHash, randomBytes } from "node:crypto";
import type pg from "pg";
import { SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } from "../domain/entry-rules.js";

export interface PortalSession {
  tenantId: string;
  caseId: string;
}

const hashOf = (token: string) => createHash("sha256").update(token).digest();

export async function createPortalSession(
  pool: pg.Pool | pg.PoolClient,
  input: {
    tenantId: string;
    caseId: string;
    method: "sms" | "email" | "knowledge";
    ip: string;
    userAgent: string | undefined;
    now: Date;
  },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await pool.query(
    `insert into portal_sessions (token_hash, tenant_id, case_id, method, ip, user_agent, created_at, last_seen_at, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7, $7, $7::timestamptz + make_interval(mins => $8))`,
    [
      hashOf(token),
      input.tenantId,
      input.caseId,
      input.method,
      input.ip,
      input.userAgent?.slice(0, 300) ?? null,
      input.now,
      SESSION_IDLE_MINUTES,
    ],
  );
  return token;
}

/** The live session for this token, its idle timer restarted; null when unknown, ended or expired. */
export async function touchPortalSession(
  pool: pg.Pool | pg.PoolClient,
  token: string,
  now: Date,
): Promise<PortalSession | null> {
  const { rows } = await pool.query<{ tenant_id: string; case_id: string }>(
    `update portal_sessions set last_seen_at = $2,
       expires_at = least($2::timestamptz + make_interval(mins => $3), created_at + make_interval(hours => $4))
     where token_hash = $1 and ended_at is null and expires_at > $2
     returning tenant_id, case_id`,
    [hashOf(token), now, SESSION_IDLE_MINUTES, SESSION_MAX_HOURS],
  );
  const row = rows[0];
  return row ? { tenantId: row.tenant_id, caseId: row.case_id } : null;
}

export async function endPortalSession(pool: pg.Pool, token: string, now: Date): Promise<void> {
  await pool.query(
    "update portal_sessions set ended_at = $2 where token_hash = $1 and ended_at is null",
    [hashOf(token), now],
  );
}
