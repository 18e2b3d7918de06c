/**
 * Saldo's own SMTP listener for what comes back by email: replies (to
 * replies+<id>@ or the tenant's address), bounces (to bounces+<id>@), PEC
 * receipts. Point the mail domain's MX (or the relay) here. Only recipients
 * at SALDO_MAIL_DOMAIN are accepted: it is not an open relay.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { receiveEmail } from "./receive-email";

/** Larger messages are refused at once (replies with photos of receipts fit). */
export const INBOUND_MAX_BYTES = 30 * 1024 * 1024;

export async function runInboundSmtp(
  deps: { database: Database; clock: Clock },
  options: { port: number; host?: string; mailDomain: string; log?: (m: string) => void },
): Promise<{ port: number; stop(): Promise<void> }> {
  const log = options.log ?? (() => {});
  const domain = options.mailDomain.toLowerCase();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: INBOUND_MAX_BYTES,
    logger: false,
    banner: "Saldo inbound",
    onRcptTo(address, _session, callback) {
      const at = address.address.lastIndexOf("@");
      const host = address.address.slice(at + 1).toLowerCase();
      if (host !== domain && !host.endsWith(`.${domain}`)) {
        const error = new Error("5.7.1 relaying denied") as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (stream.sizeExceeded) {
          const error = new Error("5.3.4 message too big") as Error & { responseCode: number };
          error.responseCode = 552;
          return callback(error);
        }
        const to = session.envelope.rcptTo.map((r) => r.address);
        receiveEmail(deps, Buffer.concat(chunks), { to }).then(
          () => callback(),
          (error: Error) => {
            // 451: the sending server keeps the message and tries again later; nothing is lost.
            log(`inbound email failed: ${error.message}`);
            const answer = new Error("4.3.0 try again later") as Error & { responseCode: number };
            answer.responseCode = 451;
            callback(answer);
          },
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  log(`inbound SMTP listening on port ${port} for @${domain}`);
  return {
    port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
