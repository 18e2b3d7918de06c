/** What every page may read: the language and its strings, the brand, the case, an announcer. */
import { createContext, useContext } from "react";
import type { Messages } from "./i18n/it";
import type { Creditor, Language, PortalCase } from "./types";

export interface AppContextValue {
  language: Language;
  t: Messages;
  /** `remember` keeps the person's own choice over what the server says. */
  setLanguage: (language: Language, remember: boolean) => void;
  brand: Creditor | null;
  setBrand: (creditor: Creditor) => void;
  /** Says a short text to screen readers through the layout's live region. */
  announce: (text: string) => void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error("useApp outside <AppContext>");
  return value;
}

export interface CaseContextValue {
  portalCase: PortalCase;
  /** Loads the case again (after a payment, promise, plan…); resolves to the fresh case. */
  reloadCase: () => Promise<PortalCase | null>;
}

export const CaseContext = createContext<CaseContextValue | null>(null);

export function useCase(): CaseContextValue {
  const value = useContext(CaseContext);
  if (!value) throw new Error("useCase outside <CaseContext>");
  return value;
}
