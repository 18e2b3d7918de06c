import type { Clock } from "../../../platform/clock";
import type { Db } from "../../../platform/db/database";
import type { Principal } from "../domain/roles";
import { hashToken } from "../domain/tokens";
import { findPrincipal } from "../store/users";

/** A bearer token (sk_…) or the session cookie (ss_…); anything else is nobody. */
export async function authenticate(
  deps: { db: Db; clock: Clock },
  credentials: { bearer?: string; sessionCookie?: string },
): Promise<Principal | undefined> {
  const now = deps.clock.now();
  if (credentials.bearer?.startsWith("sk_")) {
    const principal = await findPrincipal(deps.db, "api_token", hashToken(credentials.bearer), now);
    if (principal) {
      await deps.db
        .updateTable("api_tokens")
        .set({ last_used_at: now })
        .where("token_hash", "=", hashToken(credentials.bearer))
        .execute();
    }
    return principal;
  }
  if (credentials.sessionCookie?.startsWith("ss_")) {
    return findPrincipal(deps.db, "session", hashToken(credentials.sessionCookie), now);
  }
  return undefined;
}
