/**
 * The staff app's pages (agents and supervisors, web/staff): one HTML shell for /app
 * and every client route under it, its hashed assets under /app/assets/, and "/"
 * sends staff there. The shell never caches (a new build must show at once) and may
 * not be framed.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyReply } from "fastify";
import type { RouteModule } from "../../../platform/http/server.js";

export const STAFF_DIST = fileURLToPath(new URL("../../../../web/staff/dist/", import.meta.url));

const CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  // Mantine writes its theme as CSS variables into a <style> element and sets component
  // variables in style attributes (style="--button-height: …"), so this app (not the
  // portal) needs inline styles. Scripts stay 'self' only: no inline script runs.
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Saldo</title>
<main><h1>The staff app is not built</h1><p>Run <code>npm run build:web</code>.</p></main></html>`;

export const staffPageRoutes: RouteModule = (app) => {
  const indexFile = `${STAFF_DIST}index.html`;
  let shell: string | undefined;
  const page = () => {
    if (shell === undefined && existsSync(indexFile)) shell = readFileSync(indexFile, "utf8");
    return shell;
  };

  const sendShell = async (_request: unknown, reply: FastifyReply): Promise<unknown> => {
    const html = page();
    reply
      .header("content-type", "text/html; charset=utf-8")
      .header("cache-control", "no-store")
      .header("referrer-policy", "same-origin")
      .header("x-frame-options", "DENY")
      .header("x-content-type-options", "nosniff")
      .header("content-security-policy", CSP);
    return html ? reply.send(html) : reply.status(503).send(NOT_BUILT);
  };

  const hidden = { schema: { hide: true } };
  app.get("/", hidden, async (_request, reply) => reply.redirect("/app/"));
  app.get("/app", hidden, sendShell);
  // Every client route (/app/, /app/login, /app/agent, …); /app/assets/ is more specific.
  app.get("/app/*", hidden, sendShell);

  app.register(async (assets) => {
    await assets.register(fastifyStatic, {
      root: `${STAFF_DIST}assets`,
      prefix: "/app/assets/",
      // A missing folder (not built yet) must not stop the server.
      allowedPath: () => existsSync(`${STAFF_DIST}assets`),
      immutable: true,
      maxAge: "365d",
      index: false,
      decorateReply: false,
    });
  });
};
