import { type ReactNode, useEffect, useRef } from "react";
import { isApiError } from "../api";
import { useApp } from "../app-context";

/**
 * A message box. Errors are role="alert" (announced at once); the others are
 * role="status". `focus` moves the keyboard to it when it replaces the form the
 * person was using, so the focus never falls back to the top of the page.
 */
export function Alert({
  tone,
  title,
  children,
  focus = false,
  id,
}: {
  tone: "error" | "info" | "success" | "warning";
  title?: ReactNode;
  children?: ReactNode;
  focus?: boolean;
  id?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <div
      ref={ref}
      id={id}
      className={`alert alert-${tone}`}
      role={tone === "error" ? "alert" : "status"}
      tabIndex={focus ? -1 : undefined}
    >
      {title && <p className="alert-title">{title}</p>}
      {children}
    </div>
  );
}

/** A failed load or action in plain words, with an optional "try again". */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useApp();
  const text = isApiError(error, "network_error") ? t.common.networkError : t.common.genericError;
  return (
    <Alert tone="error">
      <p>{text}</p>
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t.common.retry}
        </button>
      )}
    </Alert>
  );
}

export function Loading() {
  const { t } = useApp();
  return (
    <p className="loading" role="status">
      {t.common.loading}
    </p>
  );
}
