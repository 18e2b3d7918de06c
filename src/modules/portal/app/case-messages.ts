/**
 * The message thread on a case: the debtor writes from the portal, the agency
 * answers from the back office. A debtor's message opens a task for a person;
 * reading the thread in the portal marks the agency's answers read.
 */
import type { Clock } from "../../../platform/clock.js";
import type { Database } from "../../../platform/db/database.js";
import { inTransaction } from "../../../platform/db/transaction.js";
import { AppError } from "../../../platform/errors.js";

export interface CaseMessage {
  id: string;
  author: "debtor" | "agency";
  body: string;
  at: Date;
  readAt: Date | null;
}

export async function listCaseMessages(
  database: Database,
  target: { tenantId: string; caseId: string },
): Promise<CaseMessage[]> {
  const { rows } = await database.pool.query<{
    id: string;
    author: "debtor" | "agency";
    body: string;
    created_at: Date;
    read_at: Date | null;
  }>(
    `select id, author, body, created_at, read_at from case_messages
     where tenant_id = $1 and case_id = $2 order by seq`,
    [target.tenantId, target.caseId],
  );
  return rows.map((row) => ({
    id: row.id,
    author: row.author,
    body: row.body,
    at: row.created_at,
    readAt: row.read_at,
  }));
}

/** Messages the other side wrote, now read by `reader`. */
export async function markMessagesRead(
  deps: { database: Database; clock: Clock },
  target: { tenantId: string; caseId: string },
  reader: "debtor" | "agency",
): Promise<void> {
  await deps.database.pool.query(
    `update case_messages set read_at = $4
     where tenant_id = $1 and case_id = $2 and author <> $3 and read_at is null`,
    [target.tenantId, target.caseId, reader, deps.clock.now()],
  );
}

export async function postCaseMessage(
  deps: { database: Database; clock: Clock },
  input: {
    tenantId: string;
    caseId: string;
    author: "debtor" | "agency";
    userId?: string;
    body: string;
  },
): Promise<CaseMessage> {
  const body = input.body.trim();
  if (body.length === 0 || body.length > 4000)
    throw new AppError("validation_failed", "body: from 1 to 4000 characters");
  const now = deps.clock.now();
  return inTransaction(deps.database, async (client) => {
    const { rows: found } = await client.query(
      "select 1 from cases where tenant_id = $1 and id = $2",
      [input.tenantId, input.caseId],
    );
    if (found.length === 0) throw new AppError("case_not_found", "case not found");
    const { rows } = await client.query<{ id: string }>(
      `insert into case_messages (tenant_id, case_id, author, user_id, body, created_at)
       values ($1, $2, $3, $4, $5, $6) returning id`,
      [input.tenantId, input.caseId, input.author, input.userId ?? null, body, now],
    );
    const id = (rows[0] as { id: string }).id;
    await client.query(
      `insert into case_events (tenant_id, case_id, at, type, actor, data) values ($1, $2, $3, 'message.posted', $4, $5)`,
      [
        input.tenantId,
        input.caseId,
        now,
        input.author === "debtor" ? "debtor" : `user:${input.userId}`,
        JSON.stringify({ messageId: id, author: input.author }),
      ],
    );
    if (input.author === "debtor") {
      // One open task per case is enough: a person answers the whole thread.
      await client.query(
        `insert into case_tasks (tenant_id, case_id, kind, reason, due_at, created_at)
         select $1, $2, 'message', 'portal message', $3, $3
         where not exists (select 1 from case_tasks where case_id = $2 and kind = 'message' and status = 'open')`,
        [input.tenantId, input.caseId, now],
      );
    } else {
      await client.query(
        `update case_tasks set status = 'done', closed_at = $3
         where tenant_id = $1 and case_id = $2 and kind = 'message' and status = 'open'`,
        [input.tenantId, input.caseId, now],
      );
    }
    return { id, author: input.author, body, at: now, readAt: null };
  });
}
