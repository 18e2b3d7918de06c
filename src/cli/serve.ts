import { clickToCallFromEnv } from "../modules/calls/app/click-to-call";
import { openChannels } from "../modules/channels/app/open-channels";
import { runDispatcher } from "../modules/channels/app/run-dispatcher";
import { runInboundSmtp } from "../modules/channels/app/run-inbound-smtp";
import { failAbandonedRuns } from "../modules/imports/store/import-runs";
import { cardProviderFrom } from "../modules/payments/app/card-provider-from";
import { runWorker } from "../modules/scheduler/app/run-worker";
import { systemClock } from "../platform/clock";
import type { Config } from "../platform/config";
import { buildServer } from "../platform/http/server";
import { openRuntime } from "../platform/runtime";
import { PUBLIC_ROUTES, ROUTES } from "../routes";
import { loadDemoIfEmpty } from "./demo";
import { demoPortalHint } from "./demo-portal-link";

/** Returns -1: the process keeps serving until a signal stops it. */
export async function serve(config: Config): Promise<number> {
  const log = (m: string) => console.error(`[saldo] ${m}`);
  const runtime = await openRuntime(config, log);
  await failAbandonedRuns(runtime.database.db);
  await loadDemoIfEmpty(runtime.database, config, log);
  const deps = { database: runtime.database, clock: systemClock };
  const channels = openChannels(config.channels, config.dataDir, deps, log);
  const app = await buildServer(
    {
      database: runtime.database,
      clock: systemClock,
      sessionTtlHours: config.sessionTtlHours,
      secureCookies: config.secureCookies,
      trustProxy: config.trustProxy,
      channels: channels.runtime,
      card: cardProviderFrom(config.payments),
      clickToCall: clickToCallFromEnv(process.env),
    },
    ROUTES,
    { logLevel: config.logLevel, publicRoutes: PUBLIC_ROUTES },
  );
  const worker = config.worker === "inline" ? await runWorker(deps, { log }) : undefined;
  const dispatcher =
    config.worker === "inline"
      ? await runDispatcher({ ...deps, channels: channels.runtime }, { log })
      : undefined;
  const inbound = config.channels.inboundSmtpPort
    ? await runInboundSmtp(deps, {
        port: config.channels.inboundSmtpPort,
        mailDomain: config.channels.mailDomain,
        log,
      })
    : undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    await app.close().catch(() => {});
    await worker?.stop().catch(() => {});
    await dispatcher?.stop().catch(() => {});
    await inbound?.stop().catch(() => {});
    await channels.close();
    await runtime.close().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await runtime.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE")
      throw new Error(`Port ${config.port} is already in use: set PORT to another port.`);
    throw error;
  }
  log(`Saldo is listening on http://localhost:${config.port} (API docs at /docs)`);
  const portalHint = await demoPortalHint(runtime.database, channels.runtime.links, new Date());
  if (portalHint) log(portalHint);
  return -1;
}
