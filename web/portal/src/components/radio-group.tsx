import type { ReactNode } from "react";
import { describedBy, FieldError } from "./field";

export interface RadioOption<T extends string> {
  value: T;
  label: ReactNode;
  hint?: ReactNode;
  lang?: string;
}

/**
 * A radio's id: `name-value` for short plain values (csat-5, reason-already_paid),
 * `name-index` for the rest (contact point ids), so tests can aim at them.
 */
function radioId(name: string, value: string, index: number): string {
  return /^[a-z0-9_]{1,24}$/i.test(value) ? `${name}-${value}` : `${name}-${index}`;
}

/** Radio buttons in a fieldset whose legend is the question; the error is tied to the group. */
export function RadioGroup<T extends string>({
  name,
  legend,
  options,
  value,
  onChange,
  hint,
  error,
  scale = false,
}: {
  name: string;
  legend: ReactNode;
  options: readonly RadioOption<T>[];
  value: T | null;
  onChange: (value: T) => void;
  hint?: ReactNode;
  error?: string | null;
  /** Compact numbered choices side by side (survey scales). */
  scale?: boolean;
}) {
  const hintId = hint ? `${name}-hint` : null;
  const errorId = error ? `${name}-error` : null;
  return (
    <fieldset
      className={`radio-group${scale ? " scale" : ""}${error ? " field-invalid" : ""}`}
      aria-describedby={describedBy(hintId, errorId)}
    >
      <legend>{legend}</legend>
      {hint && hintId && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && errorId && <FieldError id={errorId}>{error}</FieldError>}
      <div className="choices">
        {options.map((option, index) => {
          const id = radioId(name, option.value, index);
          return (
            <div className="choice" key={option.value}>
              <label htmlFor={id} lang={option.lang}>
                <input
                  type="radio"
                  id={id}
                  name={name}
                  value={option.value}
                  checked={value === option.value}
                  onChange={() => onChange(option.value)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={option.hint ? `${id}-hint` : undefined}
                />
                <span>{option.label}</span>
              </label>
              {option.hint && (
                <span id={`${id}-hint`} className="hint choice-hint">
                  {option.hint}
                </span>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
