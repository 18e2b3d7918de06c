import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";

/** The real program, as `npm start` runs it: separate processes, real ports, real signals. */
const BIN = path.resolve("bin/saldo.js");
const dataDir = mkdtempSync(path.join(tmpdir(), "saldo-e2e-"));
const children: ChildProcess[] = [];
const DEMO_PASSWORD = "demo-password-for-tests";

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await sleep(200);
  rmSync(dataDir, { recursive: true, force: true });
});

function saldo(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: {
      ...process.env,
      DATABASE_URL: "",
      LOG_LEVEL: "warn",
      SALDO_DEMO_PASSWORD: DEMO_PASSWORD,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitHealthy(port: number, proc: { output(): string; child: ChildProcess }) {
  for (let i = 0; i < 600; i++) {
    if (proc.child.exitCode !== null) throw new Error(`saldo exited: ${proc.output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`saldo did not become healthy: ${proc.output()}`);
}

async function logIn(port: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "admin@demo.saldo.example", password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return String(response.headers.get("set-cookie")).split(";")[0] as string;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });

describe("saldo serve on the embedded PostgreSQL", () => {
  let env: Record<string, string>;
  let port: number;

  it("initialises, migrates and loads the demo on the first start", async () => {
    port = await freePort();
    env = {
      SALDO_DATA_DIR: dataDir,
      PORT: String(port),
      SALDO_EMBEDDED_PG_PORT: String(await freePort()),
    };
    const first = saldo(["serve"], env);
    await waitHealthy(port, first);
    const cookie = await logIn(port);
    const tenants = (await (
      await fetch(`http://127.0.0.1:${port}/api/v1/tenants`, { headers: { cookie } })
    ).json()) as { items: { id: string }[] };
    expect(tenants.items).toHaveLength(2);
    let debtors = 0;
    for (const tenant of tenants.items) {
      const page = (await (
        await fetch(`http://127.0.0.1:${port}/api/v1/tenants/${tenant.id}/debtors?limit=1`, {
          headers: { cookie },
        })
      ).json()) as { total: number };
      debtors += page.total;
    }
    expect(debtors).toBeGreaterThanOrEqual(1900);
    expect(readFileSync(path.join(dataDir, "demo-credentials.txt"), "utf8")).toContain(
      "admin@demo.saldo.example",
    );

    // A second Saldo on the same data directory is refused, clearly.
    const second = saldo(["serve"], { ...env, PORT: String(await freePort()) });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/already using the data directory/);

    // Killed without a chance to clean up: its PostgreSQL is left running.
    first.child.kill("SIGKILL");
    await first.exited;
    const pid = Number(
      readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0],
    );
    expect(() => process.kill(pid, 0)).not.toThrow();

    // The next start recovers the stale server and does not load the demo again.
    const third = saldo(["serve"], env);
    await waitHealthy(port, third);
    const again = (await (
      await fetch(`http://127.0.0.1:${port}/api/v1/tenants`, {
        headers: { cookie: await logIn(port) },
      })
    ).json()) as { items: unknown[] };
    expect(again.items).toHaveLength(2);
    third.child.kill("SIGTERM");
    expect(await third.exited).toBe(0);
    expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);
    expect(existsSync(path.join(dataDir, "saldo.lock"))).toBe(false);
  }, 180_000);
});

describe("saldo serve with DATABASE_URL", () => {
  it("uses that PostgreSQL and starts nothing embedded", async () => {
    const adminUrl = inject("adminUrl");
    const name = `saldo_e2e_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const otherDir = mkdtempSync(path.join(tmpdir(), "saldo-e2e-ext-"));
    const port = await freePort();
    const proc = saldo(["serve"], {
      DATABASE_URL: url.toString(),
      SALDO_DATA_DIR: otherDir,
      PORT: String(port),
      SALDO_DEMO: "off",
    });
    try {
      await waitHealthy(port, proc);
      expect(existsSync(path.join(otherDir, "pg"))).toBe(false);
      const { rows } = await admin.query(
        `select count(*)::int as n from pg_database where datname = $1`,
        [name],
      );
      expect(rows[0].n).toBe(1);
    } finally {
      proc.child.kill("SIGTERM");
      await proc.exited;
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
      rmSync(otherDir, { recursive: true, force: true });
    }
  }, 120_000);

  it("refuses a bad setting with a message naming it", async () => {
    const proc = saldo(["serve"], { PORT: "seventy" });
    expect(await proc.exited).toBe(1);
    expect(proc.output()).toMatch(/PORT="seventy"/);
  });
});
