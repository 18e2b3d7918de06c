import { useEffect, useState } from "react";
import { useApp } from "../app-context";

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older browsers and non-secure pages: copy through a hidden textarea.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const done = document.execCommand("copy");
    area.remove();
    return done;
  }
}

/** "Copy" (named "Copy IBAN" for screen readers); the result is announced politely. */
export function CopyButton({ value, what }: { value: string; what: string }) {
  const { t, announce } = useApp();
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 2500);
    return () => window.clearTimeout(timer);
  }, [copied]);

  const onClick = async () => {
    const done = await copyText(value);
    setCopied(done);
    announce(done ? t.common.copied(what) : t.common.copyFailed);
  };
  return (
    <span className="copy">
      <button type="button" className="button button-quiet" onClick={onClick}>
        {t.common.copy}
        <span className="sr-only"> {what}</span>
      </button>
      {copied && (
        <span className="copied" aria-hidden="true">
          ✓ {t.common.copiedShort}
        </span>
      )}
    </span>
  );
}
