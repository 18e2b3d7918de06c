/**
 * The debtor's session on portal routes: the HttpOnly cookie names it, and every
 * request that changes something also carries the CSRF token the overview handed
 * out (an HMAC of the session token), on top of the SameSite=Strict cookie.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../../platform/errors.js";
import type { AppDeps } from "../../../platform/http/server.js";
import { SESSION_MAX_HOURS } from "../domain/entry-rules.js";
import { type PortalSession, touchPortalSession } from "../store/portal-sessions.js";

export const PORTAL_COOKIE = "saldo_portal";
export const CSRF_HEADER = "x-csrf-token";
/** Portal bodies are small (the proof upload excepted); the API's large limit is for imports. */
export const SMALL_BODY = 16 * 1024;

export function csrfTokenFor(deps: Pick<AppDeps, "channels">, sessionToken: string): string {
  return createHmac("sha256", deps.channels.codeKey)
    .update(`portal.csrf:${sessionToken}`)
    .digest("base64url");
}

/** The debtor's live session; `write` also demands the CSRF header. */
export async function requirePortalSession(
  request: FastifyRequest,
  deps: Pick<AppDeps, "database" | "clock" | "channels">,
  options: { write: boolean },
): Promise<PortalSession & { token: string }> {
  const token = request.cookies[PORTAL_COOKIE];
  const session = token
    ? await touchPortalSession(deps.database.pool, token, deps.clock.now())
    : null;
  if (!token || !session)
    throw new AppError(
      "portal_session_required",
      "the session has ended: open the link in your latest message again",
    );
  if (options.write) {
    const sent = Buffer.from(String(request.headers[CSRF_HEADER] ?? ""));
    const expected = Buffer.from(csrfTokenFor(deps, token));
    if (sent.length !== expected.length || !timingSafeEqual(sent, expected))
      throw new AppError("csrf_failed", `the ${CSRF_HEADER} header is missing or wrong`);
  }
  return { ...session, token };
}

export function setPortalCookie(
  reply: FastifyReply,
  deps: Pick<AppDeps, "secureCookies">,
  token: string,
): void {
  reply.setCookie(PORTAL_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    secure: deps.secureCookies,
    path: "/",
    maxAge: SESSION_MAX_HOURS * 3600,
  });
}

export function clearPortalCookie(reply: FastifyReply, deps: Pick<AppDeps, "secureCookies">) {
  reply.clearCookie(PORTAL_COOKIE, {
    httpOnly: true,
    sameSite: "strict",
    secure: deps.secureCookies,
    path: "/",
  });
}
