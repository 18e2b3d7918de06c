/**
 * The debtor signs the plan's acknowledgment of debt with the one-time code: the
 * signature record keeps the time, IP, channel, masked destination and the
 * document's SHA-256; the signed copy is stored; the plan is in force, reminders
 * stop (the engine follows installments instead), and the contact point that
 * received the code counts as verified. Five wrong codes lock that code.
 */
import type { Clock } from "../../../platform/clock.js";
import type { Database } from "../../../platform/db/database.js";
import { inTransaction, wakeScheduler } from "../../../platform/db/transaction.js";
import { AppError } from "../../../platform/errors.js";
import type { ChannelRuntime } from "../../channels/app/channel-runtime.js";
import { insertEvents } from "../../payments/store/settle-cases.js";
import { renderSignedAcknowledgment } from "../documents/index.js";
import { checkOneTimeCode } from "../domain/index.js";
import { maskDestination } from "../domain/signature-message.js";
import { loadPlanContext } from "../store/plan-context.js";

export type SignOutcome =
  | { kind: "signed"; signedAt: Date }
  | { kind: "wrong" | "expired" | "locked" };

export async function signPlan(
  deps: { database: Database; clock: Clock; channels: Pick<ChannelRuntime, "codeKey"> },
  input: {
    tenantId: string;
    planId: string;
    codeId: string;
    code: string;
    ip: string;
    userAgent?: string;
  },
): Promise<SignOutcome> {
  const now = deps.clock.now();
  const outcome = await inTransaction(deps.database, async (client): Promise<SignOutcome> => {
    // The case first, as settling a payment does: no deadlock with an import.
    await client.query(
      "select c.id from cases c join plans pl on pl.case_id = c.id where pl.tenant_id = $1 and pl.id = $2 for no key update of c",
      [input.tenantId, input.planId],
    );
    const { rows } = await client.query<{
      code_hash: string;
      expires_at: Date;
      attempts: number;
      used_at: Date | null;
      channel: "sms" | "email";
      contact_point_id: string;
      value: string;
      document_sha256: string;
      status: string;
      case_id: string;
    }>(
      `select s.code_hash, s.expires_at, s.attempts, s.used_at, s.channel, s.contact_point_id, p.value,
         s.document_sha256, pl.status, pl.case_id
       from signature_codes s join plans pl on pl.id = s.plan_id
       join contact_points p on p.id = s.contact_point_id
       where s.tenant_id = $1 and s.plan_id = $2 and s.id = $3 for update of s, pl`,
      [input.tenantId, input.planId, input.codeId],
    );
    const code = rows[0];
    if (!code || code.used_at)
      throw new AppError("not_found", "no usable code with that id for this plan");
    if (code.status !== "awaiting_signature")
      throw new AppError("conflict", `the plan is ${code.status}`);
    const check = checkOneTimeCode(
      { codeHash: code.code_hash, expiresAt: code.expires_at, attempts: code.attempts },
      input.code,
      deps.channels.codeKey,
      { purpose: "plan.sign", subject: input.planId },
      now,
    );
    if (check !== "ok") {
      if (check === "wrong") {
        await client.query("update signature_codes set attempts = attempts + 1 where id = $1", [
          input.codeId,
        ]);
      }
      return { kind: check };
    }
    const context = await loadPlanContext(client, input.tenantId, input.planId);
    if (!context) throw new AppError("not_found", "plan not found");
    const record = {
      signedAt: now,
      channel: code.channel,
      destinationMasked: maskDestination(code.value),
      ip: input.ip,
      documentSha256: code.document_sha256,
      codeId: input.codeId,
    };
    const signed = await renderSignedAcknowledgment(context.acknowledgment, record);
    await client.query("update signature_codes set used_at = $2 where id = $1", [
      input.codeId,
      now,
    ]);
    await client.query(
      `insert into plan_signatures (tenant_id, plan_id, code_id, document_sha256, signed_at, ip, user_agent, channel,
         destination_masked)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        input.tenantId,
        input.planId,
        input.codeId,
        code.document_sha256,
        now,
        input.ip,
        input.userAgent ?? null,
        code.channel,
        record.destinationMasked,
      ],
    );
    await client.query(
      `insert into plan_documents (tenant_id, plan_id, kind, language, sha256, pdf)
       values ($1, $2, 'signed_acknowledgment', $3, encode(sha256($4), 'hex'), $4)`,
      [input.tenantId, input.planId, context.language, signed],
    );
    await client.query(
      "update plans set status = 'active', signed_at = $2, updated_at = $2 where id = $1",
      [input.planId, now],
    );
    await client.query(
      "update contact_points set verified_at = coalesce(verified_at, $2) where id = $1",
      [code.contact_point_id, now],
    );
    // A pending promise is superseded by the plan; reminders stop while it is followed.
    await client.query(
      "update promises set status = 'cancelled', resolved_at = $2 where case_id = $1 and status = 'pending'",
      [code.case_id, now],
    );
    await client.query("update cases set next_evaluation_at = $2, updated_at = $2 where id = $1", [
      code.case_id,
      now,
    ]);
    await insertEvents(
      client,
      [
        {
          tenant_id: input.tenantId,
          case_id: code.case_id,
          type: "plan.signed",
          data: {
            planId: input.planId,
            documentSha256: code.document_sha256,
            channel: code.channel,
            destination: record.destinationMasked,
            ip: input.ip,
          },
        },
      ],
      now,
      "debtor",
    );
    return { kind: "signed", signedAt: now };
  });
  if (outcome.kind === "signed") await wakeScheduler(deps.database);
  return outcome;
}
