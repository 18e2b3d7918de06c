import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createUser } from "../modules/auth/app/create-user";
import type { Role } from "../modules/auth/domain/roles";
import type { Config } from "../platform/config";
import { openRuntime } from "../platform/runtime";

export async function userCommand(config: Config, argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== "create") {
    console.error(
      "Usage: saldo user create --email e --name n --role r [--tenant slug]... [--all-tenants]",
    );
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      tenant: { type: "string", multiple: true },
      "all-tenants": { type: "boolean", default: false },
    },
  });
  const given = process.env.SALDO_USER_PASSWORD;
  const password = given || randomBytes(12).toString("base64url");
  const runtime = await openRuntime(config, (m) => console.error(m));
  try {
    const slugs = values.tenant ?? [];
    const tenants = slugs.length
      ? await runtime.database.db
          .selectFrom("tenants")
          .select(["id", "slug"])
          .where("slug", "in", slugs)
          .execute()
      : [];
    const missing = slugs.filter((s) => !tenants.some((t) => t.slug === s));
    if (missing.length) {
      console.error(`saldo: no tenant with slug ${missing.join(", ")}`);
      return 1;
    }
    const user = await createUser(
      { db: runtime.database.db },
      {
        email: values.email ?? "",
        name: values.name ?? values.email ?? "",
        password,
        role: (values.role ?? "") as Role,
        allTenants: values["all-tenants"],
        tenantIds: tenants.map((t) => t.id),
      },
    );
    console.log(`Created ${user.role} ${user.email} (${user.id})`);
    if (!given) console.log(`Generated password (shown once): ${password}`);
    return 0;
  } finally {
    await runtime.close();
  }
}
