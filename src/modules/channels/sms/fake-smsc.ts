/**
 * Test support: a real SMPP server (the `smpp` library's own) standing in for
 * an SMSC. It checks bind credentials, records submit_sm, answers with message
 * ids or a chosen command_status, and sends deliver_sm back.
 */
import type { AddressInfo } from "node:net";
import smpp, { type Pdu, type PduFields, type Server, type Session } from "smpp";

/** How to answer a submit_sm: a command_status, or "hold" to never answer. */
export type SubmitAnswer = number | "hold";

export class FakeSmsc {
  readonly submits: Pdu[] = [];
  binds = 0;
  answerSubmit: (pdu: Pdu) => SubmitAnswer = () => 0;
  private readonly bound = new Set<Session>();
  private nextMessageId = 1;

  private constructor(
    private readonly server: Server,
    private readonly systemId: string,
    private readonly password: string,
  ) {
    server.on("session", (session: Session) => this.serve(session));
  }

  static async start(credentials: { systemId: string; password: string }): Promise<FakeSmsc> {
    const server = smpp.createServer();
    const smsc = new FakeSmsc(server, credentials.systemId, credentials.password);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return smsc;
  }

  url(password = this.password): string {
    const { port } = this.server.address() as AddressInfo;
    return `smpp://${this.systemId}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  }

  /** Sends a deliver_sm to the bound ESME and resolves with its deliver_sm_resp. */
  async deliver(fields: PduFields): Promise<Pdu> {
    await waitFor(() => this.bound.size > 0, "a bound ESME");
    const [session] = this.bound;
    return new Promise((resolve) => session!.deliver_sm(fields, resolve));
  }

  async waitForSubmits(count: number): Promise<void> {
    await waitFor(() => this.submits.length >= count, `${count} submit_sm`);
  }

  /** Cuts every connection, as a crashing SMSC or a broken network would. */
  dropConnections(): void {
    for (const session of this.server.sessions) session.destroy();
  }

  async close(): Promise<void> {
    this.dropConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private serve(session: Session): void {
    session.on("error", () => {});
    session.on("close", () => this.bound.delete(session));
    session.on("bind_transceiver", (pdu: Pdu) => {
      this.binds += 1;
      const status =
        pdu.system_id !== this.systemId
          ? smpp.errors.ESME_RINVSYSID
          : pdu.password !== this.password
            ? smpp.errors.ESME_RINVPASWD
            : 0;
      session.send(pdu.response(status ? { command_status: status } : { system_id: "fake-smsc" }));
      if (status) session.close();
      else this.bound.add(session);
    });
    session.on("submit_sm", (pdu: Pdu) => {
      this.submits.push(pdu);
      const answer = this.answerSubmit(pdu);
      if (answer === "hold") return;
      const messageId = `msg-${this.nextMessageId++}`;
      session.send(pdu.response(answer ? { command_status: answer } : { message_id: messageId }));
    });
    session.on("enquire_link", (pdu: Pdu) => session.send(pdu.response()));
    session.on("unbind", (pdu: Pdu) => {
      session.send(pdu.response());
      session.close();
    });
  }
}

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
