/** An agent says whether they take calls; "on call" is set by claiming, not by hand. */
import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { setAgentState } from "../store/agents";

export type ChosenState = "available" | "break" | "offline";

export async function chooseAgentState(
  deps: { database: Database; clock: Clock },
  input: { userId: string; state: ChosenState },
): Promise<void> {
  await setAgentState(deps.database.pool, input.userId, input.state, deps.clock.now());
}
