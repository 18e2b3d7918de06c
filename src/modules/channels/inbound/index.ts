/**
 * Inbound channel messages: what debtors and mail servers send back.
 * parseInboundEmail tells replies from bounces, complaints, auto-replies and
 * PEC receipts; classifyReply reads a reply's intent (only kind "reply" should
 * be classified).
 */

export { classifyReply } from "./domain/classify-reply.js";
export type {
  ClassifyReplyOptions,
  DetectedIntent,
  PromiseToPay,
  ReplyClassification,
  ReplyIntent,
} from "./domain/reply-intent.js";
export { INTENT_PRECEDENCE } from "./domain/reply-intent.js";
export {
  type Bounce,
  type DeliveryReport,
  type DsnAction,
  parseDsn,
  type RecipientStatus,
} from "./parse/parse-dsn.js";
export type { Complaint } from "./parse/parse-feedback-report.js";
export {
  type InboundAttachment,
  type InboundEmail,
  type InboundKind,
  parseInboundEmail,
} from "./parse/parse-inbound-email.js";
export {
  type PecEnvelope,
  type PecOutcome,
  type PecReceipt,
  type PecReceiptType,
  parsePecReceipt,
} from "./parse/parse-pec-receipt.js";
export { stripQuotedText } from "./parse/strip-quoted-text.js";
export { bounceAddressFor, bounceTokenFromAddress } from "./parse/verp.js";
