import { NativeSelect } from "@mantine/core";
import { useI18n } from "../i18n/context";
import { LANGUAGES, type Language } from "../i18n/language";

/** Italiano / English, kept in localStorage. Each name is written in its own language. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <NativeSelect
      id="language"
      size="xs"
      aria-label={t.common.language}
      title={t.common.language}
      value={language}
      onChange={(event) => setLanguage(event.currentTarget.value as Language)}
      data={LANGUAGES.map((code) => ({ value: code, label: t.common.languageNames[code] ?? code }))}
    />
  );
}
