/**
 * Importing a bank statement (camt.052/053/054 or CSV) in one transaction: book
 * each new credit once (its bank key makes a re-import or an overlapping statement
 * book nothing twice), match it to a case, allocate it, settle what is paid, and
 * take back what the bank reversed. A file that cannot be read changes nothing.
 */
import { createHash } from "node:crypto";
import type { Clock } from "../../../platform/clock.js";
import type { Database } from "../../../platform/db/database.js";
import { inTransaction, wakeScheduler } from "../../../platform/db/transaction.js";
import { AppError } from "../../../platform/errors.js";
import { statementTransactions } from "../domain/statement-transactions.js";
import { parseStatement, StatementError } from "../statements/index.js";
import { loadTenantMoney } from "../store/payment-settings.js";
import { bookNewCredits, stageTransactions } from "../store/staged-transactions.js";
import { applyReversals } from "./apply-reversals.js";
import { matchNewPayments } from "./match-new-payments.js";

export interface ImportStatementDeps {
  database: Database;
  clock: Clock;
}

export interface StatementImportResult {
  id: string;
  fileName: string;
  format: string;
  version: string;
  transactions: number;
  credits: number;
  duplicates: number;
  matched: number;
  unmatched: number;
  reversals: number;
  ignored: number;
  closedCases: number;
  problems: Array<{ line: number; field: string; reason: string }>;
}

export async function importStatement(
  deps: ImportStatementDeps,
  input: { tenantId: string; fileName: string; content: Buffer; importedBy?: string },
): Promise<StatementImportResult> {
  const tenant = await loadTenantMoney(deps.database.pool, input.tenantId);
  if (!tenant) throw new AppError("tenant_not_found", "tenant not found");
  const { statement, problems } = parseStatement(input.fileName, input.content);
  const { transactions, notBooked } = statementTransactions(statement);
  const foreign = transactions.find((t) => t.currency !== tenant.currency);
  if (foreign) {
    throw new StatementError({
      file: input.fileName,
      line: foreign.line,
      element: "Ntry/Amt/@Ccy",
      reason: `currency ${foreign.currency} is not the tenant's currency ${tenant.currency}`,
    });
  }
  const now = deps.clock.now();
  const result = await inTransaction(deps.database, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `insert into statement_imports (tenant_id, file_name, format, version, message_id, sha256, account_iban,
         transactions, problems, imported_by, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
      [
        input.tenantId,
        input.fileName,
        statement.format,
        statement.version,
        statement.messageId,
        createHash("sha256").update(input.content).digest("hex"),
        statement.reports.find((r) => r.accountIban)?.accountIban ?? null,
        transactions.length,
        JSON.stringify(problems),
        input.importedBy ?? null,
        now,
      ],
    );
    const importId = rows[0]!.id;
    await stageTransactions(client, transactions);
    const credits = transactions.filter((t) => t.direction === "credit" && !t.reversal).length;
    const booked = await bookNewCredits(client, { tenantId: input.tenantId, importId, now });
    const matching = await matchNewPayments(client, {
      tenantId: input.tenantId,
      paymentIds: booked,
      threshold: tenant.settings.autoMatchThreshold,
      now,
    });
    const reversals = await applyReversals(client, input.tenantId, now);
    const counts = {
      credits,
      duplicates: credits - booked.length,
      matched: matching.matched,
      unmatched: matching.unmatched,
      reversals: reversals.applied,
      ignored: notBooked + reversals.unknown,
    };
    await client.query(
      `update statement_imports set credits = $2, duplicates = $3, matched = $4, unmatched = $5,
         reversals = $6, ignored = $7 where id = $1`,
      [
        importId,
        counts.credits,
        counts.duplicates,
        counts.matched,
        counts.unmatched,
        counts.reversals,
        counts.ignored,
      ],
    );
    return { importId, counts, closedCases: matching.closedCases + reversals.closedCases };
  });
  await wakeScheduler(deps.database, input.tenantId);
  return {
    id: result.importId,
    fileName: input.fileName,
    format: statement.format,
    version: statement.version,
    transactions: transactions.length,
    ...result.counts,
    closedCases: result.closedCases,
    problems,
  };
}
