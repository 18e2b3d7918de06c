/**
 * The outbound dialer in front of the API: a call center (call-harness) plus the
 * list export, the CSV import and the signed webhook, as a dialer would call them.
 * The clock starts on Tuesday 2026-11-24 at 10:00 in Rome (calls allowed until 21:00).
 */
import { parse } from "csv-parse/sync";
import { expect } from "vitest";
import type { DIALER_LIST_COLUMNS } from "../../src/modules/calls/domain/dialer-list";
import { signDialerWebhook } from "../../src/modules/calls/domain/dialer-signature";
import { callCenterHarness } from "./call-harness";

export const DIALER_SECRET = "9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928";
export type DialerRow = Record<(typeof DIALER_LIST_COLUMNS)[number], string>;

export const csvOf = (lines: string[][]) => `${lines.map((l) => l.join(",")).join("\r\n")}\r\n`;
export const HEADER = ["task_id", "outcome", "ended_at", "duration_seconds", "call_id", "phone"];
/** Half a minute after the harness's start: a call that just ended. */
export const ENDED = "2026-11-24T10:00:30+01:00";

export async function dialerHarness() {
  const h = await callCenterHarness();

  async function exportList(tenantId: string, cookie: string, limit?: number) {
    const response = await h.get(
      cookie,
      `/tenants/${tenantId}/dialer/export.csv${limit ? `?limit=${limit}` : ""}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const rows = parse(response.body, { columns: true }) as DialerRow[];
    return { response, rows, heldBack: Number(response.headers["x-saldo-held-back"]) };
  }

  function importCsv(tenantId: string, cookie: string, csv: string) {
    return h.app.inject({
      method: "POST",
      url: `/api/v1/tenants/${tenantId}/dialer/dispositions`,
      headers: { cookie, "content-type": "text/csv" },
      payload: csv,
    });
  }

  function webhook(
    tenantId: string,
    body: unknown,
    sign: { secret?: string; at?: number; signature?: string } = {},
  ) {
    const raw = JSON.stringify(body);
    const timestamp = sign.at ?? Math.floor(h.clock.now().getTime() / 1000);
    return h.app.inject({
      method: "POST",
      url: `/dialer/webhook/${tenantId}`,
      headers: {
        "content-type": "application/json",
        "x-saldo-timestamp": String(timestamp),
        "x-saldo-signature":
          sign.signature ?? signDialerWebhook(raw, timestamp, sign.secret ?? DIALER_SECRET),
      },
      payload: raw,
    });
  }

  /** A tenant whose queue holds `count` cases, all exported to the dialer. */
  async function exportedTenant(count: number) {
    const { tenantId, supervisor } = await h.newTenant();
    const caseIds = await h.seedCases(tenantId, supervisor.cookie, count);
    await h.queue(tenantId, caseIds, supervisor.userId);
    const { rows } = await exportList(tenantId, supervisor.cookie);
    expect(rows).toHaveLength(count);
    return { tenantId, supervisor, caseIds, rows };
  }

  return { ...h, exportList, importCsv, webhook, exportedTenant };
}
