import { type FormEvent, useState } from "react";
import { api, isApiError } from "../api";
import { useApp, useCase } from "../app-context";
import { Alert, ErrorAlert } from "../components/alert";
import { useMoney } from "../components/amount";
import { Button } from "../components/button";
import { Field, focusFirstInvalid } from "../components/field";
import { BackLink, Link } from "../components/link";
import { PageHeading } from "../components/page-heading";
import { TextField } from "../components/text-field";
import { compareMinor, formatDay, minorToInput, parseAmount } from "../format";
import { reasonList, reasonText } from "../reasons";
import { PATHS } from "../router";
import type { PromiseToPay } from "../types";

interface Errors {
  date?: string;
  amount?: string;
}

/** `/portal/promise`: a date (and optionally a smaller amount) by which the debtor will pay. */
export function PromisePage() {
  const { t, language } = useApp();
  const { portalCase, reloadCase } = useCase();
  const { currency, balanceMinor } = portalCase.case;
  const money = useMoney(currency);
  const first = portalCase.today;
  const last = portalCase.limits.promiseLatest;
  const [date, setDate] = useState("");
  const [amount, setAmount] = useState(() => minorToInput(balanceMinor, currency, language));
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [refusal, setRefusal] = useState<string[] | null>(null);
  const [done, setDone] = useState<PromiseToPay | null>(null);

  const validate = (): { errors: Errors; amountMinor: string } => {
    const found: Errors = {};
    if (!date) found.date = t.promise.dateRequired;
    else if (date < first || date > last) {
      found.date = t.promise.dateOutOfRange(formatDay(first, language), formatDay(last, language));
    }
    const parsed = parseAmount(amount, currency);
    if (parsed === null) found.amount = t.promise.amountInvalid;
    else if (parsed !== "" && compareMinor(parsed, "0") <= 0) found.amount = t.promise.amountZero;
    else if (parsed !== "" && compareMinor(parsed, balanceMinor) > 0) {
      found.amount = t.promise.amountTooHigh(money(balanceMinor));
    }
    return { errors: found, amountMinor: parsed ?? "" };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const checked = validate();
    setErrors(checked.errors);
    setFailure(null);
    setRefusal(null);
    if (checked.errors.date || checked.errors.amount) return focusFirstInvalid();
    const partial = checked.amountMinor !== "" && checked.amountMinor !== balanceMinor;
    setBusy(true);
    try {
      const answer = await api.post<PromiseToPay>("/promises", {
        dueDate: date,
        ...(partial ? { amountMinor: checked.amountMinor } : {}),
      });
      setDone(answer);
      void reloadCase();
    } catch (error) {
      if (isApiError(error, "promise_refused")) {
        // The server names the field; say it in the page's language and mark the field.
        const found: Errors = {};
        const reasons = reasonList(error.details.reasons).map((item) => {
          const field = typeof item === "object" ? item.field : undefined;
          if (field === "dueDate") {
            found.date = t.promise.dateOutOfRange(
              formatDay(first, language),
              formatDay(last, language),
            );
            return found.date;
          }
          if (field === "amountMinor") {
            found.amount = t.promise.amountRange(money(balanceMinor));
            return found.amount;
          }
          return reasonText(item, {}, t.promise.field);
        });
        setErrors(found);
        setRefusal(reasons.length > 0 ? [...new Set(reasons)] : [error.message]);
      } else {
        setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    const day = formatDay(done.dueDate, language);
    return (
      <>
        <BackLink />
        <PageHeading title={t.promise.title} />
        <Alert tone="success" title={t.promise.success(day)} focus>
          <p>{t.promise.successDetail(money(done.amountMinor ?? balanceMinor), day)}</p>
        </Alert>
        <p>{t.promise.payWhenReady}</p>
        <p>
          <Link to={PATHS.pay} className="button button-primary">
            {t.overview.pay}
          </Link>
        </p>
      </>
    );
  }

  const range = t.promise.range(formatDay(first, language), formatDay(last, language));
  return (
    <>
      <BackLink />
      <PageHeading title={t.promise.title} />
      <p>{t.promise.intro}</p>
      {failure !== null && <ErrorAlert error={failure} />}
      {refusal && (
        <Alert tone="error" title={t.promise.refusedTitle}>
          <p>{t.promise.refusedIntro}</p>
          <ul>
            {refusal.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </Alert>
      )}
      <form className="card form" onSubmit={submit} noValidate>
        <Field id="promise-date" label={t.promise.dateLabel} hint={range} error={errors.date}>
          {(control) => (
            <input
              {...control}
              className="input input-date"
              type="date"
              required
              min={first}
              max={last}
              value={date}
              onChange={(event) => setDate(event.target.value)}
            />
          )}
        </Field>
        <TextField
          id="promise-amount"
          label={t.promise.amountLabel(currency === "EUR" ? "€" : currency)}
          hint={t.promise.amountHint(money(balanceMinor))}
          error={errors.amount}
          value={amount}
          onChange={setAmount}
          inputMode="decimal"
          className="input input-amount"
        />
        <Button type="submit" id="promise-submit" busy={busy}>
          {t.promise.submit}
        </Button>
      </form>
    </>
  );
}
