import { type FormEvent, useState } from "react";
import { api } from "../api";
import { useApp, useCase } from "../app-context";
import { ErrorAlert } from "../components/alert";
import { useMoney } from "../components/amount";
import { Button } from "../components/button";
import { Field, focusFirstInvalid } from "../components/field";
import { RadioGroup } from "../components/radio-group";
import { TextField } from "../components/text-field";
import { compareMinor, formatDay } from "../format";
import type { Frequency, PlanOptions, PlanProposalAnswer } from "../types";

const CUSTOM = "custom";

export interface Proposal {
  installments: number;
  frequency: Frequency;
  startDate: string;
  /** Per-installment amount, when known (the offered schedules). */
  installmentMinor: string | null;
}

interface Errors {
  option?: string;
  count?: string;
  start?: string;
}

/** Ceiling of balance / count, in minor units: what one installment would roughly be. */
function estimate(balanceMinor: string, count: number): string | null {
  if (!/^\d+$/.test(balanceMinor) || count < 1) return null;
  const balance = BigInt(balanceMinor);
  return ((balance + BigInt(count) - 1n) / BigInt(count)).toString();
}

/** Step one of a plan: an offered schedule (or another proposal) and the first date. */
export function PlanForm({
  choices,
  onAnswer,
}: {
  choices: PlanOptions;
  onAnswer: (answer: PlanProposalAnswer, proposal: Proposal) => void;
}) {
  const { t, language } = useApp();
  const { portalCase } = useCase();
  const money = useMoney(portalCase.case.currency);
  const { options, frequencies, maxInstallments, earliestStart, latestStart } = choices;
  const customAllowed = maxInstallments >= 2 && frequencies.length > 0;
  const [choice, setChoice] = useState<string | null>(options.length === 0 ? CUSTOM : null);
  const [count, setCount] = useState("");
  const [frequency, setFrequency] = useState<Frequency>(
    frequencies.includes("monthly") ? "monthly" : (frequencies[0] ?? "monthly"),
  );
  const [start, setStart] = useState(earliestStart);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const keyOf = (index: number) => String(index);
  const describe = (installments: number, often: Frequency, minor: string) =>
    t.plan.option(installments, t.frequency[often] ?? often, money(minor));
  const from = formatDay(earliestStart, language);
  const to = formatDay(latestStart, language);
  const customCount = Number.parseInt(count, 10);
  const customEstimate =
    Number.isInteger(customCount) && customCount >= 2
      ? estimate(choices.balanceMinor, customCount)
      : null;

  const radios = [
    ...options.map((option, index) => ({
      value: keyOf(index),
      label: describe(option.installments, option.frequency, option.installmentMinor),
      hint:
        compareMinor(option.downPaymentMinor ?? "0", "0") > 0
          ? t.plan.optionDown(money(option.downPaymentMinor))
          : undefined,
    })),
    ...(customAllowed
      ? [{ value: CUSTOM, label: t.plan.customOption, hint: t.plan.customHint }]
      : []),
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Errors = {};
    const offered = options.find((_, index) => keyOf(index) === choice);
    if (!offered && choice !== CUSTOM) found.option = t.plan.chooseOption;
    const customValid =
      Number.isInteger(customCount) && customCount >= 2 && customCount <= maxInstallments;
    if (choice === CUSTOM && (!customValid || String(customCount) !== count.trim())) {
      found.count = t.plan.countInvalid(maxInstallments);
    }
    if (!start) found.start = t.plan.startRequired;
    else if (start < earliestStart || start > latestStart) {
      found.start = t.plan.startOutOfRange(from, to);
    }
    setErrors(found);
    setFailure(null);
    if (found.option || found.count || found.start) return focusFirstInvalid();
    const proposal: Proposal = offered
      ? {
          installments: offered.installments,
          frequency: offered.frequency,
          startDate: start,
          installmentMinor: offered.installmentMinor,
        }
      : { installments: customCount, frequency, startDate: start, installmentMinor: null };
    setBusy(true);
    try {
      const answer = await api.post<PlanProposalAnswer>("/plans", {
        installments: proposal.installments,
        frequency: proposal.frequency,
        startDate: proposal.startDate,
      });
      onAnswer(answer, proposal);
    } catch (failed) {
      setFailure(failed);
      setBusy(false);
    }
  };

  return (
    <>
      {failure !== null && <ErrorAlert error={failure} />}
      <form className="card form" onSubmit={submit} noValidate>
        <RadioGroup
          name="plan-option"
          legend={t.plan.legend}
          options={radios}
          value={choice}
          onChange={setChoice}
          error={errors.option}
        />
        {choice === CUSTOM && (
          <div className="nested">
            <TextField
              id="plan-count"
              label={t.plan.countLabel}
              hint={
                customEstimate
                  ? `${t.plan.countHint(maxInstallments)} ${t.plan.estimate(money(customEstimate))}`
                  : t.plan.countHint(maxInstallments)
              }
              error={errors.count}
              value={count}
              onChange={setCount}
              inputMode="numeric"
              className="input input-short-number"
            />
            <Field id="plan-frequency" label={t.plan.frequencyLabel}>
              {(control) => (
                <select
                  {...control}
                  className="input select"
                  value={frequency}
                  onChange={(event) => setFrequency(event.target.value as Frequency)}
                >
                  {frequencies.map((often) => (
                    <option key={often} value={often}>
                      {t.frequencyNoun[often] ?? often}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        )}
        <Field
          id="plan-start"
          label={t.plan.startLabel}
          hint={t.plan.range(from, to)}
          error={errors.start}
        >
          {(control) => (
            <input
              {...control}
              className="input input-date"
              type="date"
              required
              min={earliestStart}
              max={latestStart}
              value={start}
              onChange={(event) => setStart(event.target.value)}
            />
          )}
        </Field>
        <Button type="submit" id="plan-submit" busy={busy}>
          {t.plan.submit}
        </Button>
      </form>
    </>
  );
}
