import { parseArgs } from "node:util";
import { createTenant } from "../modules/tenants/app/create-tenant";
import type { Config } from "../platform/config";
import { openRuntime } from "../platform/runtime";

export async function tenantCommand(config: Config, argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== "create") {
    console.error(
      "Usage: saldo tenant create --slug s --name n [--vat v] [--time-zone tz] [--locale l] [--currency c]",
    );
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      slug: { type: "string" },
      name: { type: "string" },
      vat: { type: "string" },
      "time-zone": { type: "string" },
      locale: { type: "string" },
      currency: { type: "string" },
      country: { type: "string" },
    },
  });
  const runtime = await openRuntime(config, (m) => console.error(m));
  try {
    const tenant = await createTenant(
      { db: runtime.database.db },
      {
        slug: values.slug ?? "",
        name: values.name ?? "",
        vatNumber: values.vat,
        timeZone: values["time-zone"],
        locale: values.locale,
        currency: values.currency,
        country: values.country,
      },
    );
    console.log(`Created tenant ${tenant.slug} (${tenant.id})`);
    return 0;
  } finally {
    await runtime.close();
  }
}
