import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../src/platform/db/embedded";
import { migrate } from "../../src/platform/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of a maintenance database on the test server. */
    adminUrl: string;
    /** Name of the migrated template every test file copies. */
    templateDb: string;
  }
}

/**
 * Starts one PostgreSQL for the whole run (embedded, or TEST_DATABASE_URL),
 * migrates a template database once, and lets each test file copy it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stopServer = async () => {};
  if (!adminUrl) {
    const dataDir = mkdtempSync(path.join(tmpdir(), "saldo-test-"));
    chmodSync(dataDir, 0o755); // the postgres user must reach the cluster inside
    const server = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      log: () => {},
      lock: false,
      durable: false,
    });
    adminUrl = server.urlFor("postgres");
    stopServer = async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  const templateDb = `saldo_template_${process.pid}`;
  await adminQuery(adminUrl, `drop database if exists ${templateDb}`);
  await adminQuery(adminUrl, `create database ${templateDb}`);
  const pool = new pg.Pool({ connectionString: withDatabase(adminUrl, templateDb), max: 1 });
  await migrate(pool);
  await pool.end();
  project.provide("adminUrl", adminUrl);
  project.provide("templateDb", templateDb);
  return async () => {
    await dropTestDatabases(adminUrl, templateDb);
    await stopServer();
  };
}

async function dropTestDatabases(adminUrl: string, templateDb: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const { rows } = await client.query<{ datname: string }>(
    "select datname from pg_database where datname like $1 or datname = $2",
    [`saldo_t${process.pid}_%`, templateDb],
  );
  for (const { datname } of rows)
    await client.query(`drop database if exists "${datname}" with (force)`);
  await client.end();
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
