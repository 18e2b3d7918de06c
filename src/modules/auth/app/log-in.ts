import { verify } from "@node-rs/argon2";
import type { Clock } from "../../../platform/clock";
import type { Db } from "../../../platform/db/database";
import { AppError } from "../../../platform/errors";
import { newToken } from "../domain/tokens";
import { findUserByEmail } from "../store/users";

// Verifying against a real hash when the user is unknown keeps timing the same.
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$TKDXRyfkYPeAmX6kU387pA$MFwlUU2q4Yh9KWh4qLPCyfJO0Ie9BmJ06lsW9WMXwkM";

export async function logIn(
  deps: { db: Db; clock: Clock; sessionTtlHours: number },
  input: { email: string; password: string },
): Promise<{ token: string; expiresAt: Date }> {
  const user = await findUserByEmail(deps.db, input.email);
  const ok = await verify(user?.password_hash ?? DUMMY_HASH, input.password).catch(() => false);
  if (!user || !ok || user.disabled_at) {
    throw new AppError("unauthenticated", "wrong email or password");
  }
  const { token, hash } = newToken("ss");
  const expiresAt = new Date(deps.clock.now().getTime() + deps.sessionTtlHours * 3_600_000);
  await deps.db
    .insertInto("sessions")
    .values({ token_hash: hash, user_id: user.id, expires_at: expiresAt })
    .execute();
  return { token, expiresAt };
}
