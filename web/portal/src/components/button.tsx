import type { ButtonHTMLAttributes, MouseEvent } from "react";

type Props = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: "primary" | "secondary" | "quiet";
  /** While busy the button stays focusable (aria-disabled) but does nothing. */
  busy?: boolean;
};

/** A native button; `type` defaults to "button" so nothing submits by accident. */
export function Button({
  variant = "primary",
  busy = false,
  type = "button",
  className,
  onClick,
  children,
  ...rest
}: Props) {
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (busy) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      type={type}
      className={`button button-${variant}${className ? ` ${className}` : ""}`}
      aria-disabled={busy || undefined}
      onClick={handleClick}
      {...rest}
    >
      {children}
    </button>
  );
}
