export type {
  AmountRow,
  EnvelopeWindow,
  LetterAmounts,
  Letterhead,
  LetterInput,
  LetterLanguage,
  LetterPayment,
  LetterPlacement,
  LetterRecipient,
  PaymentQrCode,
  PdfRenderOptions,
} from "./letter.js";
export { ENVELOPE_WINDOWS } from "./page-geometry.js";
export { type PrintBatch, type PrintBatchLetter, renderPrintBatch } from "./print-batch.js";
export { buildPrintManifest, type PrintedLetterPages } from "./print-manifest.js";
export {
  createLetterDocument,
  finishPdf,
  type LetterDocumentInfo,
  renderLetter,
  renderLetterPdf,
} from "./render-letter.js";
export { revealsDebt } from "./window-neutrality.js";
