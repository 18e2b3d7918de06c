import type { AnchorHTMLAttributes, MouseEvent } from "react";
import { useApp } from "../app-context";
import { navigate, PATHS } from "../router";

/** A real <a href> that moves inside the app without reloading; new-tab clicks work as usual. */
export function Link({
  to,
  onClick,
  children,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={handleClick} {...rest}>
      {children}
    </a>
  );
}

/** "Back to your account", above a sub-page's heading. */
export function BackLink() {
  const { t } = useApp();
  return (
    <p className="back">
      <Link to={PATHS.overview}>
        <span aria-hidden="true">←</span>
        {t.common.backToAccount}
      </Link>
    </p>
  );
}
