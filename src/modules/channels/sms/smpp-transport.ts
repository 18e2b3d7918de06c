/**
 * SMS over SMPP 3.4 as an ESME: one transceiver session, bound on first use
 * and kept bound (receipts and replies only arrive while bound), rebuilt with
 * backoff when it drops. Long texts go out as UDH-concatenated parts.
 */
import smpp, { type Pdu } from "smpp";
import { planSegments } from "./gsm7.js";
import { Listeners } from "./listeners.js";
import { MoReassembly } from "./mo-reassembly.js";
import { createPacer } from "./pacer.js";
import { destinationAddress, sourceAddress } from "./smpp-addresses.js";
import { interpretDeliverSm } from "./smpp-deliver.js";
import { parseSmppUrl, type SmppEndpoint, SmppSession } from "./smpp-session.js";
import { submitRefusal } from "./smpp-status.js";
import {
  assertSendable,
  type DeliveryReceipt,
  type InboundSms,
  type SmsListener,
  type SmsLogger,
  type SmsMessage,
  SmsSendError,
  type SmsSendResult,
  type SmsTransport,
  silentLogger,
} from "./sms-transport.js";

export interface SmppTransportOptions {
  /** `smpp://system_id:password@host:port`, or `ssmpp://` for TLS. */
  url: string;
  systemType?: string;
  /** Override the TON/NPI derived from the sender (alphanumeric → 5/0, "+39…" → 1/1). */
  sourceTon?: number;
  sourceNpi?: number;
  /** submit_sm per second across all sends (each part counts); unlimited when absent. */
  throughputPerSecond?: number;
  enquireLinkMs?: number;
  responseTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** Backoff between reconnect attempts: doubles from `initialMs` up to `maxMs`, with jitter. */
  reconnect?: { initialMs?: number; maxMs?: number };
  name?: string;
  logger?: SmsLogger;
}

export interface SmppTransport extends SmsTransport {
  /** Binds now instead of on the first send: a process that only listens for replies calls this. */
  connect(): Promise<void>;
}

const DATA_CODING = { gsm7: 0, ucs2: 8 } as const;
const REGISTERED_DELIVERY_FINAL = 1;
const MAX_PARTS = 255;
/** A session that lived this long was healthy: its drop is reconnected at once. */
const STABLE_SESSION_MS = 30_000;

export function createSmppTransport(options: SmppTransportOptions): SmppTransport {
  return new SmppClient(options);
}

class SmppClient implements SmppTransport {
  readonly name: string;
  private readonly endpoint: SmppEndpoint;
  private readonly logger: SmsLogger;
  private readonly pace: () => Promise<void>;
  private readonly receipts = new Listeners<DeliveryReceipt>();
  private readonly inbound = new Listeners<InboundSms>();
  private readonly reassembly = new MoReassembly();
  private session?: SmppSession;
  private boundAt = 0;
  private connecting?: Promise<SmppSession>;
  /** The latest bind as SmppSession.bind returned it, so close() can end a bind still in flight. */
  private latestAttempt?: Promise<SmppSession>;
  private failures = 0;
  private lastFailure?: SmsSendError;
  private retryAt = 0;
  private retryTimer?: NodeJS.Timeout;
  private closed = false;
  private concatReference = Math.floor(Math.random() * 256);

  constructor(private readonly options: SmppTransportOptions) {
    this.name = options.name ?? "smpp";
    this.endpoint = parseSmppUrl(options.url);
    this.logger = options.logger ?? silentLogger;
    this.pace = createPacer(options.throughputPerSecond);
  }

  async send(message: SmsMessage): Promise<SmsSendResult> {
    assertSendable(message);
    const plan = planSegments(message.text);
    if (plan.segments.length > MAX_PARTS) {
      throw new SmsSendError(
        `text needs ${plan.segments.length} parts, at most ${MAX_PARTS}`,
        true,
        "text_too_long",
      );
    }
    const source = sourceAddress(message.from, this.options);
    const destination = destinationAddress(message.to);
    const session = await this.boundSession();
    const reference = this.nextConcatReference();
    const total = plan.segments.length;
    const providerIds: string[] = [];
    for (const [index, text] of plan.segments.entries()) {
      // Concatenation UDH: length 5, IEI 0x00 (8-bit reference), IE length 3, reference, total, seq.
      const udh = total > 1 ? Buffer.from([5, 0x00, 3, reference, total, index + 1]) : undefined;
      await this.pace();
      const response = await session.submit({
        source_addr_ton: source.ton,
        source_addr_npi: source.npi,
        source_addr: source.address,
        dest_addr_ton: destination.ton,
        dest_addr_npi: destination.npi,
        destination_addr: destination.address,
        registered_delivery: REGISTERED_DELIVERY_FINAL,
        data_coding: DATA_CODING[plan.encoding],
        // The library encodes the text by data_coding, prepends the UDH and sets esm_class UDHI.
        short_message: udh ? { udh, message: text } : { message: text },
      });
      if (response.command_status !== 0) {
        throw submitRefusal(response.command_status, message.reference);
      }
      providerIds.push(String(response.message_id ?? ""));
    }
    return { providerIds, segments: total, encoding: plan.encoding };
  }

