import { sql } from "kysely";
import type { Db } from "../../../platform/db/database";
import type { Principal, Role } from "../domain/roles";

export async function findUserByEmail(db: Db, email: string) {
  return db
    .selectFrom("users")
    .selectAll()
    .where(sql`lower(email)`, "=", email.toLowerCase())
    .executeTakeFirst();
}

/** The principal behind a session or API token hash, if still valid. */
export async function findPrincipal(
  db: Db,
  kind: "session" | "api_token",
  tokenHash: Buffer,
  now: Date,
): Promise<Principal | undefined> {
  const base = db.selectFrom("users as u").where("u.disabled_at", "is", null);
  const row =
    kind === "session"
      ? await base
          .innerJoin("sessions as s", "s.user_id", "u.id")
          .where("s.token_hash", "=", tokenHash)
          .where("s.expires_at", ">", now)
          .select(["u.id", "u.email", "u.role", "u.all_tenants"])
          .executeTakeFirst()
      : await base
          .innerJoin("api_tokens as t", "t.user_id", "u.id")
          .where("t.token_hash", "=", tokenHash)
          .where("t.revoked_at", "is", null)
          .select(["u.id", "u.email", "u.role", "u.all_tenants"])
          .executeTakeFirst();
  if (!row) return undefined;
  const tenants = await db
    .selectFrom("user_tenants")
    .select("tenant_id")
    .where("user_id", "=", row.id)
    .execute();
  return {
    userId: row.id,
    email: row.email,
    role: row.role as Role,
    allTenants: row.all_tenants,
    tenantIds: tenants.map((t) => t.tenant_id),
    via: kind,
  };
}
