/**
 * The tenant's strategies as the HTTP API reads and edits them. Each call is one
 * transaction on its own connection; the domain decides what a new version is.
 */
import type pg from "pg";
import type { Clock } from "../../../platform/clock";
import type { Database, Db } from "../../../platform/db/database";
import { inTransaction } from "../../../platform/db/transaction";
import { nextVersion, type StrategyDefinition, strategyDefinition } from "../domain";
import {
  installDefaultStrategies,
  loadStrategyVersions,
  type StoredVersion,
  saveStrategyVersion,
} from "../store/strategy-versions";

export interface TenantStrategy {
  key: string;
  /** Oldest first. */
  versions: StoredVersion[];
  latest: StoredVersion;
}

/** The lock installDefaultStrategies takes too: edits of one tenant's strategies queue up. */
const lockTenantStrategies = (client: pg.PoolClient, tenantId: string) =>
  client.query("select pg_advisory_xact_lock(hashtextextended('saldo.strategies:' || $1, 0))", [
    tenantId,
  ]);

async function versionsOf(client: pg.PoolClient, tenantId: string): Promise<StoredVersion[]> {
  return (await loadStrategyVersions(client, [tenantId])).get(tenantId) ?? [];
}

function byStrategy(versions: StoredVersion[]): TenantStrategy[] {
  const groups = new Map<string, StoredVersion[]>();
  for (const version of versions) {
    const list = groups.get(version.strategyId) ?? [];
    list.push(version);
    groups.set(version.strategyId, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, list]) => {
      const sorted = list.sort((a, b) => a.version - b.version);
      return { key, versions: sorted, latest: sorted.at(-1) as StoredVersion };
    });
}

export async function tenantExists(db: Db, tenantId: string): Promise<boolean> {
  const row = await db
    .selectFrom("tenants")
    .select("id")
    .where("id", "=", tenantId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Every strategy of the tenant; a tenant without any first gets the defaults that would run. */
export async function listTenantStrategies(
  database: Database,
  tenantId: string,
): Promise<TenantStrategy[]> {
  return inTransaction(database, async (client) => {
    let versions = await versionsOf(client, tenantId);
    if (versions.length === 0) {
      await installDefaultStrategies(client, tenantId);
      versions = await versionsOf(client, tenantId);
    }
    return byStrategy(versions);
  });
}

/**
 * Saves `definition` as the next version of the strategy with its key (the first
 * when the key is new). An unchanged definition creates nothing: the latest
 * version comes back with created false. Running cases are not touched.
 */
export async function saveTenantStrategy(
  deps: { database: Database; clock: Clock },
  input: { tenantId: string; definition: StrategyDefinition; createdBy: string },
): Promise<{ version: StoredVersion; created: boolean }> {
  const { tenantId, definition } = input;
  return inTransaction(deps.database, async (client) => {
    await lockTenantStrategies(client, tenantId);
    // Like the scheduler: a tenant's own strategies come on top of the defaults, never instead.
    await installDefaultStrategies(client, tenantId);
    const existing = (await versionsOf(client, tenantId)).filter(
      (v) => v.strategyId === definition.key,
    );
    const next = nextVersion(existing, definition, deps.clock.now());
    const unchanged = existing.find((v) => v === next);
    if (unchanged) return { version: unchanged, created: false };
    const saved = await saveStrategyVersion(client, tenantId, definition, input.createdBy);
    const { rows } = await client.query<{ created_at: Date }>(
      "select created_at from strategy_versions where tenant_id = $1 and id = $2",
      [tenantId, saved.id],
    );
    return {
      version: {
        rowId: saved.id,
        strategyId: definition.key,
        version: saved.version,
        definition,
        createdAt: rows[0]?.created_at ?? next.createdAt,
      },
      created: true,
    };
  });
}

/** One version of one of the tenant's strategies, or undefined. */
export async function findStrategyVersion(
  db: Db,
  tenantId: string,
  key: string,
  version: number,
): Promise<StoredVersion | undefined> {
  const row = await db
    .selectFrom("strategy_versions as v")
    .innerJoin("strategies as s", (join) =>
      join.onRef("s.id", "=", "v.strategy_id").onRef("s.tenant_id", "=", "v.tenant_id"),
    )
    .select(["v.id", "s.key", "v.version", "v.definition", "v.created_at"])
    .where("v.tenant_id", "=", tenantId)
    .where("s.key", "=", key)
    .where("v.version", "=", version)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    rowId: row.id,
    strategyId: row.key,
    version: row.version,
    definition: strategyDefinition.parse(row.definition),
    createdAt: row.created_at,
  };
}
