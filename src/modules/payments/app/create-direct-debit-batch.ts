/**
 * The pain.008 file for the installments due by a day whose plans are paid by
 * direct debit. Each installment is collected once (sdd_collections is unique
 * per installment); the first collection under a mandate is FRST, the rest RCUR.
 * The file and its collections are stored in one transaction.
 */
import { randomUUID } from "node:crypto";
import type { Clock } from "../../../platform/clock.js";
import { localDate } from "../../../platform/clock.js";
import type { Database } from "../../../platform/db/database.js";
import { inTransaction } from "../../../platform/db/transaction.js";
import { AppError } from "../../../platform/errors.js";
import { addDays } from "../../plans/domain/plan-calendar.js";
import {
  type DirectDebitCollection,
  isMandateUsable,
  type Pain008Version,
  sequenceTypeFor,
  writePain008,
} from "../direct-debit/index.js";
import { loadTenantMoney } from "../store/payment-settings.js";

interface DueInstallment {
  installment_id: string;
  seq: number;
  due_date: string;
  open: bigint;
  case_reference: string;
  mandate_id: string;
  reference: string;
  signed_on: string;
  debtor_name: string;
  debtor_iban: string;
  debtor_bic: string | null;
  creditor_id: string;
  status: "active" | "revoked" | "expired";
  last_collected_at: Date | null;
  used: boolean;
}

export interface DirectDebitBatchResult {
  batchId: string | null;
  collections: number;
  totalMinor: bigint;
  skipped: Array<{ installmentId: string; reason: string }>;
}

export async function createDirectDebitBatch(
  deps: { database: Database; clock: Clock },
  input: { tenantId: string; dueUntil: string; version?: Pain008Version; userId: string },
): Promise<DirectDebitBatchResult> {
  const tenant = await loadTenantMoney(deps.database.pool, input.tenantId);
  if (!tenant) throw new AppError("tenant_not_found", "tenant not found");
  const dd = tenant.settings.directDebit;
  const { creditorId, iban, creditorName } = dd;
  if (!creditorId || !iban || !creditorName) {
    throw new AppError(
      "conflict",
      "set directDebit.creditorId, creditorName and iban in the payment settings first",
    );
  }
  const now = deps.clock.now();
  const today = localDate(now, tenant.timeZone);
  // The bank needs the file a few days before the collection date.
  const earliest = addDays(today, dd.leadDays);
  return inTransaction(deps.database, async (client) => {
    const { rows } = await client.query<DueInstallment>(
      `select pi.id as installment_id, pi.seq, pi.due_date, pi.amount_minor - pi.paid_minor as open,
         c.reference as case_reference, m.id as mandate_id, m.reference, m.signed_on, m.debtor_name, m.debtor_iban,
         m.debtor_bic, m.creditor_id, m.status, m.last_collected_at,
         exists (select 1 from sdd_collections x where x.mandate_id = m.id) as used
       from plan_installments pi
       join plans pl on pl.id = pi.plan_id and pl.status in ('active', 'at_risk') and pl.method = 'direct_debit'
       join sdd_mandates m on m.id = pl.mandate_id
       join cases c on c.id = pl.case_id
       where pi.tenant_id = $1 and pi.due_date <= $2 and pi.paid_minor < pi.amount_minor
         and not exists (select 1 from sdd_collections x where x.installment_id = pi.id and x.status <> 'returned')
       order by m.id, pi.seq
       for update of pi`,
      [input.tenantId, input.dueUntil],
    );
    const skipped: DirectDebitBatchResult["skipped"] = [];
    const collections: Array<DirectDebitCollection & { installmentId: string; mandateId: string }> =
      [];
    const firstSeen = new Set<string>();
    for (const row of rows) {
      const mandate = {
        reference: row.reference,
        signedOn: row.signed_on,
        debtorName: row.debtor_name,
        debtorIban: row.debtor_iban,
        creditorId: row.creditor_id,
        status: row.status,
        ...(row.last_collected_at
          ? { lastCollectedAt: row.last_collected_at.toISOString().slice(0, 10) }
          : {}),
      };
      if (!isMandateUsable(mandate, today)) {
        skipped.push({
          installmentId: row.installment_id,
          reason: `mandate ${row.reference} is ${row.status} or expired`,
        });
        continue;
      }
      const alreadyUsed = row.used || firstSeen.has(row.mandate_id);
      firstSeen.add(row.mandate_id);
      collections.push({
        installmentId: row.installment_id,
        mandateId: row.mandate_id,
        endToEndId: `SALDO-${randomUUID().replace(/-/g, "").slice(0, 24).toUpperCase()}`,
        amountMinor: row.open,
        currency: "EUR",
        mandate: {
          reference: row.reference,
          signedOn: row.signed_on,
          debtorName: row.debtor_name,
          debtorIban: row.debtor_iban,
          ...(row.debtor_bic ? { debtorBic: row.debtor_bic } : {}),
        },
        // RCUR for the last one too: FNAL would spend the mandate, and a plan may be renegotiated.
        sequenceType: sequenceTypeFor({
          ...(alreadyUsed ? { firstCollectedAt: today } : {}),
          isLastOfPlan: false,
          oneOff: false,
        }),
        dueDate: row.due_date < earliest ? earliest : row.due_date,
        remittance: `${row.case_reference} rata ${row.seq}`,
      });
    }
    if (collections.length === 0) return { batchId: null, collections: 0, totalMinor: 0n, skipped };
    const messageId = `SALDO-${now.toISOString().slice(0, 10).replace(/-/g, "")}-${randomUUID().slice(0, 8).toUpperCase()}`;
    const version = input.version ?? "001.08";
    const xml = writePain008(
      {
        messageId,
        createdAt: now,
        initiatingPartyName: creditorName,
        creditor: { name: creditorName, iban, ...(dd.bic ? { bic: dd.bic } : {}), creditorId },
        collections,
      },
      version,
    );
    const totalMinor = collections.reduce((sum, c) => sum + c.amountMinor, 0n);
    const { rows: batch } = await client.query<{ id: string }>(
      `insert into sdd_batches (tenant_id, message_id, version, collections, total_minor, xml, created_by, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      [input.tenantId, messageId, version, collections.length, totalMinor, xml, input.userId, now],
    );
    const batchId = batch[0]!.id;
    await client.query(
      `insert into sdd_collections (tenant_id, installment_id, mandate_id, batch_id, end_to_end_id, sequence_type,
         amount_minor, due_date, created_at)
       select $1, i, m, $2, e, s, a, d, $3
       from unnest($4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::bigint[], $9::date[]) as x(i, m, e, s, a, d)`,
      [
        input.tenantId,
        batchId,
        now,
        collections.map((c) => c.installmentId),
        collections.map((c) => c.mandateId),
        collections.map((c) => c.endToEndId),
        collections.map((c) => c.sequenceType),
        collections.map((c) => c.amountMinor.toString()),
        collections.map((c) => c.dueDate),
      ],
    );
    return { batchId, collections: collections.length, totalMinor, skipped };
  });
}
