import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { DEMO_USERS, loadDemo } from "../modules/demo/app/load-demo";
import { systemClock } from "../platform/clock";
import type { Config } from "../platform/config";
import type { Database } from "../platform/db/database";
import { openRuntime } from "../platform/runtime";

export async function demoCommand(config: Config, argv: string[]): Promise<number> {
  const runtime = await openRuntime(config, (m) => console.error(m));
  try {
    const hasData = await runtime.database.db
      .selectFrom("tenants")
      .select("id")
      .limit(1)
      .executeTakeFirst();
    if (hasData && !argv.includes("--force")) {
      console.error(
        "saldo: this database already has tenants; the demo loads only into an empty one.",
      );
      return 1;
    }
    await load(runtime.database, config, (m) => console.error(m));
    return 0;
  } finally {
    await runtime.close();
  }
}

/** On the very first start (no tenant yet) the demo makes Saldo explorable at once. */
export async function loadDemoIfEmpty(
  database: Database,
  config: Config,
  log: (m: string) => void,
) {
  const hasData = await database.db.selectFrom("tenants").select("id").limit(1).executeTakeFirst();
  if (hasData) return;
  await load(database, config, log);
}

async function load(database: Database, config: Config, log: (m: string) => void) {
  const password = config.demoPassword ?? randomBytes(12).toString("base64url");
  const started = Date.now();
  const result = await loadDemo({ database, clock: systemClock }, { password });
  log(
    `Demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.tenants} tenants, ` +
      `${result.debtors} debtors, ${result.invoices} invoices.`,
  );
  const lines = DEMO_USERS.map((u) => `${u.role.padEnd(14)} ${u.email}`);
  // A password the operator chose is not echoed; a generated one is shown once.
  const shown = config.demoPassword ? "as set in SALDO_DEMO_PASSWORD" : password;
  const text = `Demo users (password for all: ${shown})\n${lines.join("\n")}\n`;
  log(text);
  if (!config.databaseUrl) {
    writeFileSync(path.join(config.dataDir, "demo-credentials.txt"), text, { mode: 0o600 });
    log(`Also written to ${path.join(config.dataDir, "demo-credentials.txt")}`);
  }
}
