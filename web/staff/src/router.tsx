/**
 * The app's pages under /app (code-based TanStack Router routes):
 * /login; and, behind the session, / (goes to the user's page), /agent, /supervisor.
 */
import { createRootRoute, createRoute, createRouter, Outlet } from "@tanstack/react-router";
import { HomeRedirect, RequireRole } from "./components/require-role";
import { StaffLayout } from "./components/staff-layout";
import { AgentPage } from "./pages/agent/agent-page";
import { LoginPage } from "./pages/login-page";
import { NotFoundPage } from "./pages/not-found-page";
import { SupervisorPage } from "./pages/supervisor/supervisor-page";

const rootRoute = createRootRoute({ component: Outlet, notFoundComponent: NotFoundPage });

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/login",
  component: LoginPage,
});

const staffRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "staff",
  component: StaffLayout,
});

const homeRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "/",
  component: HomeRedirect,
});

const agentRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "/agent",
  component: () => (
    <RequireRole roles={["agent", "supervisor", "admin"]}>
      <AgentPage />
    </RequireRole>
  ),
});

const supervisorRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "/supervisor",
  component: () => (
    <RequireRole roles={["supervisor", "admin"]}>
      <SupervisorPage />
    </RequireRole>
  ),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  staffRoute.addChildren([homeRoute, agentRoute, supervisorRoute]),
]);

export const router = createRouter({ routeTree, basepath: "/app" });

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
