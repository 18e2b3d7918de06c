import { writeFileSync } from "node:fs";
import { renderLetterPdf } from "../render-letter.js";
import { openPdf, renderPage } from "./pdf-inspection.js";
import { formalNoticeIt } from "./sample-letters.js";

/** Renders the sample formal notice to a PNG for a person to look at: tsx render-sample.ts [out.png] */
const out = process.argv[2] ?? "/tmp/saldo-letter-sample.png";
const pdf = await renderLetterPdf(formalNoticeIt());
const doc = openPdf(pdf);
writeFileSync(out, renderPage(doc, 0, 110).asPNG());
writeFileSync(out.replace(/\.png$/, ".pdf"), pdf);
console.log(`${out} (${doc.countPages()} page(s))`);
