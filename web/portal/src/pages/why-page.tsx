import { type FormEvent, useState } from "react";
import { api } from "../api";
import { useApp, useCase } from "../app-context";
import { Alert, ErrorAlert } from "../components/alert";
import { Button } from "../components/button";
import { Field, focusFirstInvalid } from "../components/field";
import { BackLink, Link } from "../components/link";
import { PageHeading } from "../components/page-heading";
import { RadioGroup } from "../components/radio-group";
import { PATHS } from "../router";
import { WHY_REASONS, type WhyReason } from "../types";

const MAX_BYTES = 5 * 1024 * 1024;
const TYPES_BY_EXTENSION: Record<string, string> = {
  pdf: "application/pdf",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
};
const ACCEPTED = new Set(Object.values(TYPES_BY_EXTENSION));

/** The file's type as the browser says, or by its extension when it says nothing. */
function contentTypeOf(file: File): string {
  if (file.type) return file.type === "image/jpg" ? "image/jpeg" : file.type;
  const extension = file.name.split(".").pop()?.toLowerCase() ?? "";
  return TYPES_BY_EXTENSION[extension] ?? "";
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? "");
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

interface Errors {
  reason?: string;
  file?: string;
}

/** `/portal/why`: a structured reason, a few words and, if useful, a proof. */
export function WhyPage() {
  const { t } = useApp();
  const { reloadCase } = useCase();
  const [reason, setReason] = useState<WhyReason | null>(null);
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<{ hold: boolean } | null>(null);

  const fileProblem = (candidate: File | null): string | undefined => {
    if (!candidate) return undefined;
    if (!ACCEPTED.has(contentTypeOf(candidate))) return t.why.fileType;
    if (candidate.size > MAX_BYTES) return t.why.fileSize;
    return undefined;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Errors = {};
    if (!reason) found.reason = t.why.reasonRequired;
    const problem = fileProblem(file);
    if (problem) found.file = problem;
    setErrors(found);
    setFailure(null);
    if (!reason || found.file) return focusFirstInvalid();
    setBusy(true);
    try {
      let attachment: { fileName: string; contentType: string; base64: string } | undefined;
      if (file) {
        try {
          attachment = {
            fileName: file.name.slice(-200),
            contentType: contentTypeOf(file),
            base64: await readBase64(file),
          };
        } catch {
          setErrors({ file: t.why.fileRead });
          setBusy(false);
          return focusFirstInvalid();
        }
      }
      const answer = await api.post<{ id: string; hold: boolean }>("/reasons", {
        reason,
        ...(text.trim() ? { text: text.trim() } : {}),
        ...(attachment ? { attachment } : {}),
      });
      setDone({ hold: answer.hold === true });
      void reloadCase();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <>
        <BackLink />
        <PageHeading title={t.why.title} />
        <Alert tone="success" title={t.why.success} focus>
          <p>{done.hold ? t.why.hold : t.why.noHold}</p>
        </Alert>
        <p>
          <Link to={PATHS.overview}>{t.common.backToAccount}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <BackLink />
      <PageHeading title={t.why.title} />
      <p>{t.why.intro}</p>
      {failure !== null && <ErrorAlert error={failure} />}
      <form className="card form" onSubmit={submit} noValidate>
        <RadioGroup
          name="reason"
          legend={t.why.legend}
          options={WHY_REASONS.map((value) => ({ value, label: t.why.reasons[value] }))}
          value={reason}
          onChange={setReason}
          error={errors.reason}
        />
        <Field id="reason-text" label={t.why.textLabel}>
          {(control) => (
            <textarea
              {...control}
              className="input textarea"
              rows={5}
              maxLength={4000}
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
          )}
        </Field>
        <Field
          id="reason-file"
          label={reason === "already_paid" ? t.why.proofLabel : t.why.fileLabel}
          hint={t.why.fileHint}
          error={errors.file}
        >
          {(control) => (
            <input
              {...control}
              className="input file"
              type="file"
              accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
              onChange={(event) => {
                const chosen = event.target.files?.[0] ?? null;
                setFile(chosen);
                setErrors((current) => ({ ...current, file: fileProblem(chosen) }));
              }}
            />
          )}
        </Field>
        <Button type="submit" id="reason-submit" busy={busy}>
          {t.why.submit}
        </Button>
      </form>
    </>
  );
}
