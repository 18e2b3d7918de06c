import { z } from "zod";
import type { RouteModule } from "../../../platform/http/server";
import { describeOptOut, optOutByLink } from "../app/opt-out-by-link";
import { askPage, donePage, pageLanguage, unknownPage } from "./opt-out-page";

const tokenParams = z.object({ token: z.string().min(10).max(500) });

/** Pages a debtor opens from a message: no login, the signed token is the key. */
export const publicChannelRoutes: RouteModule = (app, deps) => {
  app.get("/u/:token", { schema: { hide: true, params: tokenParams } }, async (request, reply) => {
    reply.header("content-type", "text/html; charset=utf-8").header("cache-control", "no-store");
    const messageId = deps.channels.links.readOptOut(request.params.token);
    const message = messageId ? await describeOptOut(deps.database, messageId) : undefined;
    if (!message) return reply.status(404).send(unknownPage("it"));
    return askPage(pageLanguage(message.language), message.channel, message.tenant);
  });

  app.post("/u/:token", { schema: { hide: true, params: tokenParams } }, async (request, reply) => {
    reply.header("content-type", "text/html; charset=utf-8").header("cache-control", "no-store");
    const messageId = deps.channels.links.readOptOut(request.params.token);
    const outcome = messageId
      ? await optOutByLink({ database: deps.database, clock: deps.clock }, messageId)
      : ({ kind: "unknown" } as const);
    if (outcome.kind === "unknown") return reply.status(404).send(unknownPage("it"));
    return donePage(pageLanguage(outcome.language), outcome.channel);
  });

  // One-click unsubscribe posts a form body; nothing in it is needed.
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: 4096 },
    (_request, _body, done) => done(null, {}),
  );
};
