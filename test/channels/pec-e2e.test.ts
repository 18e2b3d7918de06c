import { randomUUID } from "node:crypto";
import { simpleParser } from "mailparser";
import { afterAll, describe, expect, it } from "vitest";
import { dispatchDue, registerDispatcher } from "../../src/modules/channels/app/run-dispatcher";
import { openPdf, pageText } from "../../src/modules/channels/letters/test-support/pdf-inspection";
import { createSmtpTransport } from "../../src/modules/channels/transports/smtp-transport";
import { runImport } from "../../src/modules/imports/app/run-import";
import type { IntakeRecord } from "../../src/modules/imports/domain/records";
import { fixedClock } from "../../src/platform/clock";
import { channelRuntime, MAIL_DOMAIN, messagesOf, timelineOf } from "../support/channel-harness";
import { createTenant, invoice, sourceOf } from "../support/factories";
import { headerOf, startSmtpPeer } from "../support/smtp-peer";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();
const peer = await startSmtpPeer();
const pec = createSmtpTransport({ url: peer.url, mailDomain: MAIL_DOMAIN, name: "pec" });
const channels = channelRuntime({ pec });
const instance = await registerDispatcher(database);
afterAll(async () => {
  await instance.release();
  await pec.close();
  await peer.close();
});

const PEC_ADDRESS = "amministrazione@pec.rossiimpianti.it";
const NOW = "2026-11-16T09:30:00Z";

/** A company owing one invoice due on 1 October, reachable only by PEC. */
async function seedCompany() {
  const tenant = await createTenant(database.db);
  const records: IntakeRecord[] = [
    {
      type: "debtor",
      line: 2,
      record: {
        externalId: "C1",
        kind: "company",
        name: "Rossi Impianti S.r.l.",
        vatNumber: "01234567890",
        language: "it",
      },
    },
    invoice(2, "FT-77", "C1", 250_000n, "2026-10-01"),
    {
      type: "contact",
      line: 2,
      record: { debtorExternalId: "C1", kind: "pec", value: PEC_ADDRESS },
    },
  ];
  await runImport(
    { database, clock: fixedClock("2026-11-16T08:00:00Z") },
    { tenantId: tenant.id, kind: "csv", sourceName: "seed", sources: [sourceOf("seed", records)] },
  );
  const { rows } = await database.pool.query<{ id: string }>(
    "select id from cases where tenant_id = $1",
    [tenant.id],
  );
  const caseId = rows[0]?.id as string;
  const { rows: actions } = await database.pool.query<{ id: string }>(
    `insert into case_actions (tenant_id, case_id, idempotency_key, step_id, attempt, channel, template, status, due_at)
     values ($1, $2, $3, 'formal_notice', 1, 'pec', 'b2b.notice.formal', 'scheduled', $4) returning id`,
    [tenant.id, caseId, `test:${randomUUID()}`, new Date(Date.parse(NOW) - 3_600_000)],
  );
  return { tenantId: tenant.id, caseId, actionId: actions[0]?.id as string };
}

describe("a formal notice by PEC through a real SMTP server", () => {
  it("sends the notice to the PEC address with the letter as a PDF attachment", async () => {
    const seeded = await seedCompany();
    const summary = await dispatchDue({ database, clock: fixedClock(NOW), channels }, instance);
    expect(summary).toMatchObject({ claimed: 1, sent: 1, failed: 0, letters: 0 });

    expect(peer.received).toHaveLength(1);
    const mail = peer.received[0];
    if (!mail) throw new Error("no mail");
    expect(mail.to).toEqual([PEC_ADDRESS]);
    expect(mail.raw).toMatch(/Content-Type: application\/pdf/i);

    const [message] = await messagesOf(database, seeded.caseId);
    expect(message).toMatchObject({
      channel: "pec",
      status: "sent",
      transport: "pec",
      recipient: PEC_ADDRESS,
      tries: 1,
    });
    const subject = headerOf(mail.raw, "Subject");
    expect(subject).toMatch(/^Diffida ad adempiere e costituzione in mora - pratica SAL-\d+$/);
    expect(subject).toBe(message?.subject);
    expect(headerOf(mail.raw, "Message-ID")).toBe(`<${message?.id}@${MAIL_DOMAIN}>`);
    // A company pays the flat € 40 recovery cost of D.Lgs. 231/2002 on top of capital and interest.
    expect(message?.body_text).toContain("- capitale: € 2.500,00");
    expect(message?.body_text).toContain("- spese: € 40,00");

    const parsed = await simpleParser(mail.raw);
    expect(parsed.subject).toBe(message?.subject);
    const pdfs = parsed.attachments.filter((a) => a.contentType === "application/pdf");
    expect(pdfs).toHaveLength(1);
    expect(pdfs[0]?.filename).toBe("b2b.notice.formal.pdf");
    const content = pdfs[0]?.content as Buffer;
    expect(content.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const doc = openPdf(content);
    const text = Array.from({ length: doc.countPages() }, (_, index) => pageText(doc, index))
      .join("\n")
      .replace(/\u00a0/g, " ");
    expect(text).toContain("Rossi Impianti S.r.l.");
    expect(text).toContain("€ 40,00");
    expect(text).not.toContain("Raccomandata"); // PEC is not a registered paper letter

    const { rows } = await database.pool.query("select status from case_actions where id = $1", [
      seeded.actionId,
    ]);
    expect(rows[0]?.status).toBe("sent");
    const sent = (await timelineOf(database, seeded.caseId)).find((e) => e.type === "message.sent");
    expect(sent?.data).toMatchObject({
      channel: "pec",
      providerIds: [`<${message?.id}@${MAIL_DOMAIN}>`],
    });

    // Dispatching again sends nothing more.
    expect(
      await dispatchDue({ database, clock: fixedClock(NOW), channels }, instance),
    ).toMatchObject({
      claimed: 0,
    });
    expect(peer.received).toHaveLength(1);
  });
});
