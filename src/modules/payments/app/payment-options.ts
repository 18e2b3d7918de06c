/**
 * How a case (or one installment of its plan) can be paid right now: the amount
 * owed, the bank transfer with its RF reference and EPC QR payload, the pagoPA
 * notice, and whether card payment is available. The portal, letters and the
 * agent's screen all show these.
 */
import type pg from "pg";
import { AppError } from "../../../platform/errors.js";
import { channelSettingsSchema } from "../../channels/domain/channel-settings.js";
import { type PaymentInstructions, paymentInstructions } from "../domain/payment-instructions.js";

export interface PaymentOptions extends PaymentInstructions {
  caseId: string;
  caseReference: string;
  installmentId: string | null;
  caseStatus: string;
}

export async function paymentOptions(
  pool: pg.Pool | pg.PoolClient,
  input: { tenantId: string; caseId: string; installmentId?: string },
): Promise<PaymentOptions> {
  const { rows } = await pool.query<{
    reference: string;
    status: string;
    currency: string;
    name: string;
    legal_name: string | null;
    settings: unknown;
    balance: bigint;
  }>(
    `select c.reference, c.status, t.currency, t.name, t.legal_name, s.settings,
       coalesce((select sum(open_amount_minor) from invoices i where i.case_id = c.id and i.status = 'open'), 0)::bigint as balance
     from cases c join tenants t on t.id = c.tenant_id
     left join tenant_channel_settings s on s.tenant_id = c.tenant_id
     where c.tenant_id = $1 and c.id = $2`,
    [input.tenantId, input.caseId],
  );
  const row = rows[0];
  if (!row) throw new AppError("case_not_found", "case not found");
  let amountMinor = row.balance > 0n ? row.balance : 0n;
  let noticeSequence = 0;
  if (input.installmentId) {
    const { rows: installments } = await pool.query<{ seq: number; open: bigint }>(
      `select pi.seq, pi.amount_minor - pi.paid_minor as open from plan_installments pi
       join plans pl on pl.id = pi.plan_id
       where pi.tenant_id = $1 and pi.id = $2 and pl.case_id = $3`,
      [input.tenantId, input.installmentId, input.caseId],
    );
    const installment = installments[0];
    if (!installment) throw new AppError("not_found", "installment not found");
    amountMinor = installment.open > 0n ? installment.open : 0n;
    noticeSequence = installment.seq;
  }
  const stored = channelSettingsSchema.safeParse(row.settings ?? {});
  const payment = stored.success ? stored.data.payment : {};
  const instructions = paymentInstructions({
    caseReference: row.reference,
    amountMinor,
    currency: row.currency,
    beneficiary: payment.beneficiary ?? row.legal_name ?? row.name,
    ...(payment.iban ? { iban: payment.iban } : {}),
    ...(payment.bic ? { bic: payment.bic } : {}),
    ...(payment.pagoPa ? { pagoPa: payment.pagoPa } : {}),
    noticeSequence,
  });
  return {
    ...instructions,
    caseId: input.caseId,
    caseReference: row.reference,
    installmentId: input.installmentId ?? null,
    caseStatus: row.status,
  };
}
