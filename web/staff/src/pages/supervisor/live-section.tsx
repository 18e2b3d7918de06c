/** Queues and agents now (GET /calls/live, every 5 seconds). */
import { Badge, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/endpoints";
import type { Tenant } from "../../api/types";
import { ApiErrorAlert } from "../../components/api-error";
import { Section } from "../../components/section";
import { useI18n } from "../../i18n/context";
import { word } from "../../i18n/lookup";
import { useFormat } from "../../use-format";

export function LiveSection({ tenant }: { tenant: Tenant }) {
  const { t } = useI18n();
  const f = useFormat();
  const live = useQuery({
    queryKey: ["calls", "live", tenant.id],
    queryFn: () => api.live(tenant.id),
    refetchInterval: 5_000,
  });
  const queues = live.data?.queues ?? [];
  const agents = live.data?.agents ?? [];
  return (
    <Section title={t.supervisor.live} id="live">
      <Text size="sm" mb="sm">
        {t.supervisor.liveHelp}
      </Text>
      <ApiErrorAlert error={live.error} />
      <Title order={3} size="h5" mb={4} id="queues-title">
        {t.supervisor.queues}
      </Title>
      {queues.length === 0 ? (
        <Text mb="md">{live.isPending ? t.common.loading : t.supervisor.noQueues}</Text>
      ) : (
        <Table striped withTableBorder mb="md" id="queues" aria-labelledby="queues-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.supervisor.team}</Table.Th>
              <Table.Th scope="col">{t.supervisor.skill}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t.supervisor.size}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t.supervisor.dueNow}
              </Table.Th>
              <Table.Th scope="col">{t.supervisor.oldest}</Table.Th>
              <Table.Th scope="col">{t.supervisor.bands}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queues.map((q) => (
              <Table.Tr key={`${q.tenantId}-${q.team}-${q.skill}`}>
                <Table.Td>{q.team ?? t.supervisor.anyTeam}</Table.Td>
                <Table.Td>{q.skill ?? t.common.none}</Table.Td>
                <Table.Td ta="right">{f.number(q.size)}</Table.Td>
                <Table.Td ta="right">{f.number(q.dueNow)}</Table.Td>
                <Table.Td>{q.oldestDueAt ? f.instant(q.oldestDueAt) : t.common.none}</Table.Td>
                <Table.Td>
                  {q.bands.high} / {q.bands.medium} / {q.bands.low}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={3} size="h5" mb={4} id="agents-title">
        {t.supervisor.agents}
      </Title>
      {agents.length === 0 ? (
        <Text>{live.isPending ? t.common.loading : t.supervisor.noAgents}</Text>
      ) : (
        <Table striped withTableBorder id="agents" aria-labelledby="agents-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.supervisor.agent}</Table.Th>
              <Table.Th scope="col">{t.supervisor.team}</Table.Th>
              <Table.Th scope="col">{t.supervisor.state}</Table.Th>
              <Table.Th scope="col">{t.supervisor.current}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t.supervisor.calls}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t.supervisor.rpc}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t.supervisor.promises}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t.supervisor.amountPromised}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agents.map((a) => (
              <Table.Tr key={a.userId}>
                <Table.Td>{a.name}</Table.Td>
                <Table.Td>{a.team}</Table.Td>
                <Table.Td>
                  <Badge variant="outline" color="dark">
                    {word(t.agent.states, a.state)}
                  </Badge>{" "}
                  <Text span size="xs">
                    {t.agent.since(f.time(a.stateSince))}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {a.current
                    ? `${a.current.caseReference} (${f.time(a.current.since)})`
                    : t.common.none}
                </Table.Td>
                <Table.Td ta="right">{f.number(a.calls)}</Table.Td>
                <Table.Td ta="right">{f.number(a.rightPartyContacts)}</Table.Td>
                <Table.Td ta="right">{f.number(a.promises)}</Table.Td>
                <Table.Td ta="right">{f.money(a.amountPromisedMinor, tenant.currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
