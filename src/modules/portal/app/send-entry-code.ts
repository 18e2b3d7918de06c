/**
 * Sends a one-time entry code to one of the debtor's own contact points (chosen by
 * id from the ones the entry page listed). At most ENTRY_CODES_PER_HOUR per case.
 */
import { randomBytes } from "node:crypto";
import type { Clock } from "../../../platform/clock.js";
import type { Database } from "../../../platform/db/database.js";
import { inTransaction } from "../../../platform/db/transaction.js";
import { AppError } from "../../../platform/errors.js";
import type { ChannelRuntime } from "../../channels/app/channel-runtime.js";
import { sendCodeMessage } from "../../channels/app/send-code-message.js";
import { issueOneTimeCode } from "../../plans/domain/index.js";
import { entryCodeMessage } from "../domain/entry-message.js";
import { ENTRY_CODE_TTL_MINUTES, ENTRY_CODES_PER_HOUR, entryLock } from "../domain/entry-rules.js";
import {
  codesSentLastHour,
  lockCaseEntry,
  recentFailures,
  recordAttempt,
} from "../store/entry-attempts.js";
import { openPortalLink } from "./open-portal-link.js";

export const ENTRY_CODE_PURPOSE = "portal.login";

export async function sendEntryCode(
  deps: { database: Database; clock: Clock; channels: ChannelRuntime },
  input: { token: string; methodId: string; ip: string },
): Promise<{ expiresInMinutes: number }> {
  const door = await openPortalLink({ ...deps, links: deps.channels.links }, input.token);
  const { entry } = door;
  const method = door.methods.find((m) => m.id === input.methodId);
  if (!method) throw new AppError("validation_failed", "methodId: not one of the ways offered");
  const now = deps.clock.now();
  const issued = issueOneTimeCode(
    randomBytes,
    deps.channels.codeKey,
    { purpose: ENTRY_CODE_PURPOSE, subject: entry.caseId },
    now,
    ENTRY_CODE_TTL_MINUTES,
  );
  // Counted and recorded under the case's entry lock, so parallel requests cannot exceed the limit.
  await inTransaction(deps.database, async (client) => {
    await lockCaseEntry(client, entry.caseId);
    const lock = entryLock(await recentFailures(client, entry.caseId, now), now);
    if (lock.locked)
      throw new AppError("entry_locked", "too many attempts; try again later", {
        retryAfterMinutes: lock.retryAfterMinutes,
      });
    if ((await codesSentLastHour(client, entry.caseId, now)) >= ENTRY_CODES_PER_HOUR)
      throw new AppError("too_many_codes", "too many codes asked for; try again in an hour");
    await recordAttempt(client, { ...entry, kind: "code_sent", ok: true, ip: input.ip, now });
    await client.query(
      `insert into portal_codes (tenant_id, case_id, contact_point_id, code_hash, expires_at, created_at)
       values ($1, $2, $3, $4, $5, $6)`,
      [entry.tenantId, entry.caseId, method.id, issued.codeHash, issued.expiresAt, now],
    );
  });
  const message = entryCodeMessage(entry.language, {
    creditor: entry.brand.name,
    code: issued.code,
    minutes: ENTRY_CODE_TTL_MINUTES,
  });
  await sendCodeMessage(deps, {
    tenantId: entry.tenantId,
    caseId: entry.caseId,
    contactPointId: method.id,
    channel: method.channel,
    to: method.value,
    sender: { name: entry.brand.name, slug: entry.slug },
    template: "portal.entry_code",
    language: entry.language,
    subject: message.subject,
    text: message.text,
    code: issued.code,
  });
  return { expiresInMinutes: ENTRY_CODE_TTL_MINUTES };
}
