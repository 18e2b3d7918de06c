import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { type Database, openDatabase } from "../../src/platform/db/database";

/**
 * A fresh, migrated database for one test file: a copy of the template made by
 * the global setup, dropped when the file's tests are done.
 */
export async function useTestDatabase(): Promise<Database> {
  const adminUrl = inject("adminUrl");
  const template = inject("templateDb");
  const templatePid = template.split("_").pop();
  const name = `saldo_t${templatePid}_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const database = openDatabase(u.toString());
  afterAll(async () => {
    await database.close();
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  });
  return database;
}
