/**
 * Checks the code or the answer the debtor typed and opens a session. Every
 * failure looks the same to the caller (wrong, expired or never sent), counts
 * towards the case's lockout, and checks on one case run one at a time.
 */
import type { Clock } from "../../../platform/clock.js";
import type { Database } from "../../../platform/db/database.js";
import { inTransaction } from "../../../platform/db/transaction.js";
import { AppError } from "../../../platform/errors.js";
import type { ChannelRuntime } from "../../channels/app/channel-runtime.js";
import { insertChannelTimeline } from "../../channels/store/dispatch-queue.js";
import { checkOneTimeCode } from "../../plans/domain/index.js";
import { entryLock, knowledgeMatches } from "../domain/entry-rules.js";
import { lockCaseEntry, recentFailures, recordAttempt } from "../store/entry-attempts.js";
import { createPortalSession } from "../store/portal-sessions.js";
import { openPortalLink } from "./open-portal-link.js";
import { ENTRY_CODE_PURPOSE } from "./send-entry-code.js";

export interface VerifyEntryInput {
  token: string;
  code?: string | undefined;
  knowledge?: string | undefined;
  ip: string;
  userAgent: string | undefined;
}

export async function verifyEntry(
  deps: { database: Database; clock: Clock; channels: ChannelRuntime },
  input: VerifyEntryInput,
): Promise<{ sessionToken: string }> {
  const door = await openPortalLink({ ...deps, links: deps.channels.links }, input.token);
  const { entry } = door;
  const now = deps.clock.now();
  const outcome = await inTransaction(deps.database, async (client) => {
    await lockCaseEntry(client, entry.caseId);
    const lock = entryLock(await recentFailures(client, entry.caseId, now), now);
    if (lock.locked) return { kind: "locked" as const, retryAfterMinutes: lock.retryAfterMinutes };
    let method: "sms" | "email" | "knowledge" | null = null;
    if (input.code !== undefined) {
      const { rows } = await client.query<{
        id: string;
        code_hash: string;
        expires_at: Date;
        channel: string;
        contact_point_id: string;
      }>(
        `select pc.id, pc.code_hash, pc.expires_at, p.kind as channel, pc.contact_point_id
         from portal_codes pc join contact_points p on p.id = pc.contact_point_id
         where pc.case_id = $1 and pc.used_at is null and pc.expires_at > $2
         order by pc.created_at desc limit 5`,
        [entry.caseId, now],
      );
      const binding = { purpose: ENTRY_CODE_PURPOSE, subject: entry.caseId };
      const match = rows.find(
        (row) =>
          checkOneTimeCode(
            { codeHash: row.code_hash, expiresAt: row.expires_at, attempts: 0 },
            input.code ?? "",
            deps.channels.codeKey,
            binding,
            now,
          ) === "ok",
      );
      if (match) {
        await client.query("update portal_codes set used_at = $2 where id = $1", [match.id, now]);
        // Receiving the code proves the debtor reads this address or number.
        await client.query(
          "update contact_points set verified_at = coalesce(verified_at, $2) where id = $1",
          [match.contact_point_id, now],
        );
        method = match.channel === "email" ? "email" : "sms";
      }
    } else if (input.knowledge !== undefined && door.knowledge) {
      if (knowledgeMatches(door.knowledge.expected, input.knowledge)) method = "knowledge";
    }
    const kind = input.code !== undefined ? "code" : "knowledge";
    await recordAttempt(client, { ...entry, kind, ok: method !== null, ip: input.ip, now });
    if (!method) return { kind: "wrong" as const };
    const sessionToken = await createPortalSession(client, {
      tenantId: entry.tenantId,
      caseId: entry.caseId,
      method,
      ip: input.ip,
      userAgent: input.userAgent,
      now,
    });
    await insertChannelTimeline(
      client,
      [
        {
          tenantId: entry.tenantId,
          caseId: entry.caseId,
          type: "portal.entered",
          data: { method },
        },
      ],
      "debtor",
    );
    return { kind: "ok" as const, sessionToken };
  });
  if (outcome.kind === "locked")
    throw new AppError("entry_locked", "too many attempts; try again later", {
      retryAfterMinutes: outcome.retryAfterMinutes,
    });
  if (outcome.kind === "wrong")
    throw new AppError("code_invalid", "the code or answer is not valid, or it has expired");
  return { sessionToken: outcome.sessionToken };
}
