/**
 * Records what happened on a call, in one transaction: the call itself, its
 * effect on the case (a promise, a hold for a dispute or hardship, a reason, a
 * task for a person, a wrong number put aside), the contact-policy history (a
 * conversation starts the cool-down), the strategy (its call steps are done and
 * the case is evaluated again now) and the queue (a retry, a callback, or done).
 */
import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { inTransaction, wakeScheduler } from "../../../platform/db/transaction";
import { AppError } from "../../../platform/errors";
import { withHold } from "../../cases/app/add-hold";
import { changeHoldsIn } from "../../cases/app/change-holds";
import { throwIfAny } from "../../payments/domain/field-problems";
import { loadTenantMoney } from "../../payments/store/payment-settings";
import { writePromise } from "../../promises/app/record-promise";
import {
  actionStatusAfter,
  dispositionProblems,
  followUp,
  isConversation,
  type Outcome,
} from "../domain/outcomes";
import { setAgentState } from "../store/agents";
import {
  closeDueCallActions,
  findCallOfClaim,
  findRecordedCall,
  insertCall,
  insertCallback,
  insertCallEvent,
  insertCaseReason,
  insertReviewTask,
  lockCaseOfTask,
  lockTask,
  markWrongNumber,
  settleTask,
} from "../store/call-records";
import { reservationKey } from "../store/call-tasks";
import { recordConversation } from "../store/contact-reservations";
import { scoreTasks } from "./refresh-call-queue";

export interface DispositionInput {
  tenantId: string;
  taskId: string;
  /** The agent; null for a dialer's disposition. */
  userId: string | null;
  source: "agent" | "dialer";
  externalId?: string | undefined;
  outcome: Outcome;
  notes?: string | undefined;
  phone?: string | undefined;
  promise?: { amountMinor: bigint; dueDate: string } | undefined;
  paymentAmountMinor?: bigint | undefined;
  callbackAt?: Date | undefined;
  durationSeconds?: number | undefined;
}

export interface RecordedCall {
  callId: string;
  next: { kind: "callback" | "retry" | "done"; at: Date | null };
  /** The same call was recorded before (a double submit, a re-imported row). */
  duplicate: boolean;
}

