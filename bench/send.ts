/**
 * bench/send: N queued emails to a local SMTP server and N SMS to a local SMPP
 * server through Saldo's dispatcher (claim, policy check at send time, render,
 * send, record), each against a bare loop that sends the same messages with the
 * same client library and the same concurrency, in the same run. Usage:
 * npx tsx bench/send.ts [--count N] [--concurrency N]
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import nodemailer from "nodemailer";
import { createDebtorLinks } from "../src/modules/channels/app/channel-runtime";
import { dispatchDue, registerDispatcher } from "../src/modules/channels/app/run-dispatcher";
import { createSmppTransport } from "../src/modules/channels/sms/smpp-transport";
import { createOutboxTransport } from "../src/modules/channels/transports/outbox-transport";
import { smsChannel } from "../src/modules/channels/transports/sms-channel";
import { createSmtpTransport } from "../src/modules/channels/transports/smtp-transport";
import { fixedClock } from "../src/platform/clock";
import { openDatabase } from "../src/platform/db/database";
import { startEmbeddedPostgres } from "../src/platform/db/embedded";
import { migrate } from "../src/platform/db/migrate";
import { mapLimit } from "../src/platform/map-limit";
import { createTokenSigner } from "../src/platform/signed-token";
import { loadSendPortfolio, startCountingSmsc, startCountingSmtp } from "./send-support";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "100000" },
    concurrency: { type: "string", default: "20" },
  },
});
const count = Number(values.count);
const concurrency = Number(values.concurrency);
// A Tuesday, 11:00 in Rome: every channel is inside the Italian hours.
const now = new Date("2026-11-24T10:00:00Z");
const clock = fixedClock(now);
const int = (n: number) => Math.round(n).toLocaleString("en");
const rate = (n: number, ms: number) => (n / (ms / 1000)).toFixed(0);

const dataDir = mkdtempSync(path.join(tmpdir(), "saldo-bench-send-"));
chmodSync(dataDir, 0o755);
const server = await startEmbeddedPostgres({
  dataDir,
  port: 54400 + (process.pid % 500),
  log: (m) => {
    if (/FATAL|PANIC|ERROR/.test(m)) console.error("postgres:", m.slice(0, 300));
  },
  lock: false,
});
const database = openDatabase(server.urlFor("saldo"), { max: concurrency + 5 });
const smtpServer = await startCountingSmtp();
const smsc = await startCountingSmsc();
try {
  await migrate(database.pool);
  const t = performance.now();
  await loadSendPortfolio(database.pool, {
    count,
    channel: "email",
    now,
    tenantSlug: "bench-email",
  });
  await loadSendPortfolio(database.pool, { count, channel: "sms", now, tenantSlug: "bench-sms" });
  console.log(
    `loaded 2 x ${int(count)} cases with a due reminder in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  const smtp = createSmtpTransport({
    url: smtpServer.url,
    mailDomain: "saldo.test",
    maxConnections: Math.min(10, concurrency),
  });
  const sms = createSmppTransport({ url: smsc.url });
  const outbox = createOutboxTransport();
  const links = createDebtorLinks(
    "https://pay.saldo.test",
    createTokenSigner("bench-secret-bench-secret-bench-secret"),
  );
  const run = async (transports: { email: typeof smtp; sms: typeof smtp }) => {
    const instance = await registerDispatcher(database);
    const start = performance.now();
    const summary = await dispatchDue(
      {
        database,
        clock,
        channels: {
          transports: { ...transports, pec: outbox },
          links,
          mailDomain: "saldo.test",
          concurrency,
          codeKey: Buffer.alloc(32),
        },
      },
      instance,
      { batchSize: 500 },
    );
    await instance.release();
    return { ms: performance.now() - start, summary };
  };
  // Email first (the SMS tenant's actions wait: the outbox would take them, so hide them).
  await database.pool.query("update case_actions set status = 'deferred' where channel = 'sms'");
  const emailRun = await run({ email: smtp, sms: smsChannel(sms) });
  await database.pool.query(
    "update case_actions set status = 'scheduled' where channel = 'sms' and status = 'deferred'",
  );
  const smsRun = await run({ email: smtp, sms: smsChannel(sms) });
  await smtp.close();
  await sms.close();

  // Baselines: the very messages Saldo wrote, sent again with the same library and the
  // same concurrency, with nothing else around them.
  const { rows: emails } = await database.pool.query<{
    recipient: string;
    subject: string;
    body_text: string;
    body_html: string;
  }>("select recipient, subject, body_text, body_html from messages where channel = 'email'");
  const mailer = nodemailer.createTransport({
    host: "127.0.0.1",
    port: Number(new URL(smtpServer.url).port),
    pool: true,
    maxConnections: Math.min(10, concurrency),
    maxMessages: Number.POSITIVE_INFINITY,
  });
  let t0 = performance.now();
  await mapLimit(emails, concurrency, (m) =>
    mailer.sendMail({
      from: { name: "Bench", address: "bench@saldo.test" },
      to: m.recipient,
      subject: m.subject,
      text: m.body_text,
      html: m.body_html,
    }),
  );
  const bareEmailMs = performance.now() - t0;
  mailer.close();
  const { rows: texts } = await database.pool.query<{ recipient: string; body_text: string }>(
    "select recipient, body_text from messages where channel = 'sms'",
  );
  const bareSms = createSmppTransport({ url: smsc.url });
  t0 = performance.now();
  await mapLimit(texts, concurrency, (m) =>
    bareSms.send({ from: "Bench", to: m.recipient, text: m.body_text, reference: "bare" }),
  );
  const bareSmsMs = performance.now() - t0;
  await bareSms.close();

  const lines = [
    `email: bare nodemailer loop ${int(count)} in ${(bareEmailMs / 1000).toFixed(1)} s (${rate(count, bareEmailMs)}/s); Saldo ${int(emailRun.summary.sent)} sent in ${(emailRun.ms / 1000).toFixed(1)} s (${rate(emailRun.summary.sent, emailRun.ms)}/s); ratio ${(bareEmailMs / emailRun.ms).toFixed(2)}`,
    `sms:   bare smpp loop ${int(count)} in ${(bareSmsMs / 1000).toFixed(1)} s (${rate(count, bareSmsMs)}/s); Saldo ${int(smsRun.summary.sent)} sent in ${(smsRun.ms / 1000).toFixed(1)} s (${rate(smsRun.summary.sent, smsRun.ms)}/s); ratio ${(bareSmsMs / smsRun.ms).toFixed(2)}`,
    `peers received: smtp ${int(smtpServer.received())} (bare + Saldo), smsc ${int(smsc.received())} submit_sm`,
    `concurrency ${concurrency}; machine: ${cpus().length} cores (${cpus()[0]?.model}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
  ];
  for (const line of lines) console.log(line);
  console.log(JSON.stringify({ email: emailRun.summary, sms: smsRun.summary }));
  const { rows } = await database.pool.query(
    "select body_text, segments from messages where channel = 'sms' limit 1",
  );
  console.log(`a Saldo SMS (${rows[0]?.segments} parts): ${rows[0]?.body_text}`);
} finally {
  await database.close();
  await smtpServer.close();
  await smsc.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
