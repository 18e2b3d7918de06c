import { hash } from "@node-rs/argon2";
import { z } from "zod";
import type { Db } from "../../../platform/db/database";
import { AppError } from "../../../platform/errors";
import { ROLES } from "../domain/roles";
import { findUserByEmail } from "../store/users";

export const createUserInput = z.object({
  email: z.email(),
  name: z.string().trim().min(1).max(200),
  password: z.string().min(12, "at least 12 characters").max(200),
  role: z.enum(ROLES),
  allTenants: z.boolean().default(false),
  tenantIds: z.array(z.uuid()).default([]),
});
export type CreateUserInput = z.input<typeof createUserInput>;

/** Passwords are stored as argon2id hashes (the library's default algorithm). */
export async function createUser(deps: { db: Db }, raw: CreateUserInput) {
  const input = createUserInput.parse(raw);
  if (input.role === "client_viewer" && (input.allTenants || input.tenantIds.length !== 1)) {
    throw new AppError("validation_failed", "a client viewer belongs to exactly one tenant");
  }
  if (await findUserByEmail(deps.db, input.email)) {
    throw new AppError("email_taken", `a user with email ${input.email} already exists`);
  }
  const passwordHash = await hash(input.password);
  return deps.db.transaction().execute(async (tx) => {
    const tenants = input.tenantIds.length
      ? await tx.selectFrom("tenants").select("id").where("id", "in", input.tenantIds).execute()
      : [];
    if (tenants.length !== input.tenantIds.length) {
      throw new AppError("tenant_not_found", "one of the tenants does not exist");
    }
    const user = await tx
      .insertInto("users")
      .values({
        email: input.email,
        name: input.name,
        password_hash: passwordHash,
        role: input.role,
        all_tenants: input.allTenants,
      })
      .returning(["id", "email", "name", "role", "all_tenants"])
      .executeTakeFirstOrThrow();
    if (input.tenantIds.length) {
      await tx
        .insertInto("user_tenants")
        .values(input.tenantIds.map((tenant_id) => ({ user_id: user.id, tenant_id })))
        .execute();
    }
    return { ...user, tenantIds: input.tenantIds };
  });
}
