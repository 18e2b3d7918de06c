import { Alert } from "@mantine/core";
import { ApiError } from "../api/client";
import { useI18n } from "../i18n/context";
import type { Messages } from "../i18n/it";

/** A failure in words: ours for the codes we know, the server's message otherwise. */
export function errorText(t: Messages, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === "network") return t.common.networkError;
    const ours = Object.hasOwn(t.errors, error.code) ? t.errors[error.code] : undefined;
    if (error.code === "validation_failed" && Object.keys(error.fieldErrors()).length === 0)
      return error.message;
    return ours ?? (error.status >= 500 ? t.common.genericError : error.message);
  }
  return t.common.genericError;
}

/** An API error as an alert (role="alert", so it is announced). */
export function ApiErrorAlert({ error, id }: { error: unknown; id?: string }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <Alert id={id} color="red" variant="light" title={t.common.error} role="alert" my="sm">
      {errorText(t, error)}
    </Alert>
  );
}
