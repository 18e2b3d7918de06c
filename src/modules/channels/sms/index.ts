/** SMS channel: encoding and segmentation, the SMPP and HTTP transports, provider callbacks. */

export { gsm7Septets, isGsm7, planSegments, type SegmentPlan, type SmsEncoding } from "./gsm7.js";
export {
  createHttpSmsTransport,
  type HttpSmsTransport,
  type HttpSmsTransportOptions,
} from "./http-sms-transport.js";
export {
  parseReceiptText,
  type ReceiptText,
  statusFromMessageState,
  statusFromStat,
} from "./parse-delivery-receipt.js";
export {
  createSmppTransport,
  type SmppTransport,
  type SmppTransportOptions,
} from "./smpp-transport.js";
export {
  type DeliveryReceipt,
  type DeliveryStatus as SmsDeliveryStatus,
  type InboundSms,
  type SmsListener,
  type SmsLogger,
  type SmsMessage,
  SmsSendError,
  type SmsSendResult,
  type SmsTransport,
} from "./sms-transport.js";
export {
  isDeliveryReceipt,
  parseSmsWebhook,
  SIGNATURE_HEADER,
  SmsWebhookError,
  type SmsWebhookErrorCode,
  type SmsWebhookHeaders,
  signSmsWebhook,
} from "./sms-webhook.js";
