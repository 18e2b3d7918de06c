import { type FormEvent, useEffect, useState } from "react";
import { api } from "../api";
import { useApp, useCase } from "../app-context";
import { ErrorAlert, Loading } from "../components/alert";
import { Button } from "../components/button";
import { Field, focusFirstInvalid } from "../components/field";
import { BackLink } from "../components/link";
import { PageHeading } from "../components/page-heading";
import { formatInstant } from "../format";
import type { Message } from "../types";
import { useLoad } from "../use-load";

/** `/portal/messages`: the thread with the agency, oldest first, and a box to write. */
export function MessagesPage() {
  const { t, language, announce } = useApp();
  const { portalCase, reloadCase } = useCase();
  const { data, error, reload, setData } = useLoad<{ messages: Message[] }>("/messages");
  const [body, setBody] = useState("");
  const [bodyError, setBodyError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [sent, setSent] = useState(false);

  // Reading the thread marks it read: refresh the unread count once it has loaded.
  const loaded = data !== null;
  useEffect(() => {
    if (loaded && portalCase.unreadMessages > 0) void reloadCase();
  }, [loaded, portalCase.unreadMessages, reloadCase]);

  const messages = [...(data?.messages ?? [])].sort((a, b) => a.at.localeCompare(b.at));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const text = body.trim();
    setSent(false);
    setFailure(null);
    if (!text) {
      setBodyError(t.messages.bodyRequired);
      return focusFirstInvalid();
    }
    setBodyError(null);
    setBusy(true);
    try {
      const message = await api.post<Message>("/messages", { body: text });
      setData({ messages: [...(data?.messages ?? []), message] });
      setBody("");
      setSent(true);
      announce(t.messages.sent);
    } catch (failed) {
      setFailure(failed);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <BackLink />
      <PageHeading title={t.messages.title} />
      <p>{t.messages.intro}</p>
      <section className="card" aria-labelledby="thread-title">
        <h2 id="thread-title">{t.messages.conversation}</h2>
        {error && <ErrorAlert error={error} onRetry={reload} />}
        {!error && !data && <Loading />}
        {data && messages.length === 0 && <p>{t.messages.empty}</p>}
        {messages.length > 0 && (
          <ol className="thread">
            {messages.map((message) => (
              <li key={message.id} className={`message message-${message.author}`}>
                <p className="message-meta">
                  <span className="message-author">
                    {message.author === "debtor" ? t.messages.you : t.messages.agency}
                  </span>
                  {" · "}
                  <time dateTime={message.at}>
                    {formatInstant(message.at, language, portalCase.timeZone)}
                  </time>
                </p>
                <p className="message-body">{message.body}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
      {failure !== null && <ErrorAlert error={failure} />}
      <form className="card form" onSubmit={submit} noValidate>
        <Field id="message-body" label={t.messages.bodyLabel} error={bodyError}>
          {(control) => (
            <textarea
              {...control}
              className="input textarea"
              rows={4}
              maxLength={4000}
              value={body}
              onChange={(event) => {
                setBody(event.target.value);
                setSent(false);
              }}
            />
          )}
        </Field>
        {sent && (
          <p className="saved">
            <span aria-hidden="true">✓ </span>
            {t.messages.sent}
          </p>
        )}
        <Button type="submit" id="message-send" busy={busy}>
          {t.messages.send}
        </Button>
      </form>
    </>
  );
}
