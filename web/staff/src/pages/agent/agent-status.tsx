/** The agent's state switch and today's counters. */
import { Badge, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/endpoints";
import { AGENT_STATES, type AgentView, type SettableAgentState } from "../../api/types";
import { ApiErrorAlert } from "../../components/api-error";
import { useI18n } from "../../i18n/context";
import { word } from "../../i18n/lookup";
import { useFormat } from "../../use-format";
import { AGENT_KEY } from "./keys";

export function AgentStatus({ view }: { view: AgentView }) {
  const { t } = useI18n();
  const f = useFormat();
  const queryClient = useQueryClient();
  const setState = useMutation({
    mutationFn: (state: SettableAgentState) => api.setState(state),
    onSuccess: (next) => queryClient.setQueryData(AGENT_KEY, next),
  });
  const counters = [
    { id: "today-calls", label: t.agent.counters.calls, value: f.number(view.today.calls) },
    {
      id: "today-rpc",
      label: t.agent.counters.rightPartyContacts,
      value: f.number(view.today.rightPartyContacts),
    },
    {
      id: "today-promises",
      label: t.agent.counters.promises,
      value: f.number(view.today.promises),
    },
    {
      id: "today-promised",
      label: t.agent.counters.amountPromised,
      value: f.money(view.today.amountPromisedMinor, "EUR"),
    },
  ];

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="agent-state-label">
      <Group justify="space-between" align="flex-start" gap="lg">
        <Stack gap={6}>
          <Text fw={600} id="agent-state-label">
            {t.agent.state}
          </Text>
          <SegmentedControl
            id="agent-state"
            aria-labelledby="agent-state-label"
            value={view.state}
            disabled={setState.isPending || view.state === "on_call"}
            onChange={(value) => setState.mutate(value as SettableAgentState)}
            data={AGENT_STATES.map((state) => ({
              value: state,
              label: t.agent.states[state] ?? state,
            }))}
          />
          <Group gap="xs">
            <Badge
              color={
                view.state === "available" ? "green" : view.state === "on_call" ? "blue" : "gray"
              }
              variant="filled"
              id="agent-state-now"
            >
              {word(t.agent.states, view.state)}
            </Badge>
            <Text size="sm">{t.agent.since(f.time(view.stateSince))}</Text>
          </Group>
          <ApiErrorAlert error={setState.error} />
        </Stack>
        <Stack gap={6} style={{ flex: 1, maxWidth: 720 }}>
          <Text fw={600}>{t.agent.today}</Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            {counters.map((c) => (
              <Paper key={c.id} bg="gray.0" p="sm" radius="sm">
                <Text size="sm">{c.label}</Text>
                <Text fw={700} size="xl" id={c.id}>
                  {c.value}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
        </Stack>
      </Group>
    </Paper>
  );
}
