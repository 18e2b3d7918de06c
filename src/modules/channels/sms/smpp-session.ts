/**
 * One bound SMPP transceiver session over the `smpp` library: connect, bind,
 * request/response with timeouts, keep-alive, and answering the SMSC. Requests
 * still waiting when the connection ends fail as transient.
 */
import smpp, { type Pdu, type PduFields, type Session } from "smpp";
import { describeStatus, statusName } from "./smpp-status.js";
import { SmsSendError } from "./sms-transport.js";

export interface SmppEndpoint {
  host: string;
  port: number;
  tls: boolean;
  systemId: string;
  password: string;
}

/** `smpp://system_id:password@host:port` (`ssmpp://` for TLS); percent-encode special characters. */
export function parseSmppUrl(url: string): SmppEndpoint {
  const parsed = new URL(url);
  if (parsed.protocol !== "smpp:" && parsed.protocol !== "ssmpp:") {
    throw new Error(`SMPP url must start with smpp:// or ssmpp://, got ${parsed.protocol}//`);
  }
  const tls = parsed.protocol === "ssmpp:";
  const systemId = decodeURIComponent(parsed.username);
  if (!systemId || !parsed.hostname) {
    throw new Error("SMPP url needs a system_id and a host: smpp://system_id:password@host:port");
  }
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : tls ? 3550 : 2775,
    tls,
    systemId,
    password: decodeURIComponent(parsed.password),
  };
}

export interface SmppSessionSettings {
  systemType: string;
  connectTimeoutMs: number;
  responseTimeoutMs: number;
  enquireLinkMs: number;
}

export interface SmppSessionEvents {
  /** Handles a deliver_sm and says which command_status to answer with. */
  onDeliver(pdu: Pdu): Promise<number>;
  onClose(reason: string): void;
}

type Request = "bind_transceiver" | "submit_sm" | "enquire_link" | "unbind";

const CLOSE_GRACE_MS = 2_000;

export class SmppSession {
  readonly where: string;
  private readonly pending = new Set<(error: SmsSendError) => void>();
  private closeReason?: string;
  private lastError?: Error;
  private keepAlive?: NodeJS.Timeout;
  private closedByUs = false;
  private closing?: Promise<void>;

  private constructor(
    private readonly session: Session,
    private readonly settings: SmppSessionSettings,
    endpoint: SmppEndpoint,
    private readonly events: SmppSessionEvents,
  ) {
    this.where = `${endpoint.host}:${endpoint.port}`;
    // The library stops reading after a PDU it cannot parse, so any error ends the session.
    session.on("error", (error: Error) => {
      this.lastError = error;
      session.destroy();
    });
    session.on("close", () => this.handleClose());
    session.on("deliver_sm", (pdu: Pdu) => this.answerDeliver(pdu));
    session.on("enquire_link", (pdu: Pdu) => session.send(pdu.response()));
    session.on("unbind", (pdu: Pdu) => {
      session.send(pdu.response());
      session.close();
    });
  }

  /** Connects and binds as a transceiver; a refused bind names the SMSC's reason. */
  static async bind(
    endpoint: SmppEndpoint,
    settings: SmppSessionSettings,
    events: SmppSessionEvents,
  ): Promise<SmppSession> {
    const raw = smpp.connect({ host: endpoint.host, port: endpoint.port, tls: endpoint.tls });
    const session = new SmppSession(raw, settings, endpoint, events);
    try {
      await session.connected(endpoint.tls);
      const response = await session.request("bind_transceiver", {
        system_id: endpoint.systemId,
        password: endpoint.password,
        system_type: settings.systemType,
      });
      if (response.command_status !== 0) {
        throw new SmsSendError(
          `SMSC ${session.where} refused bind_transceiver as "${endpoint.systemId}": ${describeStatus(response.command_status)}`,
          false,
          statusName(response.command_status),
        );
      }
    } catch (error) {
      raw.destroy();
      throw error;
    }
    session.keepAlive = setInterval(() => session.enquireLink(), settings.enquireLinkMs).unref();
    return session;
  }

