import type { Config } from "./config";
import { redactUrl } from "./config";
import { type Database, describeUrl, openDatabase } from "./db/database";
import { startEmbeddedPostgres } from "./db/embedded";
import { migrate } from "./db/migrate";

export interface Runtime {
  database: Database;
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * The database Saldo runs on: the one at DATABASE_URL, or the embedded
 * PostgreSQL under the data directory. Migrations run on every open.
 */
export async function openRuntime(config: Config, log: (m: string) => void): Promise<Runtime> {
  let url = config.databaseUrl;
  let stopEmbedded = async () => {};
  if (!url) {
    const server = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      log: (m) => {
        if (/FATAL|PANIC|ERROR/.test(m)) log(`postgres: ${m}`);
      },
    });
    url = server.urlFor("saldo");
    stopEmbedded = () => server.stop();
    log(`Embedded PostgreSQL running from ${config.dataDir} on 127.0.0.1:${config.embeddedPgPort}`);
  } else {
    let where: string;
    try {
      where = describeUrl(url);
    } catch {
      throw new Error(`DATABASE_URL is not a valid URL: ${redactUrl(url)}`);
    }
    log(`Using PostgreSQL at ${where}`);
  }
  const database = openDatabase(url);
  try {
    const applied = await migrate(database.pool, log);
    if (applied.length) log(`Applied ${applied.length} migration(s)`);
  } catch (error) {
    await database.close();
    await stopEmbedded();
    throw error;
  }
  return {
    database,
    embedded: !config.databaseUrl,
    async close() {
      await database.close();
      await stopEmbedded();
    },
  };
}
