import { afterAll, describe, expect, it } from "vitest";
import { createSmtpTransport } from "../../src/modules/channels/transports/smtp-transport";
import { importStatement } from "../../src/modules/payments/app/import-statement";
import { caseIuvBase, pagoPaNoticeNumber } from "../../src/modules/payments/domain";
import { decidePlanApproval } from "../../src/modules/plans/app/decide-plan";
import { proposePlan } from "../../src/modules/plans/app/propose-plan";
import { reviewPlans } from "../../src/modules/plans/app/review-plans";
import { sendSignatureCode } from "../../src/modules/plans/app/send-signature-code";
import { signPlan } from "../../src/modules/plans/app/sign-plan";
import { sha256Hex } from "../../src/modules/plans/documents";
import { runSweep } from "../../src/modules/scheduler/app/run-sweep";
import { fixedClock } from "../../src/platform/clock";
import { camt053 } from "../support/camt-builder";
import { actionsOf, channelRuntime, MAIL_DOMAIN, timelineOf } from "../support/channel-harness";
import { caseRow, seedPortfolio } from "../support/payment-harness";
import { startSmtpPeer } from "../support/smtp-peer";
import { useTestDatabase } from "../support/test-database";

const database = await useTestDatabase();
const peer = await startSmtpPeer();
const smtp = createSmtpTransport({ url: peer.url, mailDomain: MAIL_DOMAIN });
const channels = channelRuntime({ email: smtp });
afterAll(async () => {
  await smtp.close();
  await peer.close();
});
const at = (iso: string) => ({ database, clock: fixedClock(iso), channels });

async function emailPointOf(caseId: string): Promise<string> {
  const { rows } = await database.pool.query(
    "select p.id from contact_points p join cases c on c.debtor_id = p.debtor_id where c.id = $1 and p.kind = 'email'",
    [caseId],
  );
  return rows[0].id;
}

async function supervisorId(): Promise<string> {
  const { rows } = await database.pool.query(
    `insert into users (email, name, role, password_hash) values ('sup-' || gen_random_uuid() || '@saldo.test', 'Sup', 'supervisor', 'x')
     returning id`,
  );
  return rows[0].id;
}

