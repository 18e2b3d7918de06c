/** The two languages of the staff app; Italian is the default. The choice is kept in localStorage. */
export const LANGUAGES = ["it", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

const KEY = "saldo.staff.language";

export function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(KEY);
    return value === "en" ? "en" : "it";
  } catch {
    return "it";
  }
}

export function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(KEY, language);
  } catch {
    // Private mode: the choice lasts until the page is reloaded.
  }
}
