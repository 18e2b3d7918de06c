/**
 * The portal's pages: one HTML shell for every portal path, and its hashed assets.
 * The shell never caches (it carries no data, but a new build must show at once),
 * sends no Referer onwards (the link's token is in the address bar at first), and
 * may not be framed.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { RouteModule } from "../../../platform/http/server.js";

export const PORTAL_DIST = fileURLToPath(new URL("../../../../web/portal/dist/", import.meta.url));

const CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Saldo</title>
<main><h1>The portal is not built</h1><p>Run <code>npm run build:web</code>.</p></main></html>`;

export const portalPageRoutes: RouteModule = (app) => {
  const indexFile = `${PORTAL_DIST}index.html`;
  let shell: string | undefined;
  const page = () => {
    if (shell === undefined && existsSync(indexFile)) shell = readFileSync(indexFile, "utf8");
    return shell;
  };

  const sendShell = async (
    _request: unknown,
    reply: import("fastify").FastifyReply,
  ): Promise<unknown> => {
    const html = page();
    reply
      .header("content-type", "text/html; charset=utf-8")
      .header("cache-control", "no-store")
      .header("referrer-policy", "no-referrer")
      .header("x-frame-options", "DENY")
      .header("x-content-type-options", "nosniff")
      .header("content-security-policy", CSP);
    return html ? reply.send(html) : reply.status(503).send(NOT_BUILT);
  };

  const hidden = { schema: { hide: true } };
  app.get("/p/:token", hidden, sendShell);
  app.get("/portal", hidden, sendShell);
  app.get("/portal/:page", hidden, sendShell);

  app.register(async (assets) => {
    await assets.register(fastifyStatic, {
      root: `${PORTAL_DIST}assets`,
      prefix: "/portal/assets/",
      // A missing folder (not built yet) must not stop the server.
      allowedPath: () => existsSync(`${PORTAL_DIST}assets`),
      immutable: true,
      maxAge: "365d",
      index: false,
      decorateReply: false,
    });
  });
};
