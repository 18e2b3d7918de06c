import { sql } from "kysely";
import type { Clock } from "../../../platform/clock";
import { localDate } from "../../../platform/clock";
import type { Database } from "../../../platform/db/database";
import { createUser } from "../../auth/app/create-user";
import type { Role } from "../../auth/domain/roles";
import { assignCaseCall } from "../../calls/app/assign-case-call";
import { saveAgentRouting } from "../../calls/store/agents";
import type { ImportSource, IntakeChunk } from "../../imports/app/run-import";
import { runImport } from "../../imports/app/run-import";
import type { IntakeRecord } from "../../imports/domain/records";
import { DEFAULT_DEMO_SIZE, DEMO_AGENCY, DEMO_TENANTS, generateDemoPortfolio } from "../domain";

export const DEMO_USERS: ReadonlyArray<{
  email: string;
  name: string;
  role: Role;
  tenant?: string;
}> = [
  { email: "admin@demo.saldo.example", name: "Alessandra Admin", role: "admin" },
  { email: "supervisor@demo.saldo.example", name: "Sergio Supervisore", role: "supervisor" },
  { email: "agent@demo.saldo.example", name: "Agnese Operatrice", role: "agent" },
  { email: "auditor@demo.saldo.example", name: "Aldo Revisore", role: "auditor" },
  {
    email: "client@demo.saldo.example",
    name: "Clara Committente",
    role: "client_viewer",
    tenant: "utility",
  },
];

/**
 * The demo agency, its two creditors, staff users sharing one password, and
 * about 2,000 debtors loaded through the same import pipeline as real data.
 */
export async function loadDemo(
  deps: { database: Database; clock: Clock },
  input: { password: string; seed?: number },
): Promise<{ tenants: number; debtors: number; invoices: number }> {
  const { db } = deps.database;
  const agency = await db
    .insertInto("agencies")
    .values({ name: DEMO_AGENCY.legalName })
    .returning("id")
    .executeTakeFirstOrThrow();
  const tenantIds = new Map<string, string>();
  for (const t of DEMO_TENANTS) {
    const row = await db
      .insertInto("tenants")
      .values({
        agency_id: agency.id,
        slug: t.slug,
        name: t.name,
        legal_name: t.legalName,
        vat_number: t.vatNumber,
        currency: t.currency,
        locale: t.locale,
        time_zone: t.timeZone,
        country: t.country,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    tenantIds.set(t.slug, row.id);
    await sql`insert into tenant_channel_settings (tenant_id, settings)
      values (${row.id}, ${JSON.stringify(t.channelSettings)}::jsonb)`.execute(db);
    await sql`insert into tenant_payment_settings (tenant_id, settings)
      values (${row.id}, ${JSON.stringify(t.paymentSettings)}::jsonb)`.execute(db);
  }
  for (const u of DEMO_USERS) {
    const tenantId = u.tenant ? tenantIds.get(u.tenant) : undefined;
    const user = await createUser(
      { db },
      {
        ...u,
        password: input.password,
        allTenants: !tenantId,
        tenantIds: tenantId ? [tenantId] : [],
      },
    );
    // The demo agent speaks English and handles business debtors: the whole demo queue is hers.
    if (u.role === "agent") {
      await saveAgentRouting(deps.database.pool, {
        userId: user.id,
        team: "default",
        skills: ["lang:en", "b2b", "hardship"],
        extension: null,
      });
    }
  }
  const today = localDate(deps.clock.now(), "Europe/Rome");
  const portfolios = generateDemoPortfolio({
    seed: input.seed ?? 20261124,
    today,
    debtorsPerTenant: { ...DEFAULT_DEMO_SIZE },
  });
  let debtors = 0;
  let invoices = 0;
  for (const portfolio of portfolios) {
    const tenantId = tenantIds.get(portfolio.tenantSlug);
    if (!tenantId) throw new Error(`demo portfolio for unknown tenant ${portfolio.tenantSlug}`);
    const summary = await runImport(deps, {
      tenantId,
      kind: "demo",
      sourceName: "demo",
      sources: [demoSource(portfolio.records)],
    });
    debtors += summary.counts.debtors.created;
    invoices += summary.counts.invoices.created;
  }
  await queueDemoCalls(deps, [...tenantIds.values()]);
  return { tenants: DEMO_TENANTS.length, debtors, invoices };
}

/** The demo call center starts with work: each creditor's most overdue cases with a phone. */
async function queueDemoCalls(deps: { database: Database; clock: Clock }, tenantIds: string[]) {
  const { rows } = await deps.database.pool.query<{ tenant_id: string; id: string }>(
    `select tenant_id, id from (
       select c.tenant_id, c.id, row_number() over (partition by c.tenant_id order by min(i.due_date), c.reference) as n
       from cases c join invoices i on i.case_id = c.id and i.status = 'open'
       where c.tenant_id = any($1::uuid[]) and c.status = 'open'
         and exists (select 1 from contact_points p where p.debtor_id = c.debtor_id and p.kind = 'phone')
       group by c.tenant_id, c.id) ranked
     where n <= 25`,
    [tenantIds],
  );
  for (const row of rows) {
    await assignCaseCall(deps, {
      tenantId: row.tenant_id,
      caseId: row.id,
      userId: null,
      team: null,
      by: "demo",
      reason: "demo: one of the creditor's most overdue cases",
    });
  }
}

function demoSource(records: IntakeRecord[]): ImportSource {
  return {
    name: "demo",
    chunks: (async function* (): AsyncGenerator<IntakeChunk> {
      for (let i = 0; i < records.length; i += 5000) {
        const slice = records.slice(i, i + 5000);
        yield {
          records: slice,
          errors: [],
          rowsRead: new Set(slice.map((r) => r.line)).size,
          bytesRead: 0,
        };
      }
    })(),
  };
}
