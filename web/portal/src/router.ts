/**
 * A tiny router over history.pushState / popstate for the paths in docs/portal.md.
 * `navigations` counts moves made after the first load, so pages know when to move
 * focus to their heading.
 */
import { useSyncExternalStore } from "react";

export type Route =
  | { name: "entry"; token: string }
  | { name: "overview" }
  | { name: "pay" }
  | { name: "paid"; checkout: string | null }
  | { name: "promise" }
  | { name: "plan" }
  | { name: "why" }
  | { name: "preferences" }
  | { name: "messages" }
  | { name: "survey" }
  | { name: "notFound" };

export type PortalRouteName = Exclude<Route["name"], "entry" | "notFound">;

export const PATHS: Record<PortalRouteName, string> = {
  overview: "/portal",
  pay: "/portal/pay",
  paid: "/portal/paid",
  promise: "/portal/promise",
  plan: "/portal/plan",
  why: "/portal/why",
  preferences: "/portal/preferences",
  messages: "/portal/messages",
  survey: "/portal/survey",
};

export function matchRoute(pathname: string, search: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  const entry = /^\/p\/([^/]+)$/.exec(path);
  if (entry?.[1]) {
    try {
      return { name: "entry", token: decodeURIComponent(entry[1]) };
    } catch {
      return { name: "notFound" };
    }
  }
  if (path === PATHS.paid) {
    return { name: "paid", checkout: new URLSearchParams(search).get("checkout") };
  }
  for (const [name, known] of Object.entries(PATHS)) {
    if (known === path) return { name: name as Exclude<PortalRouteName, "paid"> };
  }
  return { name: "notFound" };
}

interface Location {
  pathname: string;
  search: string;
  navigations: number;
}

let current: Location = {
  pathname: window.location.pathname,
  search: window.location.search,
  navigations: 0,
};
const listeners = new Set<() => void>();

function update(): void {
  const { pathname, search } = window.location;
  // A change of #fragment alone (the skip link, say) is not a navigation.
  if (pathname === current.pathname && search === current.search) return;
  current = {
    pathname: window.location.pathname,
    search: window.location.search,
    navigations: current.navigations + 1,
  };
  for (const listener of listeners) listener();
}

window.addEventListener("popstate", update);

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, "", path);
  else window.history.pushState(null, "", path);
  window.scrollTo(0, 0);
  current = { ...current, pathname: "" }; // so that even the same path counts as a navigation
  update();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLocation(): Location {
  return useSyncExternalStore(subscribe, () => current);
}

/** How many navigations have happened, read outside React (for focus decisions). */
export function navigationCount(): number {
  return current.navigations;
}
