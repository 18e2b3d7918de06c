/**
 * Keyboard shortcuts of the disposition form: digits for the frequent outcomes, a
 * letter for the rest. They are ignored while the user types in a text field.
 */
import type { Outcome } from "../../api/types";

export const OUTCOME_KEYS: Record<Outcome, string> = {
  right_party_contact: "1",
  promise_to_pay: "2",
  payment_taken: "3",
  callback_requested: "4",
  no_answer: "5",
  busy: "6",
  voicemail: "7",
  wrong_number: "8",
  third_party: "9",
  refused: "0",
  dispute: "d",
  hardship: "h",
  already_paid: "a",
};

const BY_KEY = new Map(Object.entries(OUTCOME_KEYS).map(([outcome, key]) => [key, outcome]));

export function outcomeForKey(key: string): Outcome | undefined {
  return BY_KEY.get(key.toLowerCase()) as Outcome | undefined;
}

const NOT_TEXT = new Set(["radio", "checkbox", "button", "submit", "reset", "range", "color"]);

/** True when keys go into a field (text, number, date, textarea, select, editable). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !NOT_TEXT.has(target.type);
  return false;
}
