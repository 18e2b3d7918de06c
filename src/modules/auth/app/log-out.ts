import type { Db } from "../../../platform/db/database";
import { hashToken } from "../domain/tokens";

export async function logOut(deps: { db: Db }, token: string): Promise<void> {
  await deps.db.deleteFrom("sessions").where("token_hash", "=", hashToken(token)).execute();
}
