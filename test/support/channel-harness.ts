import {
  type ChannelRuntime,
  createDebtorLinks,
} from "../../src/modules/channels/app/channel-runtime";
import { createOutboxTransport } from "../../src/modules/channels/transports/outbox-transport";
import type { ChannelTransport } from "../../src/modules/channels/transports/transport";
import { runImport } from "../../src/modules/imports/app/run-import";
import type { IntakeRecord } from "../../src/modules/imports/domain/records";
import { runSweep } from "../../src/modules/scheduler/app/run-sweep";
import { DEFAULT_STRATEGIES } from "../../src/modules/strategies/domain";
import { saveStrategyVersion } from "../../src/modules/strategies/store/strategy-versions";
import { fixedClock } from "../../src/platform/clock";
import type { Database } from "../../src/platform/db/database";
import { createTokenSigner } from "../../src/platform/signed-token";
import {
  createTenant,
  emailContact,
  invoice,
  person,
  phone,
  postalContact,
  sourceOf,
} from "./factories";

export const TEST_SECRET = "test-secret-that-is-long-enough-0123456789";
export const MAIL_DOMAIN = "saldo.test";

export function channelRuntime(
  transports: Partial<ChannelRuntime["transports"]> = {},
): ChannelRuntime {
  const outbox = createOutboxTransport();
  return {
    transports: {
      email: transports.email ?? outbox,
      pec: transports.pec ?? outbox,
      sms: transports.sms ?? outbox,
    },
    links: createDebtorLinks("https://pay.saldo.test", createTokenSigner(TEST_SECRET)),
    codeKey: createTokenSigner(TEST_SECRET).deriveKey("one-time-codes"),
    mailDomain: MAIL_DOMAIN,
    concurrency: 8,
  };
}

let n = 0;

/**
 * A consumer case, one invoice due on `dueDate`, on a tenant whose consumer
 * strategy has only its champion (email first), swept at `sweepAt`.
 */
export async function seedSweptCase(
  database: Database,
  options: {
    email?: string;
    phone?: string;
    postal?: boolean;
    dueDate?: string;
    amountMinor?: bigint;
    sweepAt?: string;
  } = {},
): Promise<{ tenantId: string; caseId: string; debtorExternalId: string }> {
  n++;
  const tenant = await createTenant(database.db);
  const consumer = DEFAULT_STRATEGIES.find((d) => d.key === "consumer-utility");
  if (!consumer) throw new Error("no consumer strategy");
  const champion = consumer.variants[0];
  if (!champion) throw new Error("no champion");
  const client = await database.pool.connect();
  try {
    await saveStrategyVersion(client, tenant.id, {
      ...consumer,
      variants: [{ ...champion, weight: 1 }],
    });
  } finally {
    client.release();
  }
  const external = `D${n}`;
  const records: IntakeRecord[] = [
    // No tax code: each seeded debtor is its own person, so caps never link them.
    person(2, external, "Mario Rossi"),
    invoice(2, `F${n}`, external, options.amountMinor ?? 123_456n, options.dueDate ?? "2026-11-20"),
  ];
  if (options.email) records.push(emailContact(2, external, options.email));
  if (options.phone) records.push(phone(2, external, options.phone));
  if (options.postal) records.push(postalContact(2, external));
  const clock = fixedClock(options.sweepAt ?? "2026-11-24T09:00:00Z");
  await runImport(
    { database, clock },
    { tenantId: tenant.id, kind: "csv", sourceName: "seed", sources: [sourceOf("seed", records)] },
  );
  await runSweep({ database, clock });
  const { rows } = await database.pool.query<{ id: string }>(
    "select id from cases where tenant_id = $1",
    [tenant.id],
  );
  return { tenantId: tenant.id, caseId: rows[0]?.id as string, debtorExternalId: external };
}

export async function actionsOf(database: Database, caseId: string) {
  const { rows } = await database.pool.query<{
    id: string;
    step_id: string;
    channel: string;
    status: string;
    due_at: Date;
    template: string;
  }>(
    "select id, step_id, channel, status, due_at, template from case_actions where case_id = $1 order by created_at",
    [caseId],
  );
  return rows;
}

export async function messagesOf(database: Database, caseId: string) {
  const { rows } = await database.pool.query<{
    id: string;
    channel: string;
    status: string;
    recipient: string;
    subject: string | null;
    body_text: string;
    provider_ids: string[];
    tries: number;
    transport: string;
  }>(
    `select id, channel, status, recipient, subject, body_text, provider_ids, tries, transport
     from messages where case_id = $1 order by created_at`,
    [caseId],
  );
  return rows;
}

export async function timelineOf(database: Database, caseId: string) {
  const { rows } = await database.pool.query<{ type: string; data: Record<string, unknown> }>(
    "select type, data from case_events where case_id = $1 order by id",
    [caseId],
  );
  return rows;
}

export type { ChannelTransport };
