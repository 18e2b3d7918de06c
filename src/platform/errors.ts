/**
 * One error type with stable codes. Each code maps to one HTTP status here,
 * so routes never choose status codes by hand.
 */
const STATUS = {
  bad_request: 400,
  validation_failed: 400,
  strategy_invalid: 400,
  unauthenticated: 401,
  code_invalid: 401,
  portal_session_required: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  link_invalid: 404,
  tenant_not_found: 404,
  debtor_not_found: 404,
  invoice_not_found: 404,
  case_not_found: 404,
  import_not_found: 404,
  user_not_found: 404,
  strategy_version_not_found: 404,
  conflict: 409,
  case_closed: 409,
  email_taken: 409,
  already_answered: 409,
  link_expired: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  policy_loosening_not_approved: 422,
  template_invalid: 422,
  promise_refused: 422,
  contact_blocked: 422,
  rate_limited: 429,
  entry_locked: 429,
  too_many_codes: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound = (code: ErrorCode, what: string) => new AppError(code, `${what} not found`);
