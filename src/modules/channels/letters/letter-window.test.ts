import { describe, expect, it } from "vitest";
import type { LetterInput } from "./letter.js";
import { renderLetterPdf } from "./render-letter.js";
import {
  type Box,
  colouredPixelCount,
  isInside,
  openPdf,
  overlaps,
  pageRgba,
  pageTextLines,
} from "./test-support/pdf-inspection.js";
import { formalNoticeIt } from "./test-support/sample-letters.js";

// The envelope windows as the brief states them (DL/C5/C6, 90 × 45 mm), independent of the code.
const MM = 72 / 25.4;
const WINDOWS: Record<"left" | "right", Box> = {
  right: { x: 110 * MM, y: 50 * MM, width: 90 * MM, height: 45 * MM },
  left: { x: 20 * MM, y: 50 * MM, width: 90 * MM, height: 45 * MM },
};
const REVEALS_DEBT =
  /sollecit|debit|debt|recupero|credit|mora\b|diffida|pagament|payment|importo|fattur|€|EUR|\d,\d\d/i;

async function windowView(letter: LetterInput) {
  const doc = openPdf(await renderLetterPdf(letter));
  const window = WINDOWS[letter.window ?? "right"];
  const lines = pageTextLines(doc, 0);
  return {
    window,
    lines,
    seen: lines.filter((line) => overlaps(line, window)),
    pixels: pageRgba(doc, 0, 100, window),
  };
}

describe.each(["right", "left"] as const)("the %s envelope window", (side) => {
  it("shows the recipient's name and every address line, whole", async () => {
    const letter = formalNoticeIt({ window: side });
    const { window, lines } = await windowView(letter);
    for (const expected of [letter.recipient.name, ...letter.recipient.lines]) {
      const line = lines.find((candidate) => candidate.text.trim() === expected);
      expect(line, expected).toBeDefined();
      expect(isInside(line!, window), `${expected} inside the window`).toBe(true);
    }
  });

  it("shows nothing that reveals a debt: no debt words, no amounts, only the return line", async () => {
    const letter = formalNoticeIt({ window: side });
    const { seen } = await windowView(letter);
    const allowed = [letter.returnAddress, letter.recipient.name, ...letter.recipient.lines];
    expect(seen.map((line) => line.text.trim()).sort()).toEqual(allowed.sort());
    for (const line of seen) expect(line.text).not.toMatch(REVEALS_DEBT);
  });

  it("shows no colour (no logo or accent that could identify the sender's trade)", async () => {
    const { pixels } = await windowView(formalNoticeIt({ window: side }));
    expect(colouredPixelCount(pixels)).toBe(0);
  });

  it("fits a long foreign address inside the window", async () => {
    const letter = formalNoticeIt({
      window: side,
      recipient: {
        name: "Herrn Maximilian Alexander von Hohenstein-Wittgenstein",
        lines: [
          "c/o Hohenstein Immobilienverwaltung GmbH",
          "Kurfürstendamm 195, Hinterhaus, 3. Obergeschoss",
          "D-10707 Berlin",
          "GERMANIA",
        ],
      },
    });
    const { window, lines } = await windowView(letter);
    for (const expected of [letter.recipient.name, ...letter.recipient.lines]) {
      const line = lines.find((candidate) => candidate.text.trim() === expected);
      expect(line, expected).toBeDefined();
      expect(isInside(line!, window), `${expected} inside the window`).toBe(true);
    }
  });
});
