import { type ReactNode, useEffect, useRef } from "react";
import { useApp } from "../app-context";
import { useLocation } from "../router";

let focusedForNavigation = 0;

/**
 * The page's one <h1>. It names the document and, after every navigation, takes the
 * focus (tabIndex -1) so keyboard and screen-reader users start at the new page.
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const { t, brand } = useApp();
  const { navigations } = useLocation();
  const ref = useRef<HTMLHeadingElement>(null);
  const site = brand?.name ?? t.common.portalName;

  useEffect(() => {
    document.title = title === site ? title : `${title} – ${site}`;
  }, [title, site]);

  useEffect(() => {
    if (navigations === 0) return;
    const active = document.activeElement;
    const focusIsFree = !active || active === document.body || active.tagName === "H1";
    if (navigations !== focusedForNavigation || focusIsFree) {
      focusedForNavigation = navigations;
      ref.current?.focus();
    }
  }, [navigations]);

  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children ?? title}
    </h1>
  );
}
