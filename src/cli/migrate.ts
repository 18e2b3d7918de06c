import type { Config } from "../platform/config";
import { openRuntime } from "../platform/runtime";

export async function migrateCommand(config: Config): Promise<number> {
  const runtime = await openRuntime(config, (m) => console.error(m));
  await runtime.close();
  console.error("Database is up to date.");
  return 0;
}
