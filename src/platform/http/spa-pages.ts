/**
 * A built single-page app served by the API process: one HTML shell for every
 * client path (never cached: it carries no data, but a new build must show at
 * once; never framed) and its hashed assets (cached for a year).
 */
import { existsSync, readFileSync } from "node:fs";
import fastifyStatic from "@fastify/static";
import type { FastifyReply } from "fastify";
import type { ZodApp } from "./server.js";

/** The directives both apps share; `style-src` is each app's own. */
export function contentSecurityPolicy(styleSrc: string): string {
  return [
    "default-src 'self'",
    "img-src 'self' data:",
    `style-src ${styleSrc}`,
    "script-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export interface SpaOptions {
  /** The build folder (index.html and assets/). */
  dist: string;
  /** Where the assets are served, e.g. "/portal/assets/". */
  assetsPrefix: string;
  csp: string;
  referrerPolicy: "no-referrer" | "same-origin";
  /** What the app is called in the "not built" page. */
  name: string;
}

/** Registers the assets and returns the handler that answers with the shell. */
export function serveSpa(
  app: ZodApp,
  options: SpaOptions,
): (request: unknown, reply: FastifyReply) => Promise<unknown> {
  const indexFile = `${options.dist}index.html`;
  const notBuilt = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Saldo</title>
<main><h1>The ${options.name} is not built</h1><p>Run <code>npm run build:web</code>.</p></main></html>`;
  let shell: string | undefined;
  const page = () => {
    if (shell === undefined && existsSync(indexFile)) shell = readFileSync(indexFile, "utf8");
    return shell;
  };

  app.register(async (assets) => {
    await assets.register(fastifyStatic, {
      root: `${options.dist}assets`,
      prefix: options.assetsPrefix,
      // A missing folder (not built yet) must not stop the server.
      allowedPath: () => existsSync(`${options.dist}assets`),
      immutable: true,
      maxAge: "365d",
      index: false,
      decorateReply: false,
    });
  });

  return async (_request, reply) => {
    const html = page();
    reply
      .header("content-type", "text/html; charset=utf-8")
      .header("cache-control", "no-store")
      .header("referrer-policy", options.referrerPolicy)
      .header("x-frame-options", "DENY")
      .header("x-content-type-options", "nosniff")
      .header("content-security-policy", options.csp);
    return html ? reply.send(html) : reply.status(503).send(notBuilt);
  };
}
