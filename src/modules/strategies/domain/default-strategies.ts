/**
 * The strategies Saldo ships with, seeded as version 1 for every new tenant.
 * Good practice they follow: caring before the due date, a first reminder right
 * after it, an agent call a few days later, a letter, a formal notice by
 * registered letter or PEC, and a legal review at the end. Every step names a
 * template id (see DEFAULT_TEMPLATES) rendered in Italian and English.
 */
import type { Stage } from "../../cases/domain/stage.js";
import type { Channel } from "../../policy/domain/contact.js";
import {
  type StepAnchor,
  type StrategyDefinition,
  type StrategyDefinitionInput,
  strategyDefinition,
} from "./strategy-definition.js";

type StepInput = StrategyDefinitionInput["variants"][number]["steps"][number];

/** Below €50 an agent call costs more than it is likely to bring in. */
const CALL_MIN_BALANCE_MINOR = 5_000;

function step(
  id: string,
  name: [it: string, en: string],
  timing: [anchor: StepAnchor, offsetDays: number, at: string],
  channel: Channel,
  template: string,
  fallback: Channel[],
  extra: { moveToStage?: Stage; conditions?: StepInput["conditions"] } = {},
): StepInput {
  const [anchor, offsetDays, at] = timing;
  return {
    id,
    name: { it: name[0], en: name[1] },
    timing: { anchor, offsetDays, at },
    channel,
    template,
    fallback,
    ...extra,
  };
}

const preDueOnly = { conditions: { stages: ["pre_due"] as Stage[] } };
const worthACall = { conditions: { minBalanceMinor: CALL_MIN_BALANCE_MINOR } };

/** Consumer champion: email first, then SMS, then a person on the phone. */
const consumerChampion: StepInput[] = [
  step(
    "caring",
    ["Promemoria di cortesia", "Courtesy reminder"],
    ["due_date", -5, "10:00"],
    "email",
    "caring.courtesy",
    ["sms"],
    preDueOnly,
  ),
  step(
    "reminder_1",
    ["Primo sollecito", "First reminder"],
    ["due_date", 1, "09:00"],
    "email",
    "reminder.first",
    ["sms", "letter"],
    { moveToStage: "early" },
  ),
  step(
    "reminder_2",
    ["Secondo promemoria", "Follow-up reminder"],
    ["previous_step", 7, "10:00"],
    "sms",
    "reminder.followup",
    ["letter"],
  ),
  step(
    "call_1",
    ["Chiamata dell'operatore", "Agent call"],
    ["previous_step", 3, "10:00"],
    "call",
    "call.reminder",
    [],
    worthACall,
  ),
  step(
    "reminder_letter",
    ["Lettera di sollecito", "Reminder letter"],
    ["due_date", 30, "09:00"],
    "letter",
    "reminder.letter",
    ["email"],
    { moveToStage: "late" },
  ),
  step(
    "formal_notice",
    ["Diffida ad adempiere", "Formal notice"],
    ["due_date", 45, "09:00"],
    "registered_letter",
    "notice.formal",
    ["pec"],
    { moveToStage: "pre_legal" },
  ),
  step(
    "call_prelegal",
    ["Ultima chiamata prima della revisione legale", "Last call before legal review"],
    ["due_date", 60, "10:00"],
    "call",
    "call.prelegal",
    [],
    worthACall,
  ),
  step(
    "legal_review",
    ["Revisione legale", "Legal review"],
    ["due_date", 75, "09:00"],
    "letter",
    "legal.handoff",
    ["email"],
    { moveToStage: "legal" },
  ),
];

/** Challenger: the same steps with SMS first and the follow-up by email. */
const smsFirst: Partial<Record<string, Pick<StepInput, "channel" | "fallback">>> = {
  caring: { channel: "sms", fallback: ["email"] },
  reminder_1: { channel: "sms", fallback: ["email", "letter"] },
  reminder_2: { channel: "email", fallback: ["letter"] },
};

const consumerUtility: StrategyDefinitionInput = {
  key: "consumer-utility",
  name: { it: "Utenze domestiche (consumatori)", en: "Consumer utilities" },
  description: {
    it:
      "Promemoria di cortesia 5 giorni prima della scadenza, sollecito il giorno dopo, SMS e " +
      "chiamata di un operatore, lettera a 30 giorni, diffida con raccomandata a 45 giorni, " +
      "revisione legale a 75 giorni. Sfida: SMS come primo canale.",
    en:
      "Courtesy reminder 5 days before the due date, a reminder the day after, an SMS and an " +
      "agent call, a letter at 30 days, a formal notice by registered letter at 45 days, legal " +
      "review at 75 days. Challenger: SMS as the first channel.",
  },
  appliesTo: { debtorKind: "person", priority: 10 },
  variants: [
    { key: "champion", weight: 0.8, steps: consumerChampion },
    {
      key: "sms_first",
      weight: 0.2,
      steps: consumerChampion.map((s) => ({ ...s, ...smsFirst[s.id] })),
    },
  ],
};

/** B2B: email and PEC to the accounts department, a call, formal notice by PEC. */
const b2bSupplier: StrategyDefinitionInput = {
  key: "b2b-supplier",
  name: { it: "Clienti business (imprese)", en: "Business customers" },
  description: {
    it:
      "Verifica di ricezione della fattura 3 giorni prima della scadenza, sollecito via email, " +
      "chiamata all'amministrazione, secondo sollecito via PEC, diffida via PEC o raccomandata " +
      "a 40 giorni, passaggio al legale a 60 giorni.",
    en:
      "Invoice receipt check 3 days before the due date, an email reminder, a call to the " +
      "accounts department, a second reminder by PEC, a formal notice by PEC or registered " +
      "letter at 40 days, legal hand-off at 60 days.",
  },
  appliesTo: { debtorKind: "company", priority: 10 },
  variants: [
    {
      key: "champion",
      weight: 1,
      steps: [
        step(
          "caring",
          ["Verifica ricezione fattura", "Invoice receipt check"],
          ["due_date", -3, "10:00"],
          "email",
          "b2b.caring.invoice_check",
          ["pec"],
          preDueOnly,
        ),
        step(
          "reminder_1",
          ["Primo sollecito", "First reminder"],
          ["due_date", 3, "09:30"],
          "email",
          "b2b.reminder.first",
          ["pec", "letter"],
          { moveToStage: "early" },
        ),
        step(
          "call_accounts",
          ["Chiamata all'amministrazione", "Call to accounts payable"],
          ["previous_step", 5, "10:00"],
          "call",
          "b2b.call.accounts",
          [],
        ),
        step(
          "reminder_2",
          ["Secondo sollecito", "Second reminder"],
          ["due_date", 30, "09:30"],
          "pec",
          "b2b.reminder.second",
          ["email", "registered_letter"],
          { moveToStage: "late" },
        ),
        step(
          "formal_notice",
          ["Diffida ad adempiere", "Formal notice"],
          ["due_date", 40, "09:30"],
          "pec",
          "b2b.notice.formal",
          ["registered_letter"],
          { moveToStage: "pre_legal" },
        ),
        step(
          "legal_handoff",
          ["Passaggio al legale", "Legal hand-off"],
          ["due_date", 60, "09:30"],
          "pec",
          "b2b.legal.handoff",
          ["registered_letter"],
          { moveToStage: "legal" },
        ),
      ],
    },
  ],
};

/** Parsed at load: a default that does not validate is a bug and fails every test. */
export const DEFAULT_STRATEGIES: readonly StrategyDefinition[] = [consumerUtility, b2bSupplier].map(
  (definition) => strategyDefinition.parse(definition),
);
