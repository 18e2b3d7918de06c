import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";

/**
 * One Saldo process per data directory: an exclusive lock file holding our pid.
 * A lock whose pid is gone was left by a killed process and is taken over.
 */
export class DataDirInUseError extends Error {}

export function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, "saldo.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx", 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readLockPid(lockPath) === process.pid) unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLockPid(lockPath);
      if (holder !== undefined && holder !== process.pid && isAlive(holder)) {
        throw new DataDirInUseError(
          `Another Saldo process (pid ${holder}) is already using the data directory ${dataDir}. ` +
            "Stop it first, or point SALDO_DATA_DIR at another directory.",
        );
      }
      // Stale lock from a process that no longer exists.
      try {
        unlinkSync(lockPath);
      } catch {
        // Someone else removed it first; retry the exclusive create.
      }
    }
  }
  throw new DataDirInUseError(`Could not lock the data directory ${dataDir}; try again.`);
}

function readLockPid(lockPath: string): number | undefined {
  try {
    const pid = Number(JSON.parse(readFileSync(lockPath, "utf8")).pid);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
