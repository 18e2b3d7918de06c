import { type FormEvent, type ReactNode, useState } from "react";
import { api, isApiError } from "../api";
import { useApp, useCase } from "../app-context";
import { Alert, ErrorAlert } from "../components/alert";
import { Button } from "../components/button";
import { Field, focusFirstInvalid } from "../components/field";
import { BackLink, Link } from "../components/link";
import { PageHeading } from "../components/page-heading";
import { RadioGroup } from "../components/radio-group";
import { PATHS } from "../router";

type Score = "csat" | "ces" | "nps";

/** Numbered choices from `low` to `high`; the two ends carry their words. */
function scale(low: number, high: number, lowWord: string, highWord: string) {
  const options: { value: string; label: ReactNode }[] = [];
  for (let value = low; value <= high; value++) {
    const word = value === low ? lowWord : value === high ? highWord : null;
    options.push({
      value: String(value),
      label: word ? (
        <>
          <span className="scale-number">{value}</span>
          <span className="scale-word"> – {word}</span>
        </>
      ) : (
        <span className="scale-number">{value}</span>
      ),
    });
  }
  return options;
}

/** `/portal/survey`: CSAT 1–5, CES 1–7, NPS 0–10 and a comment; answered once. */
export function SurveyPage() {
  const { t } = useApp();
  const { portalCase, reloadCase } = useCase();
  const trigger = portalCase.surveyDue;
  const [answers, setAnswers] = useState<Record<Score, string | null>>({
    csat: null,
    ces: null,
    nps: null,
  });
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Score, string>>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<"thanks" | "already" | null>(null);

  const heading = (
    <>
      <BackLink />
      <PageHeading title={t.survey.title} />
    </>
  );
  const home = (
    <p>
      <Link to={PATHS.overview}>{t.common.backToAccount}</Link>
    </p>
  );

  if (done || !trigger) {
    const text = done === "thanks" ? t.survey.thanks : done ? t.survey.already : t.survey.none;
    return (
      <>
        {heading}
        <Alert tone="success" focus={done !== null}>
          <p>{text}</p>
        </Alert>
        {home}
      </>
    );
  }

  const set = (score: Score) => (value: string) => {
    setAnswers((current) => ({ ...current, [score]: value }));
    setErrors((current) => ({ ...current, [score]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Partial<Record<Score, string>> = {};
    for (const score of ["csat", "ces", "nps"] as const) {
      if (answers[score] === null) found[score] = t.survey.answerRequired;
    }
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return focusFirstInvalid();
    setBusy(true);
    try {
      await api.post("/survey", {
        trigger,
        csat: Number(answers.csat),
        ces: Number(answers.ces),
        nps: Number(answers.nps),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      setDone("thanks");
      void reloadCase();
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        setDone("already");
        void reloadCase();
      } else {
        setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {heading}
      <p>{t.survey.intro}</p>
      {failure !== null && <ErrorAlert error={failure} />}
      <form className="card form" onSubmit={submit} noValidate>
        <RadioGroup
          name="csat"
          legend={t.survey.csat}
          options={scale(1, 5, t.survey.csatLow, t.survey.csatHigh)}
          value={answers.csat}
          onChange={set("csat")}
          error={errors.csat}
          scale
        />
        <RadioGroup
          name="ces"
          legend={t.survey.ces}
          options={scale(1, 7, t.survey.cesLow, t.survey.cesHigh)}
          value={answers.ces}
          onChange={set("ces")}
          error={errors.ces}
          scale
        />
        <RadioGroup
          name="nps"
          legend={t.survey.nps(portalCase.creditor.name)}
          options={scale(0, 10, t.survey.npsLow, t.survey.npsHigh)}
          value={answers.nps}
          onChange={set("nps")}
          error={errors.nps}
          scale
        />
        <Field id="survey-comment" label={t.survey.comment}>
          {(control) => (
            <textarea
              {...control}
              className="input textarea"
              rows={4}
              maxLength={2000}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
            />
          )}
        </Field>
        <Button type="submit" id="survey-submit" busy={busy}>
          {t.survey.submit}
        </Button>
      </form>
    </>
  );
}
