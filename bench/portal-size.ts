/**
 * bench/portal-size: what a debtor's phone downloads. Builds the portal as
 * production does and, as the baseline in the same run, a one-button React app
 * built the same way (React + react-dom alone); prints the gzipped JavaScript of
 * each and their ratio. Goal: the portal's JavaScript under 150 KB gzipped.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { build } from "vite";

const GOAL_BYTES = 150 * 1024;
const portalRoot = fileURLToPath(new URL("../web/portal/", import.meta.url));

function jsSizes(dir: string): { raw: number; gzip: number; files: number } {
  const assets = path.join(dir, "assets");
  const files = readdirSync(assets).filter((f) => f.endsWith(".js"));
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(path.join(assets, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip, files: files.length };
}

const work = mkdtempSync(path.join(tmpdir(), "saldo-portal-size-"));
try {
  const portalOut = path.join(work, "portal");
  await build({
    configFile: path.join(portalRoot, "vite.config.ts"),
    logLevel: "warn",
    build: { outDir: portalOut, emptyOutDir: true },
  });

  const baselineRoot = path.join(work, "baseline-src");
  const baselineOut = path.join(work, "baseline");
  await import("node:fs").then((fs) => fs.mkdirSync(baselineRoot, { recursive: true }));
  writeFileSync(
    path.join(baselineRoot, "index.html"),
    '<!doctype html><html lang="en"><body><div id="root"></div><script type="module" src="./main.jsx"></script></body></html>',
  );
  writeFileSync(
    path.join(baselineRoot, "main.jsx"),
    'import { createRoot } from "react-dom/client";\ncreateRoot(document.getElementById("root")).render(<button type="button">Pay</button>);\n',
  );
  await build({
    root: baselineRoot,
    logLevel: "warn",
    plugins: [react()],
    resolve: {
      alias: {
        react: path.resolve("node_modules/react"),
        "react-dom": path.resolve("node_modules/react-dom"),
      },
    },
    build: { outDir: baselineOut, emptyOutDir: true, target: "es2022" },
  });

  const portal = jsSizes(portalOut);
  const baseline = jsSizes(baselineOut);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
  );
  console.log(
    `baseline (React + react-dom, one button): ${kb(baseline.gzip)} gzipped (${kb(baseline.raw)} minified)`,
  );
  console.log(
    `portal: ${kb(portal.gzip)} gzipped (${kb(portal.raw)} minified, ${portal.files} file(s))`,
  );
  console.log(
    `ratio to the baseline: ${(portal.gzip / baseline.gzip).toFixed(2)}x; our code and strings: ${kb(portal.gzip - baseline.gzip)}`,
  );
  console.log(`goal < ${kb(GOAL_BYTES)} gzipped: ${portal.gzip < GOAL_BYTES ? "met" : "NOT met"}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
