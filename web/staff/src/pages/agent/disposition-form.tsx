/**
 * What happened on the call → POST …/disposition. The outcome decides the extra
 * fields: a promise (amount prefilled with the balance, and a date), a callback time
 * (sent as ISO UTC) or the amount paid. Keys pick the outcome (see outcome-keys.ts);
 * Ctrl+Enter (⌘+Enter) records, also from the notes.
 */
import { Button, Stack, Textarea } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, type RefObject, useEffect, useRef, useState } from "react";
import { ApiError } from "../../api/client";
import { api } from "../../api/endpoints";
import type { Disposition, DispositionResult, Outcome, Workspace } from "../../api/types";
import { ApiErrorAlert } from "../../components/api-error";
import { Section } from "../../components/section";
import { localInputToIso } from "../../format";
import { useI18n } from "../../i18n/context";
import type { Messages } from "../../i18n/it";
import { useFormat } from "../../use-format";
import { DispositionFields, type FieldValues } from "./disposition-fields";
import { isTyping, outcomeForKey } from "./outcome-keys";
import { OutcomePicker } from "./outcome-picker";

export type FieldErrors = Partial<Record<keyof FieldValues | "outcome" | "notes", string>>;

/** The server's field paths → our fields. */
const SERVER_FIELDS: Record<string, keyof FieldErrors> = {
  outcome: "outcome",
  notes: "notes",
  phone: "phone",
  promise: "promiseAmount",
  "promise.amountMinor": "promiseAmount",
  "promise.dueDate": "promiseDate",
  callbackAt: "callbackAt",
  paymentAmountMinor: "paymentAmount",
};

export function DispositionForm({
  workspace,
  dialledAt,
  onRecorded,
}: {
  workspace: Workspace;
  dialledAt: RefObject<number | null>;
  onRecorded: (result: DispositionResult) => Promise<void>;
}) {
  const { t } = useI18n();
  const f = useFormat();
  const currency = workspace.case.currency;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [notes, setNotes] = useState("");
  const [values, setValues] = useState<FieldValues>(() => ({
    phone: workspace.phones.find((p) => !p.optedOut)?.value ?? "",
    promiseAmount: f.moneyInput(workspace.case.balanceMinor, currency),
    promiseDate: "",
    callbackAt: "",
    paymentAmount: "",
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const form = useRef<HTMLFormElement>(null);

  const record = useMutation({
    mutationFn: (disposition: Disposition) =>
      api.dispose(workspace.task.tenantId, workspace.task.id, disposition),
    onSuccess: onRecorded,
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      const mapped: FieldErrors = {};
      for (const [path, message] of Object.entries(error.fieldErrors())) {
        const field = SERVER_FIELDS[path];
        if (field && !mapped[field]) mapped[field] = message;
      }
      setErrors(mapped);
    },
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        form.current?.requestSubmit();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const picked = outcomeForKey(event.key);
      if (picked) {
        event.preventDefault();
        setOutcome(picked);
        setErrors({});
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (record.isPending) return;
    const built = build(t, f.parseMoney, currency, outcome, notes, values, dialledAt.current);
    setErrors(built.errors);
    if (built.disposition) record.mutate(built.disposition);
  };

  return (
    <Section title={t.disposition.title} id="disposition">
      <form ref={form} onSubmit={submit} noValidate aria-labelledby="disposition-title">
        <Stack gap="md">
          <OutcomePicker
            value={outcome}
            onChange={(next) => {
              setOutcome(next);
              setErrors({});
            }}
            error={errors.outcome}
          />
          <DispositionFields
            outcome={outcome}
            workspace={workspace}
            values={values}
            errors={errors}
            onChange={(patch) => {
              setValues((old) => ({ ...old, ...patch }));
              setErrors((old) => ({
                ...old,
                ...Object.fromEntries(Object.keys(patch).map((k) => [k, undefined])),
              }));
            }}
          />
          <Textarea
            id="disposition-notes"
            label={t.disposition.notes}
            description={t.disposition.notesHelp}
            autosize
            minRows={2}
            maxLength={2000}
            value={notes}
            error={errors.notes}
            onChange={(event) => setNotes(event.currentTarget.value)}
          />
          <ApiErrorAlert error={record.error} id="disposition-error" />
          <Button id="disposition-submit" type="submit" size="md" loading={record.isPending}>
            {t.disposition.submit}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}

/** The request body, or the errors that keep it from being sent. */
function build(
  t: Messages,
  parseMoney: (input: string, currency: string) => number | null,
  currency: string,
  outcome: Outcome | null,
  notes: string,
  values: FieldValues,
  dialledAt: number | null,
): { disposition: Disposition | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!outcome) errors.outcome = t.disposition.chooseOutcome;
  if (notes.length > 2000) errors.notes = t.disposition.tooLong;
  const disposition: Disposition = { outcome: outcome ?? "no_answer" };
  if (notes.trim()) disposition.notes = notes.trim();
  if (values.phone) disposition.phone = values.phone;
  if (dialledAt !== null) disposition.durationSeconds = Math.round((Date.now() - dialledAt) / 1000);
  if (outcome === "promise_to_pay") {
    const amount = parseMoney(values.promiseAmount, currency);
    if (amount === null || amount <= 0) errors.promiseAmount = t.disposition.badAmount;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.promiseDate))
      errors.promiseDate = t.disposition.needDate;
    disposition.promise = { amountMinor: amount ?? 0, dueDate: values.promiseDate };
  }
  if (outcome === "callback_requested") {
    const at = localInputToIso(values.callbackAt);
    if (!at) errors.callbackAt = t.disposition.needDateTime;
    else disposition.callbackAt = at;
  }
  if (outcome === "payment_taken") {
    const amount = parseMoney(values.paymentAmount, currency);
    if (amount === null || amount <= 0) errors.paymentAmount = t.disposition.badAmount;
    else disposition.paymentAmountMinor = amount;
  }
  return { disposition: Object.keys(errors).length ? null : disposition, errors };
}