function codeInLastMail(): string {
  const raw = peer.received.at(-1)?.raw ?? "";
  const code = raw.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no code in ${raw}`);
  return code;
}

async function installments(planId: string) {
  const { rows } = await database.pool.query(
    "select seq, due_date, amount_minor, paid_minor, status from plan_installments where plan_id = $1 order by seq",
    [planId],
  );
  return rows;
}

describe("repayment plans", () => {
  it("within policy: proposed, signed with a code sent by email, then paid installment by installment", async () => {
    const { tenantId, cases } = await seedPortfolio(database, [
      {
        name: "Nadia Ferro",
        invoices: [{ amountMinor: 100_000n, dueDate: "2026-10-01" }],
        email: "nadia@example.org",
      },
    ]);
    const { caseId, reference } = cases[0]!;
    const proposed = await proposePlan(at("2026-11-24T10:00:00Z"), {
      tenantId,
      caseId,
      count: 3,
      frequency: "monthly",
      firstDueDate: "2026-12-05",
      source: "portal",
      proposedBy: "debtor",
    });
    expect(proposed.status).toBe("awaiting_signature");
    expect(proposed.installments.map((i) => i.amountMinor)).toEqual([33_334n, 33_333n, 33_333n]);
    const { rows: docs } = await database.pool.query(
      "select sha256, pdf from plan_documents where plan_id = $1",
      [proposed.planId],
    );
    expect(sha256Hex(docs[0].pdf)).toBe(proposed.documentSha256);

    const sent = await sendSignatureCode(at("2026-11-24T10:01:00Z"), {
      tenantId,
      planId: proposed.planId,
      contactPointId: await emailPointOf(caseId),
    });
    expect(sent).toMatchObject({ channel: "email", destination: "n***@example.org" });
    const code = codeInLastMail();
    const { rows: logged } = await database.pool.query(
      "select body_text from messages where case_id = $1",
      [caseId],
    );
    expect(logged[0].body_text).not.toContain(code);
    const wrong = code === "000000" ? "111111" : "000000";
    const sign = (attempt: string) =>
      signPlan(at("2026-11-24T10:03:00Z"), {
        tenantId,
        planId: proposed.planId,
        codeId: sent.codeId,
        code: attempt,
        ip: "203.0.113.7",
      });
    expect((await sign(wrong)).kind).toBe("wrong");
    expect((await sign(code)).kind).toBe("signed");
    const { rows: signature } = await database.pool.query(
      "select document_sha256, ip, channel, destination_masked from plan_signatures where plan_id = $1",
      [proposed.planId],
    );
    expect(signature[0]).toEqual({
      document_sha256: proposed.documentSha256,
      ip: "203.0.113.7",
      channel: "email",
      destination_masked: "n***@example.org",
    });

    // In force: reminders stop while the plan is followed.
    await runSweep(at("2026-11-25T09:00:00Z"));
    expect((await actionsOf(database, caseId)).filter((a) => a.status === "scheduled")).toEqual([]);

    // Installment 1 paid with its own pagoPA notice (sequence 1).
    const notice = pagoPaNoticeNumber({
      segregationCode: "02",
      iuvBase: caseIuvBase(BigInt(reference.replace(/\D/g, "")), 1),
    });
    await importStatement(at("2026-12-06T08:00:00Z"), {
      tenantId,
      fileName: "dec.xml",
      content: Buffer.from(
        camt053({ entries: [{ bankRef: "N1", amountMinor: 33_334n, rf: notice }] }),
      ),
    });
    expect((await installments(proposed.planId)).map((i) => [i.seq, i.paid_minor])).toEqual([
      [1, 33_334n],
      [2, 0n],
      [3, 0n],
    ]);

    // Installments 2 and 3 never come: at risk after the first is missed, broken after the second.
    expect((await reviewPlans(at("2027-01-12T08:00:00Z"))).broken).toBe(0);
    const { rows: risky } = await database.pool.query("select status from plans where id = $1", [
      proposed.planId,
    ]);
    expect(risky[0].status).toBe("at_risk");
    const priority = (await caseRow(database, caseId)).priority;
    expect((await reviewPlans(at("2027-02-12T08:00:00Z"))).broken).toBe(1);
    expect((await caseRow(database, caseId)).priority).toBeGreaterThan(priority);
    expect((await timelineOf(database, caseId)).map((e) => e.type)).toEqual(
      expect.arrayContaining([
        "plan.proposed",
        "plan.signed",
        "payment.received",
        "plan.at_risk",
        "plan.broken",
      ]),
    );
    await runSweep(at("2027-02-12T09:00:00Z"));
    expect(
      (await actionsOf(database, caseId)).filter((a) => a.status === "scheduled").length,
    ).toBeGreaterThan(0);
  });

  it("outside policy: a supervisor decides; five wrong codes lock the code", async () => {
    const { tenantId, cases } = await seedPortfolio(database, [
      {
        name: "Omar Riva",
        invoices: [{ amountMinor: 30_000n, dueDate: "2026-10-01" }],
        email: "omar@example.org",
      },
    ]);
    const { caseId } = cases[0]!;
    const proposed = await proposePlan(at("2026-11-24T10:00:00Z"), {
      tenantId,
      caseId,
      count: 10,
      frequency: "monthly",
      firstDueDate: "2026-12-05",
      source: "agent",
      proposedBy: "user:agent",
    });
    expect(proposed.status).toBe("pending_approval");
    expect(proposed.reasons.length).toBeGreaterThan(0);
    const { rows: tasks } = await database.pool.query(
      "select kind from case_tasks where case_id = $1",
      [caseId],
    );
    expect(tasks.map((t) => t.kind)).toEqual(["plan_approval"]);
    await expect(
      sendSignatureCode(at("2026-11-24T10:01:00Z"), {
        tenantId,
        planId: proposed.planId,
        contactPointId: await emailPointOf(caseId),
      }),
    ).rejects.toThrow(/pending_approval/);
    await decidePlanApproval(at("2026-11-24T11:00:00Z"), {
      tenantId,
      planId: proposed.planId,
      approve: true,
      userId: await supervisorId(),
    });
    const sent = await sendSignatureCode(at("2026-11-24T11:01:00Z"), {
      tenantId,
      planId: proposed.planId,
      contactPointId: await emailPointOf(caseId),
    });
    const code = codeInLastMail();
    const wrong = code === "999999" ? "888888" : "999999";
    const outcomes = [];
    for (let i = 0; i < 6; i++) {
      outcomes.push(
        (
          await signPlan(at("2026-11-24T11:02:00Z"), {
            tenantId,
            planId: proposed.planId,
            codeId: sent.codeId,
            code: i < 5 ? wrong : code,
            ip: "203.0.113.8",
          })
        ).kind,
      );
    }
    expect(outcomes).toEqual(["wrong", "wrong", "wrong", "wrong", "wrong", "locked"]);
  });

  it("refuses impossible terms with every reason", async () => {
    const { tenantId, cases } = await seedPortfolio(database, [
      { name: "Pia Monte", invoices: [{ amountMinor: 30_000n, dueDate: "2026-10-01" }] },
    ]);
    await expect(
      proposePlan(at("2026-11-24T10:00:00Z"), {
        tenantId,
        caseId: cases[0]!.caseId,
        count: 3,
        frequency: "monthly",
        firstDueDate: "2026-11-01",
        source: "portal",
        proposedBy: "debtor",
      }),
    ).rejects.toThrow(/first due date 2026-11-01 is before today/);
  });
});
