/**
 * "Next case": the best task this agent may call right now. The candidates are
 * locked one at a time with SKIP LOCKED (no two agents ever hold the same task),
 * and the contact policy is asked about it under the per-person
 * locks every other contact path takes: the first it allows is claimed and a
 * call attempt is reserved against the caps at once; the ones it refuses are
 * deferred or closed, with the rule, for the supervisor to see.
 */
import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { inTransaction } from "../../../platform/db/transaction";
import { prepareSendChecks } from "../../channels/app/check-before-send";
import { loadAgentProfile, setAgentState } from "../store/agents";
import {
  type AgentQueueScope,
  type CandidateRow,
  type ClaimedRow,
  findOpenClaim,
  lockAssignedCandidates,
  lockQueueCandidates,
  markClaimed,
  NO_PHONE,
  recordStopped,
  releaseExpiredClaims,
  reservationKey,
  stoppedTask,
} from "../store/call-tasks";
import { movePlannedAttempt, reserveCallAttempt } from "../store/contact-reservations";

/** An agent who walks away gives the case back after this long. */
export const CLAIM_MINUTES = 15;
/** Cases the policy refuses are moved aside; after this many refusals in one request, stop looking. */
const MAX_LOOKS = 25;

export interface ClaimDeps {
  database: Database;
  clock: Clock;
  claimMinutes?: number;
}

export type NextCallResult =
  | { kind: "claimed"; claim: ClaimedRow; resumed: boolean }
  | { kind: "empty"; reason: string };

export async function claimNextCall(
  deps: ClaimDeps,
  input: { userId: string; tenantIds: readonly string[] | null },
): Promise<NextCallResult> {
  const now = deps.clock.now();
  const held = await findOpenClaim(deps.database.pool, input.userId, now);
  if (held) return { kind: "claimed", claim: held, resumed: true };
  await releaseExpiredClaims(deps.database.pool, now);

  const profile = await loadAgentProfile(deps.database.pool, input.userId);
  if (!profile) return { kind: "empty", reason: "unknown user" };
  const scope: AgentQueueScope = { ...profile, tenantIds: input.tenantIds };
  const until = new Date(now.getTime() + (deps.claimMinutes ?? CLAIM_MINUTES) * 60_000);

  let stopped = 0;
  let outcome: CandidateRow | null = null;
  // One row per short transaction: a batch of locks would hide rows from other
  // agents, and person locks piling up in priority order could deadlock with the sweep.
  for (let look = 0; look < MAX_LOOKS && !outcome; look++) {
    const step = await inTransaction(deps.database, async (client) => {
      // One request per agent at a time: a double click must not take two cases.
      await client.query(
        "select pg_advisory_xact_lock(hashtextextended('saldo.agent:' || $1, 0))",
        [input.userId],
      );
      if (await findOpenClaim(client, input.userId, now)) return { kind: "held" as const };
      const assigned = await lockAssignedCandidates(client, scope, now, 1);
      const [task] =
        assigned.length > 0 ? assigned : await lockQueueCandidates(client, scope, now, 1);
      if (!task) return { kind: "none" as const };
      const checker = await prepareSendChecks(client, [task.case_id], now);
      // The strategy's own planned attempt is this call on the first try; later tries are new attempts.
      const ownKey = task.attempts === 0 ? task.action_key : null;
      const check = checker.check(task.case_id, "call", ownKey, { isResponse: task.is_response });
      const facts = checker.facts.get(task.case_id);
      // The policy judges the person, not the numbers: a case with no phone to call is closed too.
      const refusal =
        check.kind !== "send" ? check : facts?.channels.includes("call") ? null : NO_PHONE;
      if (refusal) {
        await recordStopped(client, [stoppedTask(task, refusal)], now);
        return { kind: "stopped" as const };
      }
      await markClaimed(client, {
        taskId: task.id,
        userId: input.userId,
        via: "agent",
        now,
        until,
      });
      if (ownKey !== null) {
        // The planned entry counted at the step's time; the call happens now.
        await movePlannedAttempt(client, ownKey, now);
      } else if (facts) {
        await reserveCallAttempt(client, {
          key: reservationKey(task.id, task.attempts),
          facts,
          at: now,
        });
      }
      await setAgentState(client, input.userId, "on_call", now);
      return { kind: "claimed" as const, task };
    });
    if (step.kind === "stopped") stopped++;
    else if (step.kind === "claimed") outcome = step.task;
    else break;
  }
  // Claimed now, or by a parallel request of the same agent: either way the case in hand.
  const claim = await findOpenClaim(deps.database.pool, input.userId, now);
  if (claim) return { kind: "claimed", claim, resumed: outcome === null };
  return {
    kind: "empty",
    reason:
      stopped > 0
        ? `no case may be called now: the contact policy held back ${stopped}`
        : "the queue has no case for you now",
  };
}
