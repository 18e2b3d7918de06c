import type { ReactNode, RefObject } from "react";
import { Field } from "./field";

/** The six-digit code the debtor received: numeric keypad, and the phone may fill it in itself. */
export function CodeField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  inputRef,
}: {
  id: string;
  label: ReactNode;
  hint: ReactNode;
  error: string | null | undefined;
  value: string;
  onChange: (value: string) => void;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <input
          {...control}
          ref={inputRef}
          className="input input-code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
