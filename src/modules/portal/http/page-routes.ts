/**
 * The portal's pages: one HTML shell for every portal path, and its hashed assets.
 * The shell sends no Referer onwards (the link's token is in the address bar at
 * first) and allows no inline style.
 */
import { fileURLToPath } from "node:url";
import type { RouteModule } from "../../../platform/http/server.js";
import { contentSecurityPolicy, serveSpa } from "../../../platform/http/spa-pages.js";

export const PORTAL_DIST = fileURLToPath(new URL("../../../../web/portal/dist/", import.meta.url));

export const portalPageRoutes: RouteModule = (app) => {
  const sendShell = serveSpa(app, {
    dist: PORTAL_DIST,
    assetsPrefix: "/portal/assets/",
    csp: contentSecurityPolicy("'self'"),
    referrerPolicy: "no-referrer",
    name: "portal",
  });
  const hidden = { schema: { hide: true } };
  app.get("/p/:token", hidden, sendShell);
  app.get("/portal", hidden, sendShell);
  app.get("/portal/:page", hidden, sendShell);
};
