import type pg from "pg";
import {
  DEFAULT_STRATEGIES,
  type StrategyDefinition,
  type StrategyVersion,
  strategyDefinition,
} from "../domain";

export interface StoredVersion extends StrategyVersion {
  /** The strategy_versions row: what cases point at. */
  rowId: string;
}

/** Every version of every strategy of these tenants, keyed by tenant. */
export async function loadStrategyVersions(
  client: pg.PoolClient,
  tenantIds: string[],
): Promise<Map<string, StoredVersion[]>> {
  const { rows } = await client.query<{
    id: string;
    tenant_id: string;
    key: string;
    version: number;
    definition: unknown;
    created_at: Date;
  }>(
    `select v.id, v.tenant_id, s.key, v.version, v.definition, v.created_at
     from strategy_versions v join strategies s on s.tenant_id = v.tenant_id and s.id = v.strategy_id
     where v.tenant_id = any($1::uuid[])`,
    [tenantIds],
  );
  const byTenant = new Map<string, StoredVersion[]>();
  for (const row of rows) {
    const list = byTenant.get(row.tenant_id) ?? [];
    list.push({
      rowId: row.id,
      strategyId: row.key,
      version: row.version,
      definition: strategyDefinition.parse(row.definition) as StrategyDefinition,
      createdAt: row.created_at,
    });
    byTenant.set(row.tenant_id, list);
  }
  return byTenant;
}

/** Saves a definition as the next version of its strategy (the first when new). */
export async function saveStrategyVersion(
  client: pg.PoolClient,
  tenantId: string,
  definition: StrategyDefinition,
  createdBy: string | null = null,
): Promise<{ id: string; version: number }> {
  const strategy = await client.query<{ id: string }>(
    `insert into strategies (tenant_id, key) values ($1, $2)
     on conflict (tenant_id, key) do update set key = excluded.key returning id`,
    [tenantId, definition.key],
  );
  const strategyId = strategy.rows[0]?.id;
  const { rows } = await client.query<{ id: string; version: number }>(
    `insert into strategy_versions (tenant_id, strategy_id, version, definition, created_by)
     select $1, $2, coalesce(max(version), 0) + 1, $3, $4 from strategy_versions where strategy_id = $2
     returning id, version`,
    [tenantId, strategyId, JSON.stringify(definition), createdBy],
  );
  const saved = rows[0];
  if (!saved) throw new Error("strategy version not saved");
  return saved;
}

/** A tenant without strategies gets the defaults that ship with Saldo, once. */
export async function installDefaultStrategies(
  client: pg.PoolClient,
  tenantId: string,
): Promise<void> {
  // Two workers may meet a new tenant at once: one installs, the other then finds them.
  await client.query(
    "select pg_advisory_xact_lock(hashtextextended('saldo.strategies:' || $1, 0))",
    [tenantId],
  );
  const { rowCount } = await client.query("select 1 from strategies where tenant_id = $1 limit 1", [
    tenantId,
  ]);
  if (rowCount) return;
  for (const definition of DEFAULT_STRATEGIES)
    await saveStrategyVersion(client, tenantId, definition);
}