  onDeliveryReceipt(listener: SmsListener<DeliveryReceipt>): void {
    this.receipts.add(listener);
  }

  onInbound(listener: SmsListener<InboundSms>): void {
    this.inbound.add(listener);
  }

  async connect(): Promise<void> {
    await this.boundSession();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    await Promise.all([
      this.session?.close(),
      this.latestAttempt?.then(
        (session) => session.close(),
        () => {},
      ),
    ]);
  }

  /**
   * The bound session, binding if needed. While a reconnect waits out its
   * backoff, a send waits too when the attempt is near, and fails fast otherwise.
   */
  private async boundSession(): Promise<SmppSession> {
    if (this.closed) throw new SmsSendError("SMPP transport is closed", false, "transport_closed");
    if (this.session?.open) return this.session;
    if (this.connecting) return this.connecting;
    const wait = this.retryAt - Date.now();
    if (wait > 0) {
      if (wait > this.connectTimeoutMs) {
        const last = this.lastFailure?.message ?? "no connection";
        throw new SmsSendError(
          `SMSC ${this.endpoint.host}:${this.endpoint.port} unavailable, next attempt in ${Math.ceil(wait / 1000)} s (${last})`,
          false,
          this.lastFailure?.code ?? "smsc_unavailable",
        );
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
      return this.boundSession();
    }
    return this.bind();
  }

  private bind(): Promise<SmppSession> {
    clearTimeout(this.retryTimer);
    const settings = {
      systemType: this.options.systemType ?? "",
      connectTimeoutMs: this.connectTimeoutMs,
      responseTimeoutMs: this.options.responseTimeoutMs ?? 10_000,
      enquireLinkMs: this.options.enquireLinkMs ?? 30_000,
    };
    const attempt = SmppSession.bind(this.endpoint, settings, {
      onDeliver: (pdu) => this.handleDeliver(pdu),
      onClose: (reason) => this.handleSessionClosed(attempt, reason),
    });
    this.latestAttempt = attempt;
    this.connecting = attempt.then(
      (session) => {
        this.connecting = undefined;
        if (this.closed) {
          void session.close();
          throw new SmsSendError("SMPP transport is closed", false, "transport_closed");
        }
        this.session = session;
        this.boundAt = Date.now();
        this.lastFailure = undefined;
        this.logger.info(
          { smsc: session.where, transport: this.name },
          "SMPP bound as transceiver",
        );
        return session;
      },
      (error: SmsSendError) => {
        this.connecting = undefined;
        this.lastFailure = error;
        this.failures += 1;
        this.logger.warn({ err: error, failures: this.failures }, "SMPP bind failed");
        this.scheduleReconnect(this.backoff());
        throw error;
      },
    );
    return this.connecting;
  }

  private handleSessionClosed(attempt: Promise<SmppSession>, reason: string): void {
    void attempt.then(
      (session) => {
        if (session !== this.session) return;
        this.session = undefined;
        if (this.closed) return;
        const lived = Date.now() - this.boundAt;
        this.failures = lived >= STABLE_SESSION_MS ? 0 : this.failures + 1;
        this.logger.warn({ smsc: session.where, reason }, "SMPP session dropped; reconnecting");
        this.scheduleReconnect(this.failures === 0 ? 0 : this.backoff());
      },
      () => {},
    );
  }

  /** Reconnect in the background: receipts and replies only arrive while bound. */
  private scheduleReconnect(delayMs: number): void {
    if (this.closed) return;
    this.retryAt = Date.now() + delayMs;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (!this.closed && !this.session?.open && !this.connecting) this.bind().catch(() => {});
    }, delayMs).unref();
  }

  private backoff(): number {
    const initial = this.options.reconnect?.initialMs ?? 1_000;
    const max = this.options.reconnect?.maxMs ?? 60_000;
    const base = Math.min(max, initial * 2 ** Math.max(0, this.failures - 1));
    return Math.round(base * (0.8 + 0.4 * Math.random())); // jitter: workers do not reconnect in step
  }

  private get connectTimeoutMs(): number {
    return this.options.connectTimeoutMs ?? 10_000;
  }

  private nextConcatReference(): number {
    this.concatReference = (this.concatReference + 1) % 256;
    return this.concatReference;
  }

  /** The command_status for deliver_sm_resp: a failed listener asks the SMSC to retry later. */
  private async handleDeliver(pdu: Pdu): Promise<number> {
    const event = interpretDeliverSm(pdu, new Date());
    try {
      if (event.kind === "receipt") {
        await this.receipts.emit(event.receipt);
      } else if (event.kind === "inbound") {
        const whole = this.reassembly.add(event.part);
        if (whole) {
          await this.inbound.emit(whole.message);
          whole.release();
        }
      } else {
        this.logger.warn({ reason: event.reason }, "SMPP deliver_sm ignored");
      }
      return smpp.errors.ESME_ROK!;
    } catch (error) {
      this.logger.warn({ err: error }, "SMS listener failed; the SMSC will deliver again");
      return smpp.errors.ESME_RX_T_APPN!;
    }
  }
}
