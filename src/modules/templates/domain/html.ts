/**
 * Plain message text to an HTML fragment. The input is already escaped (the
 * renderer escapes both the template's own text and every value), so this only
 * adds structure: paragraphs from blank-line-separated text, lists from lines
 * starting with "- ", headings from "[SECTION]" lines of call scripts, and
 * clickable links.
 */

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes the five characters that matter in text and attributes; leaves "/" alone so links stay recognisable. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (character) => HTML_ENTITIES[character] ?? character);
}

export function escapedTextToHtml(text: string): string {
  const blocks = text.split(/\n[ \t]*\n+/);
  return blocks
    .map((block) => blockToHtml(block.split("\n").map((line) => line.trimEnd())))
    .filter((html) => html !== "")
    .join("\n");
}

type Run = { kind: "paragraph" | "list" | "heading"; lines: string[] };

function blockToHtml(lines: readonly string[]): string {
  const runs: Run[] = [];
  for (const line of lines) {
    if (line.trim() === "") continue;
    const kind = /^\s*- /.test(line)
      ? "list"
      : /^\[[^\]]+\]$/.test(line.trim())
        ? "heading"
        : "paragraph";
    const last = runs.at(-1);
    if (last && last.kind === kind && kind !== "heading") last.lines.push(line);
    else runs.push({ kind, lines: [line] });
  }
  return runs.map(runToHtml).join("\n");
}

function runToHtml(run: Run): string {
  if (run.kind === "heading") return `<h3>${linkify(run.lines[0]!.trim().slice(1, -1))}</h3>`;
  if (run.kind === "list") {
    const items = run.lines.map((line) => `<li>${linkify(line.replace(/^\s*- /, ""))}</li>`);
    return `<ul>\n${items.join("\n")}\n</ul>`;
  }
  return `<p>${run.lines.map((line) => linkify(line.trim())).join("<br>\n")}</p>`;
}

// URLs first, so an "@" inside a URL is not taken for an e-mail address.
const LINK =
  /(https?:\/\/[^\s<]+)|([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;

/** Trailing punctuation belongs to the sentence, not to the link: "…/pay." */
const TRAILING_PUNCTUATION = /[.,;:!?)]+$/;

function linkify(line: string): string {
  return line.replace(LINK, (match: string, url: string | undefined) => {
    if (url === undefined) return `<a href="mailto:${match}">${match}</a>`;
    const trailing = TRAILING_PUNCTUATION.exec(url)?.[0] ?? "";
    const link = url.slice(0, url.length - trailing.length);
    return `<a href="${link}">${link}</a>${trailing}`;
  });
}
