/**
 * fetch for the staff API: same-origin session cookie, JSON both ways, and one typed
 * error. The server answers every failure as `{ error: { code, message, details? } }`;
 * for a validation failure `details` names the fields in one of three ways: a list with
 * `instancePath` "/promise/dueDate" (the route's schema), a list with a zod `path`
 * array (a use case's parse), or `{ problems: [{ field, reason }] }` (a domain check).
 */

export const API = "/api/v1";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** Field messages keyed by dotted path ("promise.dueDate"), from a validation failure. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    const problems = (this.details as { problems?: unknown } | null)?.problems;
    if (Array.isArray(problems)) {
      for (const item of problems as { field?: unknown; reason?: unknown }[])
        if (typeof item?.field === "string" && typeof item.reason === "string")
          out[item.field] ??= item.reason;
      return out;
    }
    if (!Array.isArray(this.details)) return out;
    for (const item of this.details as unknown[]) {
      if (typeof item !== "object" || item === null) continue;
      const { instancePath, path, message } = item as {
        instancePath?: unknown;
        path?: unknown;
        message?: unknown;
      };
      const key =
        typeof instancePath === "string"
          ? instancePath.replace(/^\//, "").replaceAll("/", ".")
          : Array.isArray(path)
            ? path.join(".")
            : "";
      if (key && typeof message === "string" && !(key in out)) out[key] = message;
    }
    return out;
  }
}

let onUnauthenticated: () => void = () => {};

/** What to do when any call answers 401 (the session ended): the app goes to the login page. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

type Body = Record<string, unknown> | undefined;

export async function request<T>(
  method: "GET" | "POST" | "PUT",
  path: string,
  body?: Body,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${API}${path}`, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "network", "network error");
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string; details?: unknown } })
      ?.error;
    const failure = new ApiError(
      response.status,
      error?.code ?? "http_error",
      error?.message ?? response.statusText,
      error?.details,
    );
    // Logging in with a wrong password is a 401 too: that one is shown on the form.
    if (response.status === 401 && path !== "/auth/login") onUnauthenticated();
    throw failure;
  }
  return json as T;
}

export const get = <T>(path: string) => request<T>("GET", path);
export const post = <T>(path: string, body?: Body) => request<T>("POST", path, body ?? {});
export const put = <T>(path: string, body: Body) => request<T>("PUT", path, body);

/** "?a=1&b=x" from the values that are set; "" when none is. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}
