import type { Database } from "./database";

/**
 * Runs `work` now, every `intervalMs`, and at once on every NOTIFY on
 * `channel` — never twice at a time: a wake-up during a run makes one more
 * run after it. stop() waits for the run in progress (which sees
 * shouldStop() turn true) and releases the listening connection.
 */
export async function runNotifyLoop(
  database: Database,
  options: {
    channel: string;
    intervalMs: number;
    work: (shouldStop: () => boolean) => Promise<void>;
    onError: (error: Error) => void;
  },
): Promise<{ stop(): Promise<void> }> {
  const listener = await database.pool.connect();
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await options.work(() => stopped);
        } catch (error) {
          options.onError(error as Error);
        }
      } while (again && !stopped);
      running = null;
    })();
  };
  listener.on("notification", tick);
  await listener.query(`listen ${options.channel}`);
  const timer = setInterval(tick, options.intervalMs);
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      await listener.query(`unlisten ${options.channel}`).catch(() => {});
      listener.release();
    },
  };
}
