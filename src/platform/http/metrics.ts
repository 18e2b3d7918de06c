import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

/** One registry per server instance, so tests can build several servers. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "saldo_" });
  const httpDuration = new Histogram({
    name: "saldo_http_request_duration_seconds",
    help: "HTTP request duration by route and status",
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  });
  const importedRows = new Counter({
    name: "saldo_import_rows_total",
    help: "Rows read by imports, by outcome",
    labelNames: ["kind", "outcome"],
    registers: [registry],
  });
  return { registry, httpDuration, importedRows };
}

export type Metrics = ReturnType<typeof createMetrics>;
