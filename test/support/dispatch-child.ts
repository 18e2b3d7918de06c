/**
 * A dispatcher in its own process, so a test can kill it with SIGKILL in the
 * middle of a send. Run with `node --import tsx`; configured by environment:
 * DATABASE_URL, SMTP_URL or SMPP_URL, NOW (the instant it believes it is).
 */
import { dispatchDue, registerDispatcher } from "../../src/modules/channels/app/run-dispatcher";
import { createSmppTransport } from "../../src/modules/channels/sms/smpp-transport";
import { smsChannel } from "../../src/modules/channels/transports/sms-channel";
import { createSmtpTransport } from "../../src/modules/channels/transports/smtp-transport";
import { fixedClock } from "../../src/platform/clock";
import { openDatabase } from "../../src/platform/db/database";
import { channelRuntime, MAIL_DOMAIN } from "./channel-harness";

const env = process.env;
const database = openDatabase(env.DATABASE_URL as string);
const channels = channelRuntime({
  ...(env.SMTP_URL
    ? { email: createSmtpTransport({ url: env.SMTP_URL, mailDomain: MAIL_DOMAIN }) }
    : {}),
  ...(env.SMPP_URL ? { sms: smsChannel(createSmppTransport({ url: env.SMPP_URL })) } : {}),
});
const instance = await registerDispatcher(database);
process.stdout.write(`dispatcher ${instance.id}\n`);
const summary = await dispatchDue(
  { database, clock: fixedClock(env.NOW as string), channels },
  instance,
);
process.stdout.write(`${JSON.stringify(summary)}\n`);
await instance.release();
await database.close();
process.exit(0);
