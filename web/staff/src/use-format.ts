/** The format functions bound to the language in use. */
import { useMemo } from "react";
import {
  formatDay,
  formatInstant,
  formatMoney,
  formatNumber,
  formatTime,
  minorToInput,
  parseAmount,
} from "./format";
import { useI18n } from "./i18n/context";

export function useFormat() {
  const { language } = useI18n();
  return useMemo(
    () => ({
      money: (minor: number, currency: string) => formatMoney(minor, currency, language),
      moneyInput: (minor: number, currency: string) => minorToInput(minor, currency, language),
      parseMoney: parseAmount,
      day: (day: string) => formatDay(day, language),
      instant: (iso: string, timeZone?: string) => formatInstant(iso, language, timeZone),
      time: (iso: string) => formatTime(iso, language),
      number: (value: number) => formatNumber(value, language),
    }),
    [language],
  );
}
