/**
 * The frame of every page behind the session: header with the app name, the pages the
 * role may open, who is signed in, the language and "sign out"; then the page.
 */
import {
  Anchor,
  AppShell,
  Button,
  Center,
  Group,
  Loader,
  Text,
  VisuallyHidden,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, Outlet, useNavigate } from "@tanstack/react-router";
import { api } from "../api/endpoints";
import { useI18n } from "../i18n/context";
import { AGENT_ROLES, SUPERVISOR_ROLES, useMe } from "../session";
import { ApiErrorAlert } from "./api-error";
import { LanguageSwitch } from "./language-switch";

const ACTIVE = { style: { fontWeight: 700, textDecoration: "underline" } };

export function StaffLayout() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logout = useMutation({
    mutationFn: api.logout,
    onSettled: async () => {
      await navigate({ to: "/login" });
      queryClient.clear();
    },
  });

  return (
    <AppShell header={{ height: 64 }} padding="md">
      <a className="skip-link" href="#main">
        {t.common.skipLink}
      </a>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Text fw={700} size="lg">
              {t.common.appName}
            </Text>
            {me.data && (
              <Group component="nav" aria-label={t.common.mainNav} gap="md" wrap="nowrap">
                {AGENT_ROLES.includes(me.data.role) && (
                  <Anchor component={Link} to="/agent" activeProps={ACTIVE} id="nav-agent">
                    {t.nav.agent}
                  </Anchor>
                )}
                {SUPERVISOR_ROLES.includes(me.data.role) && (
                  <Anchor
                    component={Link}
                    to="/supervisor"
                    activeProps={ACTIVE}
                    id="nav-supervisor"
                  >
                    {t.nav.supervisor}
                  </Anchor>
                )}
              </Group>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            {me.data && (
              <Text size="sm" id="user-email">
                <VisuallyHidden>{t.common.signedInAs}: </VisuallyHidden>
                {me.data.email}
              </Text>
            )}
            <LanguageSwitch />
            <Button
              id="logout"
              variant="default"
              size="xs"
              loading={logout.isPending}
              onClick={() => logout.mutate()}
            >
              {t.common.logout}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main" tabIndex={-1}>
        {me.isPending ? (
          <Center py="xl">
            <Loader aria-label={t.common.loading} />
          </Center>
        ) : me.isError ? (
          <ApiErrorAlert error={me.error} />
        ) : (
          <Outlet />
        )}
      </AppShell.Main>
    </AppShell>
  );
}
