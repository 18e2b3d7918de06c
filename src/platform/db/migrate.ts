import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type pg from "pg";

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../migrations",
);

interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(path.join(dir, file), "utf8");
      return {
        version: Number(file.slice(0, 4)),
        name: file.slice(5, -4),
        sql,
        checksum: createHash("sha256").update(sql).digest("hex"),
      };
    });
}

/**
 * Forward-only SQL migrations, each in its own transaction. An advisory lock
 * lets several Saldo processes start at once: one migrates, the others wait.
 */
export async function migrate(
  pool: pg.Pool,
  log: (m: string) => void = () => {},
): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query("select pg_advisory_lock(72616463)");
    await client.query(`create table if not exists schema_migrations (
      version integer primary key, name text not null, checksum text not null,
      applied_at timestamptz not null default now())`);
    const { rows } = await client.query<{ version: number; checksum: string; name: string }>(
      "select version, checksum, name from schema_migrations",
    );
    const done = new Map(rows.map((r) => [r.version, r]));
    for (const m of readMigrations()) {
      const previous = done.get(m.version);
      if (previous) {
        if (previous.checksum !== m.checksum) {
          throw new Error(
            `Migration ${m.version}_${m.name}.sql was changed after it was applied; ` +
              "migrations are forward-only: add a new one instead.",
          );
        }
        continue;
      }
      await client.query("begin");
      try {
        await client.query(m.sql);
        await client.query(
          "insert into schema_migrations (version, name, checksum) values ($1, $2, $3)",
          [m.version, m.name, m.checksum],
        );
        await client.query("commit");
      } catch (error) {
        await client.query("rollback");
        throw new Error(`Migration ${m.version}_${m.name}.sql failed: ${(error as Error).message}`);
      }
      log(`Applied migration ${String(m.version).padStart(4, "0")}_${m.name}`);
      applied.push(m.version);
    }
  } finally {
    await client.query("select pg_advisory_unlock(72616463)").catch(() => {});
    client.release();
  }
  return applied;
}
