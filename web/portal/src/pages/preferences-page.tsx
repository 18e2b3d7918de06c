import { type FormEvent, useEffect, useState } from "react";
import { api } from "../api";
import { useApp } from "../app-context";
import { ErrorAlert, Loading } from "../components/alert";
import { Button } from "../components/button";
import { describedBy, Field, FieldError, focusFirstInvalid } from "../components/field";
import { BackLink } from "../components/link";
import { PageHeading } from "../components/page-heading";
import { RadioGroup } from "../components/radio-group";
import type { Channel, Language, Preferences } from "../types";
import { useLoad } from "../use-load";

const CHANNELS: readonly Channel[] = ["email", "sms", "letter", "phone"];

/** `/portal/preferences`: preferred channel, time window, language and opt-outs. */
export function PreferencesPage() {
  const { t, setLanguage, announce } = useApp();
  const { data, error, reload } = useLoad<Preferences>("/preferences");
  const [form, setForm] = useState<Preferences | null>(null);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [windowError, setWindowError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!data) return;
    setForm(data);
    setFrom(data.window?.from ?? "");
    setTo(data.window?.to ?? "");
  }, [data]);

  const heading = (
    <>
      <BackLink />
      <PageHeading title={t.preferences.title} />
    </>
  );
  if (error && !form) {
    return (
      <>
        {heading}
        <ErrorAlert error={error} onRetry={reload} />
      </>
    );
  }
  if (!form) {
    return (
      <>
        {heading}
        <Loading />
      </>
    );
  }

  const change = (patch: Partial<Preferences>) => {
    setForm({ ...form, ...patch });
    setSaved(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    let problem: string | null = null;
    if ((from === "") !== (to === "")) problem = t.preferences.windowIncomplete;
    else if (from !== "" && to <= from) problem = t.preferences.windowOrder;
    setWindowError(problem);
    setFailure(null);
    setSaved(false);
    if (problem) return focusFirstInvalid();
    setBusy(true);
    try {
      const body: Preferences = { ...form, window: from ? { from, to } : null };
      const answer = await api.put<Preferences>("/preferences", body);
      setForm(answer ?? body);
      setSaved(true);
      setLanguage((answer ?? body).language, true);
      announce(t.preferences.saved);
    } catch (failed) {
      setFailure(failed);
    } finally {
      setBusy(false);
    }
  };

  const windowErrorId = windowError ? "window-error" : null;
  const timeAria = {
    "aria-describedby": describedBy("window-hint", windowErrorId),
    ...(windowError ? { "aria-invalid": true as const } : {}),
  };

  return (
    <>
      {heading}
      <p>{t.preferences.intro}</p>
      {failure !== null && <ErrorAlert error={failure} />}
      <form className="card form" onSubmit={submit} noValidate>
        <Field id="pref-channel" label={t.preferences.channelLabel}>
          {(control) => (
            <select
              {...control}
              className="input select"
              value={form.channel ?? ""}
              onChange={(event) =>
                change({
                  channel: event.target.value === "" ? null : (event.target.value as Channel),
                })
              }
            >
              <option value="">{t.preferences.noChannel}</option>
              {CHANNELS.map((channel) => (
                <option key={channel} value={channel}>
                  {t.preferences.channel[channel]}
                </option>
              ))}
            </select>
          )}
        </Field>

        <fieldset className={windowError ? "group field-invalid" : "group"}>
          <legend>{t.preferences.windowLegend}</legend>
          <p id="window-hint" className="hint">
            {t.preferences.windowHint}
          </p>
          {windowError && windowErrorId && (
            <FieldError id={windowErrorId}>{windowError}</FieldError>
          )}
          <div className="time-row">
            <div className="field">
              <label htmlFor="pref-from">{t.preferences.from}</label>
              <input
                id="pref-from"
                className="input input-time"
                type="time"
                value={from}
                onChange={(event) => setFrom(event.target.value)}
                {...timeAria}
              />
            </div>
            <div className="field">
              <label htmlFor="pref-to">{t.preferences.to}</label>
              <input
                id="pref-to"
                className="input input-time"
                type="time"
                value={to}
                onChange={(event) => setTo(event.target.value)}
                {...timeAria}
              />
            </div>
          </div>
        </fieldset>

        <RadioGroup<Language>
          name="pref-language"
          legend={t.preferences.languageLegend}
          options={[
            { value: "it", label: "Italiano", lang: "it" },
            { value: "en", label: "English", lang: "en" },
          ]}
          value={form.language}
          onChange={(language) => change({ language })}
        />

        <fieldset className="group" aria-describedby="optout-hint">
          <legend>{t.preferences.optOutLegend}</legend>
          <p id="optout-hint" className="hint">
            {t.preferences.optOutHint}
          </p>
          <div className="choices">
            {CHANNELS.map((channel) => (
              <div className="choice" key={channel}>
                <label htmlFor={`optout-${channel}`}>
                  <input
                    type="checkbox"
                    id={`optout-${channel}`}
                    checked={form.optOut.includes(channel)}
                    onChange={(event) =>
                      change({
                        optOut: event.target.checked
                          ? [...form.optOut, channel]
                          : form.optOut.filter((other) => other !== channel),
                      })
                    }
                  />
                  <span>{t.preferences.channel[channel]}</span>
                </label>
              </div>
            ))}
          </div>
        </fieldset>

        {saved && (
          // Announced through the layout's live region; this is the visible twin.
          <p className="saved">
            <span aria-hidden="true">✓ </span>
            {t.preferences.saved}
          </p>
        )}
        <Button type="submit" id="pref-save" busy={busy}>
          {t.preferences.save}
        </Button>
      </form>
    </>
  );
}
