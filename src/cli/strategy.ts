import { parseArgs } from "node:util";
import { simulateStrategies } from "../modules/scheduler/app/simulate-strategies";
import type { SimulationResult } from "../modules/scheduler/domain/simulate";
import { migrateCases } from "../modules/strategies/app/migrate-cases";
import { strategyJsonSchema } from "../modules/strategies/domain";
import { systemClock } from "../platform/clock";
import type { Config } from "../platform/config";
import { isRealIsoDate } from "../platform/iso-date";
import { openRuntime } from "../platform/runtime";

const USAGE =
  "Usage: saldo strategy simulate --tenant <slug> --from YYYY-MM-DD --to YYYY-MM-DD\n" +
  "       saldo strategy migrate --tenant <slug> --key <strategy> [--to-version N]\n" +
  "       saldo strategy schema      (the JSON Schema of a strategy definition)";

export async function strategyCommand(config: Config, argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === "schema") {
    console.log(JSON.stringify(strategyJsonSchema(), null, 2));
    return 0;
  }
  if (sub === "migrate") return migrateCommand(config, rest);
  if (sub !== "simulate") {
    console.error(USAGE);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: { tenant: { type: "string" }, from: { type: "string" }, to: { type: "string" } },
  });
  if (
    !values.tenant ||
    !values.from ||
    !values.to ||
    !isRealIsoDate(values.from) ||
    !isRealIsoDate(values.to)
  ) {
    console.error(USAGE);
    return 2;
  }
  const runtime = await openRuntime(config, (m) => console.error(m));
  try {
    const tenant = await runtime.database.db
      .selectFrom("tenants")
      .select(["id", "slug"])
      .where("slug", "=", values.tenant)
      .executeTakeFirst();
    if (!tenant) {
      console.error(`saldo: no tenant "${values.tenant}"`);
      return 1;
    }
    const result = await simulateStrategies(
      { database: runtime.database },
      {
        tenantId: tenant.id,
        from: new Date(`${values.from}T00:00:00Z`),
        to: new Date(`${values.to}T23:59:59Z`),
      },
    );
    console.log(renderSimulation(result));
    return 0;
  } finally {
    await runtime.close();
  }
}

/** Moves the running cases of a strategy to another version (the latest by default). */
async function migrateCommand(config: Config, argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      tenant: { type: "string" },
      key: { type: "string" },
      "to-version": { type: "string" },
    },
  });
  const toVersion = values["to-version"] === undefined ? undefined : Number(values["to-version"]);
  if (!values.tenant || !values.key || (toVersion !== undefined && !Number.isInteger(toVersion))) {
    console.error(USAGE);
    return 2;
  }
  const runtime = await openRuntime(config, (m) => console.error(m));
  try {
    const tenant = await runtime.database.db
      .selectFrom("tenants")
      .select("id")
      .where("slug", "=", values.tenant)
      .executeTakeFirst();
    if (!tenant) {
      console.error(`saldo: no tenant "${values.tenant}"`);
      return 1;
    }
    const result = await migrateCases(
      { database: runtime.database, clock: systemClock },
      { tenantId: tenant.id, strategyKey: values.key, toVersion, actor: "cli" },
    );
    const missing = result.reports.filter((r) => r.missing.length).length;
    console.log(
      `Moved ${result.migrated} running cases to ${values.key} v${result.toVersion}; ${missing} had done steps the new version no longer has (kept in their history).`,
    );
    return 0;
  } finally {
    await runtime.close();
  }
}

/** One line per day and channel: contacts made, and what the policy deferred or blocked, by rule. */
export function renderSimulation(result: SimulationResult): string {
  const lines = [
    `${"day".padEnd(11)} ${"channel".padEnd(18)} ${"contacts".padStart(8)}  deferred / blocked by rule`,
  ];
  const totals = { contacts: 0, deferred: 0, blocked: 0 };
  for (const day of [...result.keys()].sort()) {
    const channels = result.get(day);
    if (!channels) continue;
    for (const [channel, c] of [...channels].sort(([a], [b]) => a.localeCompare(b))) {
      const rules = [
        ...Object.entries(c.deferred).map(([r, n]) => `deferred ${r}: ${n}`),
        ...Object.entries(c.blocked).map(([r, n]) => `blocked ${r}: ${n}`),
      ];
      totals.contacts += c.contacts;
      totals.deferred += Object.values(c.deferred).reduce((a, b) => a + b, 0);
      totals.blocked += Object.values(c.blocked).reduce((a, b) => a + b, 0);
      lines.push(
        `${day.padEnd(11)} ${channel.padEnd(18)} ${String(c.contacts).padStart(8)}  ${rules.join(", ")}`,
      );
    }
  }
  lines.push(
    `total: ${totals.contacts} contacts, ${totals.deferred} deferred, ${totals.blocked} blocked (dry run: nothing sent)`,
  );
  return lines.join("\n");
}
