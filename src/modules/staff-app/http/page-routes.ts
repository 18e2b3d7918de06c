/**
 * The staff app's pages (agents and supervisors, web/staff): one HTML shell for /app
 * and every client route under it, its hashed assets under /app/assets/, and "/"
 * sends staff there.
 */
import { fileURLToPath } from "node:url";
import type { RouteModule } from "../../../platform/http/server.js";
import { contentSecurityPolicy, serveSpa } from "../../../platform/http/spa-pages.js";

export const STAFF_DIST = fileURLToPath(new URL("../../../../web/staff/dist/", import.meta.url));

export const staffPageRoutes: RouteModule = (app) => {
  const sendShell = serveSpa(app, {
    dist: STAFF_DIST,
    assetsPrefix: "/app/assets/",
    // Mantine writes its theme as CSS variables into a <style> element and sets component
    // variables in style attributes (style="--button-height: …"), so this app (not the
    // portal) needs inline styles. Scripts stay 'self' only: no inline script runs.
    csp: contentSecurityPolicy("'self' 'unsafe-inline'"),
    referrerPolicy: "same-origin",
    name: "staff app",
  });
  const hidden = { schema: { hide: true } };
  app.get("/", hidden, async (_request, reply) => reply.redirect("/app/"));
  app.get("/app", hidden, sendShell);
  // Every client route (/app/, /app/login, /app/agent, …); /app/assets/ is more specific.
  app.get("/app/*", hidden, sendShell);
};
