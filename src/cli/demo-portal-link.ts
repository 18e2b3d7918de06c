import type { DebtorLinks } from "../modules/channels/app/channel-runtime";
import { DEMO_AGENCY } from "../modules/demo/domain/tenants";
import type { Database } from "../platform/db/database";

/**
 * On a demo database only (tenants of the demo agency), a debtor's portal link to
 * try the portal at once, with the answer that opens it. Never for real tenants.
 */
export async function demoPortalHint(
  database: Database,
  links: DebtorLinks,
  now: Date,
): Promise<string | undefined> {
  const { rows } = await database.pool.query<{ id: string; tax_code: string; name: string }>(
    `select c.id, d.tax_code, d.name from cases c
     join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
     join tenants t on t.id = c.tenant_id join agencies a on a.id = t.agency_id
     where a.name = $1 and c.status = 'open' and d.kind = 'person' and d.tax_code is not null
     order by c.reference limit 1`,
    [DEMO_AGENCY.legalName],
  );
  const demo = rows[0];
  if (!demo) return undefined;
  return (
    `Debtor portal (demo case of ${demo.name}): ${links.portal(demo.id, now)}\n` +
    `  enter with the last 4 characters of the codice fiscale: ${demo.tax_code.slice(-4)}`
  );
}
