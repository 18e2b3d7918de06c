/** The language in use, its string table, and the switch. */
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import { en } from "./en";
import { it, type Messages } from "./it";
import { type Language, storedLanguage, storeLanguage } from "./language";

const TABLES: Record<Language, Messages> = { it, en };

type I18n = { language: Language; t: Messages; setLanguage: (language: Language) => void };

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18n>(
    () => ({
      language,
      t: TABLES[language],
      setLanguage: (next) => {
        storeLanguage(next);
        setLanguageState(next);
      },
    }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}
