/**
 * What the dispatcher hands a transport, and what it gets back. One transport
 * per written channel (email, PEC, SMS); letters go to print batches instead.
 */
export interface OutgoingMessage {
  /** Saldo's message id: in the Message-ID, the bounce address and the logs. */
  id: string;
  channel: "email" | "pec" | "sms";
  from: { name: string; address: string };
  to: string;
  replyTo?: string;
  subject?: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
}

export interface SendOutcome {
  /** The provider's ids (an SMS split in parts has one per part). */
  providerIds: string[];
  /** The outbox delivers at once; real providers confirm later, or never. */
  delivered: boolean;
  segments?: number;
}

/**
 * `permanent`: trying again cannot succeed. `badRecipient`: the address or number itself
 * is wrong. `ambiguous`: the provider may have taken it (no answer after the message was
 * handed over): it is never sent again (ADR 0004) and counts as sent.
 */
export class SendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly badRecipient = false,
    readonly ambiguous = false,
  ) {
    super(message);
  }
}

export interface ChannelTransport {
  readonly name: string;
  send(message: OutgoingMessage): Promise<SendOutcome>;
  close(): Promise<void>;
}
