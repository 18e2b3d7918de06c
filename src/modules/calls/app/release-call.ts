/** An agent gives a case back without calling: it returns to the queue, the reserved attempt with it. */
import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { inTransaction } from "../../../platform/db/transaction";
import { AppError } from "../../../platform/errors";
import { setAgentState } from "../store/agents";
import { lockTask } from "../store/call-records";
import { reservationKey } from "../store/call-tasks";
import { takeBackReservation } from "../store/contact-reservations";

export async function releaseCall(
  deps: { database: Database; clock: Clock },
  input: { tenantId: string; taskId: string; userId: string },
): Promise<void> {
  const now = deps.clock.now();
  await inTransaction(deps.database, async (client) => {
    const task = await lockTask(client, input.tenantId, input.taskId);
    if (!task) throw new AppError("not_found", "call task not found");
    if (task.status !== "claimed" || task.claimed_by !== input.userId) {
      throw new AppError("conflict", "this case is not yours to give back");
    }
    await client.query(
      `update call_tasks set status = 'queued', claimed_by = null, claimed_via = null, claimed_at = null,
         claim_expires_at = null, dialed_at = null, attempts = attempts + $2
       where id = $1`,
      [task.id, task.dialed_at ? 1 : 0],
    );
    // Dialled means the attempt happened, answered or not; otherwise it never did.
    if (!task.dialed_at) await takeBackReservation(client, reservationKey(task.id, task.attempts));
    await setAgentState(client, input.userId, "available", now);
  });
}
