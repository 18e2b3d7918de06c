/**
 * A call script is a template whose [TITLED] sections are steps; the lettered
 * ones ("A. SAYS THEY HAVE ALREADY PAID") are branches for what the debtor says.
 * The agent sees the opening, the branch for the reason this debtor already
 * gave (if any) first, the other branches, and the closing.
 */

export interface ScriptSection {
  title: string;
  text: string;
  branch: boolean;
}

export interface CallScript {
  opening: string;
  branch: { reason: string; text: string } | null;
  closing: string;
  sections: ScriptSection[];
}

const TITLE = /^\[(.+)\]\s*$/;
const BRANCH_TITLE = /^[A-Z]\.\s/;

/** Which branch titles answer each reason a debtor can give (Italian and English scripts). */
const BRANCH_FOR_REASON: Record<string, RegExp> = {
  already_paid: /PAID|PAGAT/,
  invoice_not_received: /NOT RECEIVED|NON RICEVUTA|DISPUT|CONTEST/,
  billing_error: /DISPUT|CONTEST/,
  not_my_debt: /DISPUT|CONTEST/,
  temporary_difficulty: /DIFFICULT|DIFFICOLT/,
  job_loss_illness: /DIFFICULT|DIFFICOLT/,
};

export function splitSections(text: string): ScriptSection[] {
  const sections: ScriptSection[] = [];
  let current: ScriptSection | null = null;
  for (const line of text.split("\n")) {
    const title = TITLE.exec(line.trim());
    if (title?.[1]) {
      current = { title: title[1], text: "", branch: BRANCH_TITLE.test(title[1]) };
      sections.push(current);
      continue;
    }
    if (!current) {
      current = { title: "", text: "", branch: false };
      sections.push(current);
    }
    current.text += `${line}\n`;
  }
  return sections
    .map((s) => ({ ...s, text: s.text.trim() }))
    .filter((s) => s.title !== "" || s.text !== "");
}

const render = (sections: ScriptSection[]) =>
  sections.map((s) => (s.title ? `[${s.title}]\n${s.text}` : s.text)).join("\n\n");

/** `latestReason`: the newest reason the debtor gave on this case, if any. */
export function shapeScript(text: string, latestReason: string | null): CallScript {
  const sections = splitSections(text);
  const firstBranch = sections.findIndex((s) => s.branch);
  const lastBranch = sections.map((s) => s.branch).lastIndexOf(true);
  if (firstBranch < 0) return { opening: render(sections), branch: null, closing: "", sections };
  const pattern = latestReason ? BRANCH_FOR_REASON[latestReason] : undefined;
  const match = pattern
    ? sections.find((s) => s.branch && pattern.test(s.title.toUpperCase()))
    : undefined;
  return {
    opening: render(sections.slice(0, firstBranch)),
    branch: match && latestReason ? { reason: latestReason, text: render([match]) } : null,
    closing: render(sections.slice(lastBranch + 1)),
    sections,
  };
}
