/**
 * "Next case": the best task this agent may call right now. The candidates are
 * locked with SKIP LOCKED (no two agents ever hold the same task), then the
 * contact policy is asked about each, in priority order, under the per-person
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
  recordStopped,
  releaseExpiredClaims,
  reservationKey,
  type StoppedTask,
} from "../store/call-tasks";
import { reserveCallAttempt } from "../store/contact-reservations";

/** An agent who walks away gives the case back after this long. */
export const CLAIM_MINUTES = 15;
const BATCH = 10;
const ROUNDS = 5;

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

  let stoppedTotal = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const outcome = await inTransaction(deps.database, async (client) => {
      const candidates = [
        ...(await lockAssignedCandidates(client, scope, now, BATCH)),
        ...(await lockQueueCandidates(client, scope, now, BATCH)),
      ];
      if (candidates.length === 0) return { claimed: null, stopped: 0, empty: true };
      const checker = await prepareSendChecks(
        client,
        [...new Set(candidates.map((c) => c.case_id))],
        now,
      );
      const stopped: StoppedTask[] = [];
      let claimed: CandidateRow | null = null;
      for (const task of candidates) {
        // The strategy's own planned attempt is this call on the first try; later tries are new attempts.
        const ownKey = task.attempts === 0 ? task.action_key : null;
        const check = checker.check(task.case_id, "call", ownKey, { isResponse: task.is_response });
        if (check.kind === "send") {
          claimed = task;
          break;
        }
        stopped.push({
          taskId: task.id,
          tenantId: task.tenant_id,
          caseId: task.case_id,
          actionId: task.action_id,
          kind: check.kind,
          rule: check.kind === "cancel" ? null : check.rule,
          reason: check.reason,
          until: check.kind === "defer" ? check.until : null,
        });
      }
      await recordStopped(client, stopped, now);
      if (!claimed) return { claimed: null, stopped: stopped.length, empty: false };
      await markClaimed(client, {
        taskId: claimed.id,
        userId: input.userId,
        via: "agent",
        now,
        until,
      });
      const facts = checker.facts.get(claimed.case_id);
      if (facts && !(claimed.attempts === 0 && claimed.action_key)) {
        await reserveCallAttempt(client, {
          key: reservationKey(claimed.id, claimed.attempts),
          facts,
          at: now,
        });
      }
      await setAgentState(client, input.userId, "on_call", now);
      return { claimed, stopped: stopped.length, empty: false };
    });
    stoppedTotal += outcome.stopped;
    if (outcome.claimed) {
      const claim = await findOpenClaim(deps.database.pool, input.userId, now);
      if (claim) return { kind: "claimed", claim, resumed: false };
    }
    if (outcome.empty) break;
  }
  return {
    kind: "empty",
    reason:
      stoppedTotal > 0
        ? `no case may be called now: the contact policy held back ${stoppedTotal}`
        : "the queue has no case for you now",
  };
}
