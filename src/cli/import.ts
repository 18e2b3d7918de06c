import { createReadStream, createWriteStream, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { importFiles } from "../modules/imports/app/import-files";
import type { ColumnMapping } from "../modules/imports/domain/csv";
import { importErrors } from "../modules/imports/store/import-queries";
import { systemClock } from "../platform/clock";
import type { Config } from "../platform/config";
import { csvLine, UTF8_BOM } from "../platform/csv-write";
import { openRuntime } from "../platform/runtime";
import { progressReporter } from "./progress";

export async function importCommand(config: Config, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { mapping: { type: "string" }, errors: { type: "string" } },
  });
  const [tenantRef, ...files] = positionals;
  if (!tenantRef || files.length === 0) {
    console.error(
      "Usage: saldo import <tenant slug or id> <file>... [--mapping m.json] [--errors errors.csv]",
    );
    return 2;
  }
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length) {
    console.error(`saldo: no such file: ${missing.join(", ")}`);
    return 1;
  }
  const mapping = values.mapping
    ? (JSON.parse(readFileSync(values.mapping, "utf8")) as ColumnMapping)
    : undefined;
  const runtime = await openRuntime(config, (m) => console.error(m));
  try {
    const { db } = runtime.database;
    const tenant = await db
      .selectFrom("tenants")
      .select(["id", "slug"])
      .where((eb) =>
        /^[0-9a-f-]{36}$/.test(tenantRef) ? eb("id", "=", tenantRef) : eb("slug", "=", tenantRef),
      )
      .executeTakeFirst();
    if (!tenant) {
      console.error(`saldo: no tenant "${tenantRef}"`);
      return 1;
    }
    const progress = progressReporter(`Importing into ${tenant.slug}`);
    let last = { rowsRead: 0, bytesRead: 0 };
    const result = await importFiles(
      { database: runtime.database, clock: systemClock },
      {
        tenantId: tenant.id,
        files: files.map((f) => ({ name: path.basename(f), open: () => createReadStream(f) })),
        mapping,
        onProgress: (p) => {
          last = p;
          progress.update(p);
        },
      },
    );
    progress.done(result.counts.rows.read, last.bytesRead);
    const { rows, debtors, contacts, invoices } = result.counts;
    console.log(`Import ${result.importId} completed.`);
    console.log(
      `rows: ${rows.read} read = ${rows.created} created + ${rows.updated} updated + ${rows.unchanged} unchanged + ${rows.rejected} rejected`,
    );
    for (const [name, c] of Object.entries({ debtors, contacts, invoices })) {
      console.log(
        `${name.padEnd(9)} created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}, rejected ${c.rejected}`,
      );
    }
    console.log(`cases: ${result.casesOpened} opened, ${result.casesClosed} closed`);
    for (const f of result.files) {
      if (f.ignoredColumns.length)
        console.log(`${f.source}: ignored columns ${f.ignoredColumns.join(", ")}`);
    }
    if (rows.rejected > 0) {
      const out = values.errors ?? `import-${result.importId}-errors.csv`;
      const stream = createWriteStream(out);
      stream.write(UTF8_BOM + csvLine(["file", "line", "field", "value", "reason"]));
      for await (const batch of importErrors(db, tenant.id, result.importId)) {
        stream.write(
          batch.map((r) => csvLine([r.source, r.line, r.field, r.value, r.reason])).join(""),
        );
      }
      await new Promise((resolve) => stream.end(resolve));
      console.log(`Rejected rows written to ${out}`);
    }
    return 0;
  } finally {
    await runtime.close();
  }
}