  get open(): boolean {
    return this.closeReason === undefined;
  }

  submit(fields: PduFields): Promise<Pdu> {
    return this.request("submit_sm", fields);
  }

  /** Unbinds politely, then closes; gives up waiting after a short grace. Safe to call twice. */
  close(): Promise<void> {
    this.closing ??= this.unbindAndClose();
    return this.closing;
  }

  private async unbindAndClose(): Promise<void> {
    if (!this.open) return;
    this.closedByUs = true;
    await this.request("unbind", {}, CLOSE_GRACE_MS).catch(() => {});
    if (!this.open) return;
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => this.session.destroy(), CLOSE_GRACE_MS);
      this.session.close(() => {
        clearTimeout(force);
        resolve();
      });
    });
  }

  private request(
    command: Request,
    fields: PduFields,
    timeoutMs = this.settings.responseTimeoutMs,
  ) {
    return new Promise<Pdu>((resolve, reject) => {
      if (!this.open) return reject(this.connectionLost());
      const settle = (error?: SmsSendError, response?: Pdu) => {
        clearTimeout(timer);
        this.pending.delete(settle);
        if (error) reject(error);
        else resolve(response!);
      };
      const timer = setTimeout(() => {
        const message = `no ${command}_resp from SMSC ${this.where} within ${timeoutMs} ms`;
        settle(new SmsSendError(message, false, "timeout"));
      }, timeoutMs);
      this.pending.add(settle);
      try {
        const sent = this.session[command](fields, (response) => settle(undefined, response));
        if (!sent) settle(this.connectionLost());
      } catch (error) {
        // The library could not encode the PDU: the same message will never encode.
        const message = `cannot encode ${command}: ${(error as Error).message}`;
        settle(new SmsSendError(message, true, "encoding_failed", { cause: error }));
      }
    });
  }

  private connected(tls: boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      const event = tls ? "secureConnect" : "connect";
      const finish = (error?: Error) => {
        clearTimeout(timer);
        this.session.off(event, onConnect);
        this.session.off("close", onClose);
        if (error) {
          const message = `cannot connect to SMSC ${this.where}: ${error.message}`;
          reject(new SmsSendError(message, false, "smsc_unreachable", { cause: error }));
        } else resolve();
      };
      const onConnect = () => finish();
      const onClose = () => finish(this.lastError ?? new Error("connection closed"));
      const timer = setTimeout(
        () => finish(new Error(`no connection within ${this.settings.connectTimeoutMs} ms`)),
        this.settings.connectTimeoutMs,
      );
      this.session.once(event, onConnect);
      this.session.once("close", onClose);
    });
  }

  /** A keep-alive the SMSC does not answer means a dead link: drop it so it is rebuilt. */
  private enquireLink(): void {
    this.request("enquire_link", {}).catch(() => this.session.destroy());
  }

  private answerDeliver(pdu: Pdu): void {
    this.events
      .onDeliver(pdu)
      .catch(() => smpp.errors.ESME_RX_T_APPN!)
      .then((status) => {
        if (this.open) this.session.send(pdu.response({ command_status: status }));
      });
  }

  private connectionLost(): SmsSendError {
    const reason = this.closeReason ?? "connection is not writable";
    return new SmsSendError(
      `SMPP connection to ${this.where} lost: ${reason}`,
      false,
      "connection_lost",
    );
  }

  private handleClose(): void {
    if (!this.open) return;
    clearInterval(this.keepAlive);
    this.closeReason = this.closedByUs
      ? "closed by Saldo"
      : `closed by the SMSC or the network${this.lastError ? ` (${this.lastError.message})` : ""}`;
    const lost = this.connectionLost();
    for (const settle of [...this.pending]) settle(lost);
    this.events.onClose(this.closeReason);
  }
}
