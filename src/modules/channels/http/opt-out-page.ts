/**
 * The page behind the opt-out link: plain HTML, no script, readable on a
 * phone, in the language of the message. GET asks, POST does it (RFC 8058
 * one-click: mail clients POST "List-Unsubscribe=One-Click" to the same URL).
 */
const TEXT = {
  it: {
    title: "Preferenze di contatto",
    ask: (channel: string, tenant: string) =>
      `Vuole smettere di ricevere messaggi ${channel} da ${tenant}?`,
    button: "Sì, non inviatemi più questi messaggi",
    done: (channel: string) =>
      `Fatto: non riceverà più messaggi ${channel} a questo recapito. Potrebbe ancora ricevere comunicazioni per posta.`,
    unknown: "Questo link non è valido.",
  },
  en: {
    title: "Contact preferences",
    ask: (channel: string, tenant: string) =>
      `Do you want to stop receiving ${channel} messages from ${tenant}?`,
    button: "Yes, stop these messages",
    done: (channel: string) =>
      `Done: you will no longer receive ${channel} messages at this address or number. You may still receive letters by post.`,
    unknown: "This link is not valid.",
  },
} as const;

const CHANNEL_NAMES = {
  it: { email: "email", sms: "SMS", pec: "PEC" },
  en: { email: "email", sms: "text", pec: "PEC" },
} as const;

type Language = keyof typeof TEXT;

export function pageLanguage(language: string | undefined): Language {
  return language === "en" ? "en" : "it";
}

function channelName(language: Language, channel: string): string {
  return CHANNEL_NAMES[language][channel as "email"] ?? channel;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(language: Language, body: string): string {
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${TEXT[language].title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
button{font-size:1rem;padding:.75rem 1rem;border-radius:.5rem;border:1px solid #333;background:#fff}</style>
</head><body><main><h1>${TEXT[language].title}</h1>${body}</main></body></html>`;
}

export function askPage(language: Language, channel: string, tenant: string): string {
  const t = TEXT[language];
  return page(
    language,
    `<p>${escapeHtml(t.ask(channelName(language, channel), tenant))}</p>
<form method="post"><button type="submit" name="confirm" value="1">${t.button}</button></form>`,
  );
}

export function donePage(language: Language, channel: string): string {
  return page(
    language,
    `<p role="status">${escapeHtml(TEXT[language].done(channelName(language, channel)))}</p>`,
  );
}

export function unknownPage(language: Language): string {
  return page(language, `<p role="alert">${TEXT[language].unknown}</p>`);
}