export async function recordDisposition(
  deps: { database: Database; clock: Clock },
  input: DispositionInput,
): Promise<RecordedCall> {
  const now = deps.clock.now();
  throwIfAny(dispositionProblems(input, now));
  const tenant = await loadTenantMoney(deps.database.pool, input.tenantId);
  if (!tenant) throw new AppError("tenant_not_found", "tenant not found");

  const recorded = await inTransaction(deps.database, async (client) => {
    // Case before task, the order every other writer of both takes: no deadlock.
    await lockCaseOfTask(client, input.tenantId, input.taskId);
    const task = await lockTask(client, input.tenantId, input.taskId);
    if (!task) throw new AppError("not_found", "call task not found");
    const earlier = await findRecordedCall(client, task.id, input, now);
    if (earlier)
      return { callId: earlier, next: { kind: "done" as const, at: null }, duplicate: true };
    const holder =
      task.status === "claimed" &&
      (input.source === "agent" ? task.claimed_by === input.userId : task.claimed_via === "dialer");
    if (!holder) {
      throw new AppError(
        "conflict",
        task.status === "claimed"
          ? "this case is someone else's now: the claim ran out and it was taken"
          : `record a call only on a case in hand (the task is ${task.status})`,
      );
    }

    const attempts = task.attempts + 1;
    const conversation = isConversation(input.outcome);
    const startedAt = task.claimed_at ?? now;
    const notes = input.notes?.trim() || null;
    const by = input.userId ? `user:${input.userId}` : "dialer";

    let promiseId: string | null = null;
    if (input.outcome === "promise_to_pay" && input.promise) {
      const promise = await writePromise(client, tenant, now, {
        tenantId: input.tenantId,
        caseId: task.case_id,
        dueDate: input.promise.dueDate,
        amountMinor: input.promise.amountMinor,
        source: "agent",
        createdBy: by,
        ...(notes ? { note: notes } : {}),
      });
      promiseId = promise.id;
    }
    await applyCaseEffects(client, input, { caseId: task.case_id, notes, by, now });

    const callId = await insertCall(client, {
      tenantId: input.tenantId,
      caseId: task.case_id,
      taskId: task.id,
      agentUserId: input.userId,
      source: input.source,
      externalId: input.externalId ?? null,
      phone: input.phone ?? null,
      startedAt,
      endedAt: now,
      durationSeconds:
        input.durationSeconds ??
        (task.dialed_at ? Math.round((now.getTime() - task.dialed_at.getTime()) / 1000) : null),
      outcome: input.outcome,
      conversation,
      notes,
      promiseId,
      promiseAmountMinor: input.promise?.amountMinor ?? null,
      paymentAmountMinor: input.paymentAmountMinor ?? null,
      callbackAt: input.callbackAt ?? null,
    });
    if (!callId) {
      const earlier = await findCallOfClaim(client, task.id, startedAt);
      if (!earlier) throw new AppError("conflict", "this call was recorded already");
      return { callId: earlier, next: { kind: "done" as const, at: null }, duplicate: true };
    }
    if (conversation) {
      await recordConversation(client, {
        tenantId: input.tenantId,
        caseId: task.case_id,
        key: reservationKey(task.id, task.attempts),
        at: now,
      });
    }

    const next = followUp(input.outcome, attempts, now, input.callbackAt ?? null);
    if (next.kind === "retry") {
      await settleTask(client, { id: task.id, attempts }, { kind: "retry", at: next.at }, now);
      await scoreTasks(client, [task.id], now);
    } else {
      await settleTask(
        client,
        { id: task.id, attempts },
        { kind: "closed", reason: input.outcome },
        now,
      );
      await closeDueCallActions(client, task.case_id, actionStatusAfter(input.outcome), now);
      if (next.kind === "callback") {
        const callbackId = await insertCallback(client, {
          tenantId: input.tenantId,
          caseId: task.case_id,
          at: next.at,
          userId: input.userId,
          team: task.team,
          now,
        });
        // Routed and scored with the call: no agent ever sees an unrouted task.
        await scoreTasks(client, [callbackId], now);
      }
    }
    await insertCallEvent(client, {
      tenantId: input.tenantId,
      caseId: task.case_id,
      actor: by,
      now,
      data: {
        callId,
        outcome: input.outcome,
        notes,
        source: input.source,
        promiseId,
        callbackAt: input.callbackAt?.toISOString() ?? null,
      },
    });
    if (input.userId) await setAgentState(client, input.userId, "available", now);
    const at = next.kind === "done" ? null : next.at;
    return { callId, next: { kind: next.kind, at }, duplicate: false };
  });
  await wakeScheduler(deps.database, input.taskId);
  return recorded;
}

/** Holds, reasons and tasks the outcome asks for; the promise is written by the caller. */
async function applyCaseEffects(
  client: import("pg").PoolClient,
  input: DispositionInput,
  on: { caseId: string; notes: string | null; by: string; now: Date },
): Promise<void> {
  const target = { tenantId: input.tenantId, caseId: on.caseId };
  const hold = (reason: "dispute" | "hardship") =>
    changeHoldsIn(
      client,
      target,
      withHold({ ...target, reason, by: on.by, ...(on.notes ? { note: on.notes } : {}) }),
      on.now,
    );
  const reason = (code: string) =>
    insertCaseReason(client, { ...target, reason: code, text: on.notes, now: on.now });
  switch (input.outcome) {
    case "dispute":
      await reason("billing_error");
      await hold("dispute");
      await insertReviewTask(client, {
        ...target,
        kind: "review",
        reason: "dispute raised on a call",
        now: on.now,
      });
      return;
    case "hardship":
      await reason("temporary_difficulty");
      await hold("hardship");
      await insertReviewTask(client, {
        ...target,
        kind: "review",
        reason: "hardship told on a call",
        now: on.now,
      });
      return;
    case "already_paid":
      // As in the script: the case is checked before anyone contacts the debtor again.
      await reason("already_paid");
      await hold("dispute");
      await insertReviewTask(client, {
        ...target,
        kind: "payment_review",
        reason: "the debtor says it is paid: find the payment",
        now: on.now,
      });
      return;
    case "payment_taken":
      await insertReviewTask(client, {
        ...target,
        kind: "payment_review",
        reason: `payment of ${input.paymentAmountMinor} (minor units) taken on a call: match it when it arrives`,
        now: on.now,
      });
      return;
    case "wrong_number":
      if (input.phone)
        await markWrongNumber(client, { ...target, phone: input.phone, now: on.now });
      return;
    default:
      return;
  }
}
