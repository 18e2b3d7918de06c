/**
 * The debtor's phones: a tel: link (the softphone or the desk phone picks it up) and
 * "call via dialer" (POST …/dial: click-to-call when configured, otherwise the link back).
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../api/endpoints";
import type { Workspace } from "../../api/types";
import { ApiErrorAlert } from "../../components/api-error";
import { Section } from "../../components/section";
import { useI18n } from "../../i18n/context";
import { useFormat } from "../../use-format";

export function PhonesSection({ workspace, onDial }: { workspace: Workspace; onDial: () => void }) {
  const { t } = useI18n();
  const f = useFormat();
  const dial = useMutation({
    mutationFn: (phone: string) => api.dial(workspace.task.tenantId, workspace.task.id, phone),
    onMutate: onDial,
  });
  return (
    <Section title={t.workspace.phones} id="phones">
      {workspace.phones.length === 0 ? (
        <Text>{t.workspace.noneYet}</Text>
      ) : (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.workspace.phone}</Table.Th>
              <Table.Th scope="col">{t.workspace.phoneType}</Table.Th>
              <Table.Th scope="col">{t.workspace.unanswered}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t.workspace.actions}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {workspace.phones.map((phone) => (
              <Table.Tr key={phone.value}>
                <Table.Td>
                  <Text fw={600}>{phone.value}</Text>
                  {phone.optedOut && (
                    <Badge color="red" variant="light">
                      {t.workspace.optedOut}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{phone.type ?? t.common.none}</Table.Td>
                <Table.Td>{f.number(phone.unanswered)}</Table.Td>
                <Table.Td>
                  {!phone.optedOut && (
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        component="a"
                        href={phone.telHref}
                        size="xs"
                        onClick={onDial}
                        aria-label={t.workspace.dial(phone.value)}
                      >
                        {t.workspace.call}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        loading={dial.isPending && dial.variables === phone.value}
                        onClick={() => dial.mutate(phone.value)}
                        aria-label={t.workspace.dialerName(phone.value)}
                      >
                        {t.workspace.dialer}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Stack gap="xs" mt="sm">
        {dial.data && (
          <Alert color={dial.data.placed ? "green" : "blue"} role="status" id="dial-result">
            {dial.data.placed ? t.workspace.dialPlaced : t.workspace.dialLink}{" "}
            {!dial.data.placed && <Anchor href={dial.data.href}>{dial.data.href}</Anchor>}
          </Alert>
        )}
        <ApiErrorAlert error={dial.error} />
      </Stack>
    </Section>
  );
}
