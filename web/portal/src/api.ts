/**
 * The portal's only way to the server: JSON over fetch, same-origin cookies, the
 * CSRF token on every request that changes something once the case has given
 * one, and error bodies turned into ApiError with the server's stable code.
 */

const BASE = "/api/portal";
const TIMEOUT_MS = 30_000;

/** Codes the app reacts to; any other code the server sends is kept as a plain string. */
export type KnownErrorCode =
  | "link_invalid"
  | "link_expired"
  | "code_invalid"
  | "entry_locked"
  | "too_many_codes"
  | "portal_session_required"
  | "csrf_failed"
  | "promise_refused"
  | "network_error"
  | "bad_response";

export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: KnownErrorCode | (string & Record<never, never>),
    message: string,
    readonly details: Record<string, unknown>,
    /** The whole error body, for fields outside `error` (link_expired carries `creditor`). */
    readonly body: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function isApiError(value: unknown, code?: KnownErrorCode): value is ApiError {
  return value instanceof ApiError && (code === undefined || value.code === code);
}

let csrfToken: string | null = null;
const sessionEndedListeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called whenever the server says the session is missing or over. */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

type Method = "GET" | "POST" | "PUT" | "DELETE";

async function send(method: Method, path: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken !== null) headers["x-csrf-token"] = csrfToken;
  try {
    return await fetch(BASE + path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? null : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (cause) {
    throw new ApiError(0, "network_error", String(cause), {}, {});
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.trim() === "") return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(response.status, "bad_response", "The answer is not JSON", {}, {});
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

function toError(status: number, payload: unknown): ApiError {
  const body = asRecord(payload);
  const error = asRecord(body.error);
  const code = typeof error.code === "string" ? error.code : `http_${status}`;
  const message = typeof error.message === "string" ? error.message : "";
  return new ApiError(status, code, message, asRecord(error.details), body);
}

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let response = await send(method, path, body);
  if (response.status === 403 && method !== "GET") {
    const payload = await readJson(response).catch(() => null);
    const error = toError(403, payload);
    if (error.code !== "csrf_failed") throw error;
    // The token may have rotated: fetch a fresh one and try once more.
    const fresh = asRecord(await request<unknown>("GET", "/case"));
    if (typeof fresh.csrfToken !== "string") throw error;
    setCsrfToken(fresh.csrfToken);
    response = await send(method, path, body);
  }
  const payload = await readJson(response);
  if (response.ok) return payload as T;
  const error = toError(response.status, payload);
  if (error.code === "portal_session_required") {
    for (const listener of sessionEndedListeners) listener();
  }
  throw error;
}

export const api = {
  get: <T>(path: string) => request<T>("GET", path),
  post: <T>(path: string, body: unknown = {}) => request<T>("POST", path, body),
  put: <T>(path: string, body: unknown) => request<T>("PUT", path, body),
};
