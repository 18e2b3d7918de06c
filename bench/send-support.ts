/**
 * bench/send's fixtures: a portfolio loaded with set-based SQL (the send path is
 * measured, not the import), a local SMTP server and a local SMPP server that
 * count what they receive.
 */
import type { AddressInfo } from "node:net";
import type pg from "pg";
import smpp from "smpp";
import { SMTPServer } from "smtp-server";

/** n debtors on `channel` only (email or mobile), each with one overdue case and one due action. */
export async function loadSendPortfolio(
  pool: pg.Pool,
  options: { count: number; channel: "email" | "sms"; now: Date; tenantSlug: string },
): Promise<void> {
  const { count, channel, now, tenantSlug } = options;
  const { rows } = await pool.query<{ id: string }>(
    "insert into tenants (slug, name, legal_name) values ($1, $2, $2) returning id",
    [tenantSlug, `Bench ${channel}`],
  );
  const tenant = rows[0]?.id as string;
  const prefix = `${channel}-`;
  await pool.query(
    `insert into debtors (tenant_id, external_id, kind, name, first_name, last_name, language)
     select $1, $2 || g, 'person', 'Mario Rossi ' || g, 'Mario', 'Rossi ' || g, 'it'
     from generate_series(1, $3) g`,
    [tenant, prefix, count],
  );
  await pool.query(
    `insert into contact_points (tenant_id, debtor_id, kind, value, phone_type)
     select tenant_id, id, $2, case when $2 = 'email' then 'd' || id || '@example.org'
       else '+3934' || lpad((row_number() over (order by id))::text, 8, '0') end,
       case when $2 = 'phone' then 'mobile' end
     from debtors where tenant_id = $1`,
    [tenant, channel === "email" ? "email" : "phone"],
  );
  await pool.query(
    `insert into cases (tenant_id, debtor_id, reference, stage, opened_at, next_evaluation_at)
     select tenant_id, id, 'SAL-' || lpad(nextval('case_reference_seq')::text, 8, '0'), 'early', $2, null
     from debtors where tenant_id = $1`,
    [tenant, now],
  );
  await pool.query(
    `insert into invoices (tenant_id, debtor_id, case_id, external_id, number, issue_date, due_date,
       amount_minor, open_amount_minor, currency)
     select c.tenant_id, c.debtor_id, c.id, 'F-' || c.reference, 'F-' || c.reference, '2026-10-01',
       '2026-11-01', 12345, 12345, 'EUR'
     from cases c where c.tenant_id = $1`,
    [tenant],
  );
  await pool.query(
    `insert into case_actions (tenant_id, case_id, idempotency_key, step_id, attempt, channel, template,
       status, due_at)
     select tenant_id, id, id || '/bench/reminder_1/1', 'reminder_1', 1, $2, 'reminder.first', 'scheduled', $3
     from cases where tenant_id = $1`,
    [tenant, channel, new Date(now.getTime() - 60_000)],
  );
  await pool.query("analyze");
}

export interface CountingSmtp {
  url: string;
  received(): number;
  close(): Promise<void>;
}

export async function startCountingSmtp(): Promise<CountingSmtp> {
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    maxClients: 200,
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        count++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: () => count,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface CountingSmsc {
  url: string;
  received(): number;
  close(): Promise<void>;
}

/** An SMSC that accepts every bind and answers every submit_sm with a fresh id. */
export async function startCountingSmsc(): Promise<CountingSmsc> {
  let count = 0;
  const server = smpp.createServer((session) => {
    session.on("bind_transceiver", (pdu) => session.send(pdu.response()));
    session.on("enquire_link", (pdu) => session.send(pdu.response()));
    session.on("submit_sm", (pdu) => {
      count++;
      session.send(pdu.response({ message_id: `m${count}` }));
    });
    session.on("unbind", (pdu) => {
      session.send(pdu.response());
      session.close();
    });
    session.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `smpp://bench:bench@127.0.0.1:${port}`,
    received: () => count,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
