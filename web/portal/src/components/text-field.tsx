import type { HTMLAttributes, ReactNode, RefObject } from "react";
import { Field } from "./field";

/** A labelled one-line text input with its hint and announced error. */
export function TextField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  inputMode = "text",
  autoComplete = "off",
  className = "input",
  inputRef,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error: string | null | undefined;
  value: string;
  onChange: (value: string) => void;
  inputMode?: HTMLAttributes<HTMLInputElement>["inputMode"];
  autoComplete?: string;
  className?: string;
  inputRef?: RefObject<HTMLInputElement | null>;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <input
          {...control}
          ref={inputRef}
          className={className}
          type="text"
          inputMode={inputMode}
          autoComplete={autoComplete}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
