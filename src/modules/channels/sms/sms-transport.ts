/**
 * What the SMS dispatcher sees of a provider: send, and hear back about
 * deliveries and replies. SMPP and the generic HTTP provider both implement it.
 */
import type { SmsEncoding } from "./gsm7.js";

export interface SmsMessage {
  /** Sender: an alphanumeric id ("Saldo", at most 11 characters) or a number. */
  from: string;
  /** Recipient in E.164 ("+393331234567"). */
  to: string;
  text: string;
  /** Saldo's message id, for logs. */
  reference: string;
}

export interface SmsSendResult {
  /** The provider's ids, one per part of a concatenated message. */
  providerIds: string[];
  segments: number;
  encoding: SmsEncoding;
}

export type DeliveryStatus = "delivered" | "failed" | "expired" | "unknown";

export interface DeliveryReceipt {
  /** One of the ids `send` returned. */
  providerId: string;
  status: DeliveryStatus;
  errorCode?: string;
  at: Date;
}

export interface InboundSms {
  /** The sender, in E.164 when the provider says the number is international. */
  from: string;
  to: string;
  text: string;
  at: Date;
}

/**
 * A send that did not go out. `permanent`: it will never succeed (invalid
 * number, rejected content); otherwise try again later (throttled, timeout,
 * connection lost). `code` is the provider's reason, e.g. "ESME_RINVDSTADR".
 */
export class SmsSendError extends Error {
  override readonly name = "SmsSendError";
  readonly permanent: boolean;
  readonly code?: string;

  constructor(message: string, permanent: boolean, code?: string, options?: ErrorOptions) {
    super(message, options);
    this.permanent = permanent;
    if (code !== undefined) this.code = code;
  }
}

/**
 * A listener may be async: a transport answers the provider only after its
 * listeners settle, and a failure asks the provider to deliver the event again.
 */
export type SmsListener<T> = (event: T) => void | Promise<void>;

export interface SmsTransport {
  readonly name: string;
  send(message: SmsMessage): Promise<SmsSendResult>;
  onDeliveryReceipt(listener: SmsListener<DeliveryReceipt>): void;
  onInbound(listener: SmsListener<InboundSms>): void;
  close(): Promise<void>;
}

/** The least of a logger (pino's shape) a transport writes its connection story to. */
export interface SmsLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export const silentLogger: SmsLogger = { info() {}, warn() {} };

const E164 = /^\+[1-9]\d{6,14}$/;

/** Checks shared by every transport, before any provider is asked. */
export function assertSendable(message: SmsMessage): void {
  if (!E164.test(message.to)) {
    throw new SmsSendError(
      `recipient ${message.to} is not an E.164 number`,
      true,
      "invalid_destination",
    );
  }
  if (message.text.length === 0) {
    throw new SmsSendError("the text is empty", true, "empty_text");
  }
}
