/**
 * Email and password → POST /auth/login (the server sets an HttpOnly cookie), then
 * GET /me decides where the user starts.
 */
import {
  Alert,
  Button,
  Container,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { ApiError } from "../api/client";
import { api } from "../api/endpoints";
import { errorText } from "../components/api-error";
import { LanguageSwitch } from "../components/language-switch";
import { PageTitle } from "../components/page-title";
import { useI18n } from "../i18n/context";
import { homeOf, ME_KEY } from "../session";

export function LoginPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const login = useMutation({
    mutationFn: async () => {
      await api.login(email.trim(), password);
      return api.me();
    },
    onSuccess: async (me) => {
      queryClient.setQueryData(ME_KEY, me);
      await navigate({ to: homeOf(me.role) ?? "/" });
    },
  });

  const failure = login.error;
  const message =
    failure instanceof ApiError && failure.status === 401
      ? t.login.wrong
      : failure instanceof ApiError && failure.status === 429
        ? t.login.limited
        : failure
          ? errorText(t, failure)
          : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };

  return (
    <Container component="main" id="main" size={420} py={64}>
      <Group justify="space-between" align="flex-end" mb="lg">
        <Text fw={700} size="xl">
          {t.common.appName}
        </Text>
        <LanguageSwitch />
      </Group>
      <Paper withBorder shadow="sm" p="lg" radius="md">
        <PageTitle>{t.login.title}</PageTitle>
        <Text mb="md">{t.login.intro}</Text>
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              id="email"
              type="email"
              label={t.login.email}
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
            />
            <PasswordInput
              id="password"
              label={t.login.password}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            {message && (
              <Alert color="red" role="alert" id="login-error">
                {message}
              </Alert>
            )}
            <Button id="login-submit" type="submit" loading={login.isPending}>
              {t.login.submit}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
