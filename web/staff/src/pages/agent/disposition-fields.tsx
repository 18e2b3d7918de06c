/** The fields an outcome asks for, and the number dialled. */
import { Group, NativeSelect, TextInput } from "@mantine/core";
import type { Outcome, Workspace } from "../../api/types";
import { localDay } from "../../format";
import { useI18n } from "../../i18n/context";
import type { FieldErrors } from "./disposition-form";

export type FieldValues = {
  phone: string;
  promiseAmount: string;
  promiseDate: string;
  callbackAt: string;
  paymentAmount: string;
};

export function DispositionFields({
  outcome,
  workspace,
  values,
  errors,
  onChange,
}: {
  outcome: Outcome | null;
  workspace: Workspace;
  values: FieldValues;
  errors: FieldErrors;
  onChange: (patch: Partial<FieldValues>) => void;
}) {
  const { t } = useI18n();
  const currency = workspace.case.currency;
  const dialable = workspace.phones.filter((p) => !p.optedOut);
  return (
    <>
      {dialable.length > 0 && (
        <NativeSelect
          id="disposition-phone"
          label={t.disposition.phoneUsed}
          value={values.phone}
          error={errors.phone}
          onChange={(event) => onChange({ phone: event.currentTarget.value })}
          data={dialable.map((p) => p.value)}
          maw={320}
        />
      )}
      {outcome === "promise_to_pay" && (
        <Group align="flex-start" grow maw={520}>
          <TextInput
            id="promise-amount"
            label={`${t.disposition.promiseAmount} (${currency})`}
            inputMode="decimal"
            required
            value={values.promiseAmount}
            error={errors.promiseAmount}
            onChange={(event) => onChange({ promiseAmount: event.currentTarget.value })}
          />
          <TextInput
            id="promise-date"
            type="date"
            label={t.disposition.promiseDate}
            required
            min={localDay()}
            value={values.promiseDate}
            error={errors.promiseDate}
            onChange={(event) => onChange({ promiseDate: event.currentTarget.value })}
          />
        </Group>
      )}
      {outcome === "callback_requested" && (
        <TextInput
          id="callback-at"
          type="datetime-local"
          label={t.disposition.callbackAt}
          description={t.disposition.callbackHelp}
          required
          maw={320}
          value={values.callbackAt}
          error={errors.callbackAt}
          onChange={(event) => onChange({ callbackAt: event.currentTarget.value })}
        />
      )}
      {outcome === "payment_taken" && (
        <TextInput
          id="payment-amount"
          label={`${t.disposition.paymentAmount} (${currency})`}
          inputMode="decimal"
          required
          maw={320}
          value={values.paymentAmount}
          error={errors.paymentAmount}
          onChange={(event) => onChange({ paymentAmount: event.currentTarget.value })}
        />
      )}
    </>
  );
}
