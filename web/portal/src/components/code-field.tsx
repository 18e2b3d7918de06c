import type { ReactNode, RefObject } from "react";
import { TextField } from "./text-field";

/** The six-digit code the debtor received: numeric keypad, and the phone may fill it in itself. */
export function CodeField(props: {
  id: string;
  label: ReactNode;
  hint: ReactNode;
  error: string | null | undefined;
  value: string;
  onChange: (value: string) => void;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  return (
    <TextField
      {...props}
      className="input input-code"
      inputMode="numeric"
      autoComplete="one-time-code"
    />
  );
}
