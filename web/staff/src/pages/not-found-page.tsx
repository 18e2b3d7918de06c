import { Anchor, Container, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { PageTitle } from "../components/page-title";
import { useI18n } from "../i18n/context";

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Container component="main" size="sm" py="xl">
      <PageTitle>{t.errors.not_found ?? "Not found"}</PageTitle>
      <Text>
        <Anchor component={Link} to="/">
          {t.common.appName}
        </Anchor>
      </Text>
    </Container>
  );
}
