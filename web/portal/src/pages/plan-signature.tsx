import { type FormEvent, useRef, useState } from "react";
import { api, isApiError } from "../api";
import { useApp, useCase } from "../app-context";
import { Alert, ErrorAlert } from "../components/alert";
import { Button } from "../components/button";
import { CodeField } from "../components/code-field";
import { focusFirstInvalid } from "../components/field";
import { RadioGroup } from "../components/radio-group";
import { Detail, Details, Section } from "../components/section";
import { formatTime } from "../format";

/** The second step of a plan: read the acknowledgment of debt, get a code, sign. */
export function PlanSignature({
  planId,
  summary,
  start,
  onSigned,
}: {
  planId: string;
  /** "6 monthly installments of €x", or "" when not known here. */
  summary: string;
  start: string;
  onSigned: () => void;
}) {
  const { t, language } = useApp();
  const { portalCase } = useCase();
  const methods = portalCase.methods;
  const [methodId, setMethodId] = useState<string | null>(methods[0]?.id ?? null);
  const [sent, setSent] = useState<{ destination: string; until: string } | null>(null);
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<{ method?: string; code?: string }>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);
  const base = `/plans/${encodeURIComponent(planId)}`;

  const sendCode = async () => {
    if (!methodId) {
      setErrors({ method: t.plan.chooseMethod });
      return focusFirstInvalid();
    }
    setBusy(true);
    setErrors({});
    setNotice(null);
    setFailure(null);
    try {
      const answer = await api.post<{ destination: string; expiresAt: string }>(
        `${base}/signature-codes`,
        { methodId },
      );
      const chosen = methods.find((method) => method.id === methodId);
      setSent({
        destination: answer.destination ?? chosen?.destination ?? "",
        until: formatTime(answer.expiresAt, language, portalCase.timeZone),
      });
      setCode("");
      window.requestAnimationFrame(() => codeInput.current?.focus());
    } catch (error) {
      if (isApiError(error, "too_many_codes")) setNotice(t.plan.tooManyCodes);
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const sign = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!sent) return sendCode();
    const digits = code.replace(/\D/g, "");
    if (digits.length !== 6) {
      setErrors({ code: t.plan.codeRequired });
      return focusFirstInvalid();
    }
    setBusy(true);
    setErrors({});
    setNotice(null);
    setFailure(null);
    try {
      await api.post(`${base}/signature`, { code: digits });
      onSigned();
    } catch (error) {
      if (isApiError(error, "code_invalid")) {
        setErrors({ code: t.plan.codeInvalid });
        focusFirstInvalid();
      } else {
        setFailure(error);
      }
      setBusy(false);
    }
  };

  return (
    <Section id="sign" title={t.plan.signTitle} focus>
      <h3>{t.plan.summary}</h3>
      <Details>
        {summary && <Detail label={t.plan.summaryPlan}>{summary}</Detail>}
        <Detail label={t.plan.startLabel}>{start}</Detail>
      </Details>
      <p>{t.plan.signIntro}</p>
      <p>
        <a href={`/api/portal${base}/acknowledgment.pdf`} id="acknowledgment-link">
          {t.plan.acknowledgmentPdf}
        </a>
      </p>
      {notice && (
        <Alert tone="error">
          <p>{notice}</p>
        </Alert>
      )}
      {failure !== null && <ErrorAlert error={failure} />}
      {methods.length === 0 ? (
        <Alert tone="info">
          <p>{t.entry.noMethods(portalCase.creditor.name)}</p>
        </Alert>
      ) : (
        <form className="form" onSubmit={sign} noValidate>
          <RadioGroup
            name="sign-method"
            legend={t.plan.methodLegend}
            options={methods.map((method) => ({
              value: method.id,
              label:
                method.channel === "sms"
                  ? t.entry.sms(method.destination)
                  : t.entry.email(method.destination),
            }))}
            value={methodId}
            onChange={setMethodId}
            error={errors.method}
          />
          <Button
            id="send-sign-code"
            variant={sent ? "secondary" : "primary"}
            busy={busy}
            onClick={sendCode}
          >
            {sent ? t.plan.resendCode : t.plan.sendCode}
          </Button>
          {sent && (
            <>
              <CodeField
                id="sign-code"
                label={t.plan.signCodeLabel}
                hint={t.plan.codeSent(sent.destination, sent.until)}
                error={errors.code}
                value={code}
                onChange={setCode}
                inputRef={codeInput}
              />
              <p className="hint">{t.plan.signNote}</p>
              <Button id="sign" type="submit" busy={busy}>
                {t.plan.sign}
              </Button>
            </>
          )}
        </form>
      )}
    </Section>
  );
}
