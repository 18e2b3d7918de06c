import type { Db } from "../../../platform/db/database";
import { newToken } from "../domain/tokens";

/** An API token acts as its user, with that user's role and tenants. Shown once. */
export async function createApiToken(deps: { db: Db }, input: { userId: string; name: string }) {
  const { token, hash } = newToken("sk");
  const row = await deps.db
    .insertInto("api_tokens")
    .values({ user_id: input.userId, name: input.name, token_hash: hash })
    .returning(["id", "name", "created_at"])
    .executeTakeFirstOrThrow();
  return { ...row, token };
}
