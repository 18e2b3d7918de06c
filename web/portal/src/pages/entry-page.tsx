import { type FormEvent, useEffect, useRef, useState } from "react";
import { type ApiError, api, isApiError } from "../api";
import { useApp } from "../app-context";
import { Alert, ErrorAlert, Loading } from "../components/alert";
import { Button } from "../components/button";
import { CodeField } from "../components/code-field";
import { Field, focusFirstInvalid } from "../components/field";
import { PageHeading } from "../components/page-heading";
import { RadioGroup } from "../components/radio-group";
import type { Creditor, EntryAnswer } from "../types";
import { NoticePage } from "./notice-page";

type Phase =
  | { kind: "loading" }
  | { kind: "ready"; entry: EntryAnswer }
  | { kind: "invalid" }
  | { kind: "expired"; creditor: Creditor | null }
  | { kind: "failed"; error: unknown };

const KNOWLEDGE = "knowledge";

function expiredCreditor(error: ApiError): Creditor | null {
  const candidate = error.body.creditor ?? error.details.creditor;
  return typeof candidate === "object" && candidate !== null && "name" in candidate
    ? (candidate as Creditor)
    : null;
}

/** `/p/:token`: the debtor proves who they are with a one-time code or a piece of knowledge. */
export function EntryPage({ token, onEntered }: { token: string; onEntered: () => void }) {
  const { t, setBrand, setLanguage } = useApp();
  const [phase, setPhase] = useState<Phase>({ kind: "loading" });
  const [choice, setChoice] = useState<string | null>(null);
  const [codeSent, setCodeSent] = useState<{ destination: string; minutes: number } | null>(null);
  const [code, setCode] = useState("");
  const [knowledge, setKnowledge] = useState("");
  const [errors, setErrors] = useState<{ choice?: string; code?: string; knowledge?: string }>({});
  const [notice, setNotice] = useState<{ text: string } | { error: unknown } | null>(null);
  const [busy, setBusy] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);

  const linkProblem = (error: unknown, opening = false): boolean => {
    // A token that is not even shaped like one is refused as a bad request.
    if (
      isApiError(error, "link_invalid") ||
      (opening && isApiError(error) && error.status === 400)
    ) {
      setPhase({ kind: "invalid" });
      return true;
    }
    if (isApiError(error, "link_expired")) {
      const creditor = expiredCreditor(error);
      if (creditor) setBrand(creditor);
      setPhase({ kind: "expired", creditor });
      return true;
    }
    return false;
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the entry is asked once per token
  useEffect(() => {
    let live = true;
    api.post<EntryAnswer>("/entry", { token }).then(
      (entry) => {
        if (!live) return;
        setBrand(entry.creditor);
        setLanguage(entry.language, false);
        const first = entry.methods[0];
        setChoice(first ? `m:${first.id}` : entry.knowledge ? KNOWLEDGE : null);
        setPhase({ kind: "ready", entry });
      },
      (error: unknown) => {
        if (live && !linkProblem(error, true)) setPhase({ kind: "failed", error });
      },
    );
    return () => {
      live = false;
    };
  }, [token]);

  const explainFailure = (error: unknown, field: "code" | "knowledge") => {
    if (linkProblem(error)) return;
    if (isApiError(error, "code_invalid")) {
      setErrors({ [field]: field === "code" ? t.entry.codeInvalid : t.entry.knowledgeInvalid });
      focusFirstInvalid();
    } else if (isApiError(error, "entry_locked")) {
      const minutes = Number(error.details.retryAfterMinutes) || 30;
      setNotice({ text: t.entry.locked(minutes) });
    } else if (isApiError(error, "too_many_codes")) {
      setNotice({ text: t.entry.tooManyCodes });
    } else {
      setNotice({ error });
    }
  };

  if (phase.kind === "invalid") {
    return <NoticePage title={t.entry.invalidTitle} body={t.entry.invalidBody} />;
  }
  if (phase.kind === "expired") {
    const who = phase.creditor?.name ?? t.common.contactFallback;
    return <NoticePage title={t.entry.expiredTitle} body={t.entry.expiredBody(who)} />;
  }
  if (phase.kind !== "ready") {
    return (
      <>
        <PageHeading title={t.entry.title} />
        {phase.kind === "loading" ? <Loading /> : <ErrorAlert error={phase.error} />}
      </>
    );
  }

  const { entry } = phase;
  const method = entry.methods.find((candidate) => `m:${candidate.id}` === choice) ?? null;
  const usesKnowledge = choice === KNOWLEDGE && entry.knowledge !== null;
  const vat = entry.knowledge?.kind === "vat_last4";
  const knowledgeLabel = vat ? t.entry.vat : t.entry.taxCode;

  const sendCode = async () => {
    if (!method) {
      setErrors({ choice: t.entry.chooseMethod });
      focusFirstInvalid();
      return;
    }
    setBusy(true);
    setNotice(null);
    setErrors({});
    try {
      const answer = await api.post<{ expiresInMinutes: number }>("/entry/code", {
        token,
        methodId: method.id,
      });
      setCodeSent({ destination: method.destination, minutes: answer.expiresInMinutes ?? 10 });
      setCode("");
      window.requestAnimationFrame(() => codeInput.current?.focus());
    } catch (error) {
      explainFailure(error, "code");
    } finally {
      setBusy(false);
    }
  };

  const verify = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!method && !usesKnowledge) {
      setErrors({ choice: t.entry.chooseMethod });
      focusFirstInvalid();
      return;
    }
    if (method && !codeSent) return sendCode();
    const field = usesKnowledge ? "knowledge" : "code";
    const value = usesKnowledge ? knowledge.trim().toUpperCase() : code.replace(/\D/g, "");
    if (usesKnowledge ? value.length === 0 : value.length !== 6) {
      setErrors({ [field]: usesKnowledge ? t.entry.knowledgeRequired : t.entry.codeRequired });
      focusFirstInvalid();
      return;
    }
    setBusy(true);
    setNotice(null);
    setErrors({});
    try {
      await api.post(
        "/entry/verify",
        usesKnowledge ? { token, knowledge: value } : { token, code: value },
      );
      onEntered();
    } catch (error) {
      explainFailure(error, field);
      setBusy(false);
    }
  };

  const options = [
    ...entry.methods.map((candidate) => ({
      value: `m:${candidate.id}`,
      label:
        candidate.channel === "sms"
          ? t.entry.sms(candidate.destination)
          : t.entry.email(candidate.destination),
    })),
    ...(entry.knowledge ? [{ value: KNOWLEDGE, label: knowledgeLabel }] : []),
  ];

  return (
    <>
      <PageHeading title={t.entry.title} />
      <p>{t.entry.welcome(entry.creditor.name)}</p>
      <p>{t.entry.explain}</p>
      {notice &&
        ("text" in notice ? (
          <Alert tone="error">
            <p>{notice.text}</p>
          </Alert>
        ) : (
          <ErrorAlert error={notice.error} />
        ))}
      {options.length === 0 ? (
        <Alert tone="info">
          <p>{t.entry.noMethods(entry.creditor.name)}</p>
        </Alert>
      ) : (
        <form className="card form" onSubmit={verify} noValidate>
          <RadioGroup
            name="method"
            legend={t.entry.legend}
            options={options}
            value={choice}
            onChange={(value) => {
              setChoice(value);
              setErrors({});
            }}
            error={errors.choice}
          />
          {method && (
            <Button
              id="send-code"
              variant={codeSent ? "secondary" : "primary"}
              busy={busy}
              onClick={sendCode}
            >
              {codeSent ? t.entry.resendCode : t.entry.sendCode}
            </Button>
          )}
          {method && codeSent && (
            <CodeField
              id="code"
              label={t.entry.codeLabel}
              hint={t.entry.codeSent(codeSent.destination, codeSent.minutes)}
              error={errors.code}
              value={code}
              onChange={setCode}
              inputRef={codeInput}
            />
          )}
          {usesKnowledge && (
            <Field
              id="knowledge"
              label={vat ? t.entry.vatInput : t.entry.taxCodeInput}
              hint={vat ? t.entry.vatHint : t.entry.taxCodeHint}
              error={errors.knowledge}
            >
              {(control) => (
                <input
                  {...control}
                  className="input input-short"
                  type="text"
                  autoComplete="off"
                  autoCapitalize="characters"
                  spellCheck={false}
                  maxLength={4}
                  value={knowledge}
                  onChange={(event) => setKnowledge(event.target.value)}
                />
              )}
            </Field>
          )}
          {((method && codeSent) || usesKnowledge) && (
            <Button id="verify" type="submit" busy={busy}>
              {t.entry.verify}
            </Button>
          )}
        </form>
      )}
    </>
  );
}
