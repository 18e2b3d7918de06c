import type { Database } from "../../../platform/db/database";
import { AppError } from "../../../platform/errors";
import type { ContactEvent } from "../../policy/domain";
import { loadTenantPolicies } from "../../policy/store/tenant-policies";
import { DEFAULT_STRATEGIES } from "../../strategies/domain";
import { loadStrategyVersions } from "../../strategies/store/strategy-versions";
import { toContactEvents } from "../domain/case-inputs";
import { type SimulationResult, simulatePortfolio } from "../domain/simulate";
import { loadCaseActions, loadContactHistory } from "../store/load-histories";
import { loadPortfolioFacts } from "../store/portfolio-facts";

/**
 * `saldo strategy simulate`: what the tenant's strategies would do to its
 * portfolio between two dates, under its contact policy. Reads only, in a
 * read-only transaction: nothing is sent, nothing is written.
 */
export async function simulateStrategies(
  deps: { database: Database },
  input: { tenantId: string; from: Date; to: Date },
): Promise<SimulationResult> {
  const client = await deps.database.pool.connect();
  try {
    await client.query("begin transaction read only");
    const tenant = await client.query<{ id: string; country: string; time_zone: string }>(
      "select id, country, time_zone from tenants where id = $1",
      [input.tenantId],
    );
    const t = tenant.rows[0];
    if (!t) throw new AppError("tenant_not_found", "tenant not found");
    const cases = await loadPortfolioFacts(client, t.id);
    const stored = (await loadStrategyVersions(client, [t.id])).get(t.id);
    // A tenant with no strategy yet would get the defaults on the first sweep.
    const versions =
      stored ??
      DEFAULT_STRATEGIES.map((definition) => ({
        rowId: `default:${definition.key}`,
        strategyId: definition.key,
        version: 1,
        definition,
        createdAt: input.from,
      }));
    const policy = (await loadTenantPolicies(client, [t])).get(t.id);
    if (!policy) throw new Error("no contact policy");
    const actions = new Map<
      string,
      Array<{ step_id: string; channel: string; status: string; due_at: Date }>
    >();
    for (const a of await loadCaseActions(
      client,
      cases.map((c) => c.case_id),
    )) {
      actions.set(a.case_id, [...(actions.get(a.case_id) ?? []), a]);
    }
    const history = await loadContactHistory(
      client,
      {
        identityIds: cases.flatMap((c) => (c.identity_id ? [c.identity_id] : [])),
        debtorIds: cases.flatMap((c) => (c.identity_id ? [] : [c.debtor_id])),
      },
      new Date(input.from.getTime() - 14 * 86_400_000),
    );
    const contacts = new Map<string, ContactEvent[]>();
    for (const h of history)
      contacts.set(h.identity_key, [
        ...(contacts.get(h.identity_key) ?? []),
        ...toContactEvents([h]),
      ]);
    await client.query("commit");
    return simulatePortfolio({
      cases,
      versions,
      policy,
      contacts,
      actions,
      from: input.from,
      to: input.to,
      timeZone: t.time_zone,
    });
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
