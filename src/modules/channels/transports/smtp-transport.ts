import nodemailer from "nodemailer";
import { type ChannelTransport, SendError } from "./transport";

/**
 * Email and PEC over SMTP with nodemailer's pooled transport. The envelope
 * sender is a per-message bounce address (VERP), so a bounce names its message
 * even when the DSN does not quote it.
 */
export function createSmtpTransport(options: {
  url: string;
  mailDomain: string;
  name?: string;
  maxConnections?: number;
}): ChannelTransport {
  const transporter = nodemailer.createTransport(
    smtpOptions(options.url, options.maxConnections ?? 5),
  );
  return {
    name: options.name ?? "smtp",
    async send(message) {
      const messageId = `<${message.id}@${options.mailDomain}>`;
      try {
        await transporter.sendMail({
          messageId,
          from: { name: message.from.name, address: message.from.address },
          to: message.to,
          ...(message.replyTo ? { replyTo: message.replyTo } : {}),
          subject: message.subject ?? "",
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          headers: message.headers ?? {},
          attachments: message.attachments ?? [],
          envelope: { from: bounceAddress(message.id, options.mailDomain), to: [message.to] },
        });
      } catch (error) {
        throw toSendError(error);
      }
      return { providerIds: [messageId], delivered: false };
    },
    async close() {
      transporter.close();
    },
  };
}

/**
 * Pooled connections from an smtp(s):// URL. (nodemailer's createTransport(url, x)
 * takes x as message defaults, not transport options: the pool must be spelled out.)
 */
function smtpOptions(url: string, maxConnections: number) {
  const u = new URL(url);
  const secure = u.protocol === "smtps:";
  return {
    host: u.hostname,
    port: Number(u.port) || (secure ? 465 : 587),
    secure,
    ...(u.username
      ? { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } }
      : {}),
    pool: true as const,
    maxConnections,
    maxMessages: Number.POSITIVE_INFINITY,
  };
}

export function bounceAddress(messageId: string, mailDomain: string): string {
  return `bounces+${messageId}@${mailDomain}`;
}

/** SMTP 5xx: the server refused for good; 4xx and connection trouble: try again later. */
function toSendError(error: unknown): SendError {
  const e = error as { message?: string; responseCode?: number; code?: string; command?: string };
  const text = `${e.code ?? "SMTP"}${e.responseCode ? ` ${e.responseCode}` : ""}: ${e.message ?? String(error)}`;
  if (e.responseCode && e.responseCode >= 500) {
    return new SendError(text, true, e.code === "EENVELOPE");
  }
  // The message was handed over and the connection died before the server's answer.
  const ambiguous = !e.responseCode && e.command === "DATA";
  return new SendError(text, false, false, ambiguous);
}
