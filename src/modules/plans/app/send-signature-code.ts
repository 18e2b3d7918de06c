/**
 * Sends the debtor a one-time code to sign a plan, to a phone or email address
 * Saldo has on file for them (possession of it is what the signature proves).
 * Only the code's HMAC is stored; the message in the send log has it masked.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { Clock } from "../../../platform/clock.js";
import type { Database } from "../../../platform/db/database.js";
import { AppError } from "../../../platform/errors.js";
import type { ChannelRuntime } from "../../channels/app/channel-runtime.js";
import { codeChannelOf, sendCodeMessage } from "../../channels/app/send-code-message.js";
import { DEFAULT_CODE_TTL_MINUTES, issueOneTimeCode } from "../domain/index.js";
import { maskDestination, signatureCodeMessage } from "../domain/signature-message.js";

/** A debtor asking again and again is throttled: at most this many codes per plan per hour. */
const MAX_CODES_PER_HOUR = 5;

export async function sendSignatureCode(
  deps: { database: Database; clock: Clock; channels: ChannelRuntime },
  input: { tenantId: string; planId: string; contactPointId: string },
): Promise<{ codeId: string; channel: "sms" | "email"; destination: string; expiresAt: Date }> {
  const pool = deps.database.pool;
  const now = deps.clock.now();
  const { rows } = await pool.query<{
    case_id: string;
    status: string;
    reference: string;
    tenant_name: string;
    slug: string;
    language: string;
    kind: string;
    phone_type: string | null;
    value: string;
    sha256: string | null;
    recent: number;
  }>(
    `select pl.case_id, pl.status, c.reference, t.name as tenant_name, t.slug, pl.language, p.kind, p.phone_type,
       p.value, doc.sha256,
       (select count(*) from signature_codes s where s.plan_id = pl.id and s.created_at > $4::timestamptz - interval '1 hour')::int as recent
     from plans pl join cases c on c.id = pl.case_id join tenants t on t.id = pl.tenant_id
     join contact_points p on p.tenant_id = c.tenant_id and p.debtor_id = c.debtor_id and p.id = $3
     left join plan_documents doc on doc.plan_id = pl.id and doc.kind = 'acknowledgment'
     where pl.tenant_id = $1 and pl.id = $2 and p.undeliverable_at is null`,
    [input.tenantId, input.planId, input.contactPointId, now],
  );
  const plan = rows[0];
  if (!plan)
    throw new AppError("not_found", "no such plan, or no such contact point of its debtor");
  if (plan.status !== "awaiting_signature")
    throw new AppError("conflict", `the plan is ${plan.status}`);
  if (!plan.sha256)
    throw new AppError("conflict", "the plan has no acknowledgment of debt to sign");
  if (plan.recent >= MAX_CODES_PER_HOUR)
    throw new AppError("rate_limited", "too many codes asked for; try later");
  const channel = codeChannelOf(plan.kind, plan.phone_type);
  if (!channel)
    throw new AppError(
      "validation_failed",
      "contactPointId: a code goes to a mobile phone or an email",
    );
  const issued = issueOneTimeCode(
    randomBytes,
    deps.channels.codeKey,
    { purpose: "plan.sign", subject: input.planId },
    now,
  );
  const codeId = randomUUID();
  const language = plan.language === "en" ? "en" : "it";
  const message = signatureCodeMessage(language, {
    creditor: plan.tenant_name,
    caseReference: plan.reference,
    code: issued.code,
    minutes: DEFAULT_CODE_TTL_MINUTES,
  });
  await pool.query(
    `insert into signature_codes (id, tenant_id, plan_id, contact_point_id, channel, code_hash, document_sha256,
       expires_at, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      codeId,
      input.tenantId,
      input.planId,
      input.contactPointId,
      channel,
      issued.codeHash,
      plan.sha256,
      issued.expiresAt,
      now,
    ],
  );
  await sendCodeMessage(deps, {
    tenantId: input.tenantId,
    caseId: plan.case_id,
    contactPointId: input.contactPointId,
    channel,
    to: plan.value,
    sender: { name: plan.tenant_name, slug: plan.slug },
    template: "plan.signature_code",
    language,
    subject: message.subject,
    text: message.text,
    code: issued.code,
  });
  return { codeId, channel, destination: maskDestination(plan.value), expiresAt: issued.expiresAt };
}
