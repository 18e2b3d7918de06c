/** Documents of a repayment plan: the acknowledgment of debt the debtor signs, and its signed copy. */

export type { AcknowledgmentInput, SignatureRecord } from "./acknowledgment-input.js";
export {
  renderAcknowledgmentOfDebt,
  renderSignedAcknowledgment,
  sha256Hex,
} from "./acknowledgment-of-debt.js";
export {
  ACKNOWLEDGMENT_STRINGS,
  type AcknowledgmentStrings,
  type DocumentLanguage,
} from "./acknowledgment-strings.js";
