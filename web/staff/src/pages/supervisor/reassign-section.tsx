/**
 * Give a case to an agent (or back to the queue): POST …/cases/:caseId/call-assignment.
 * The API takes the case id; a reference is looked up among the creditor's recorded
 * calls and policy stops (the API has no lookup by reference).
 */
import { Alert, Button, Group, NativeSelect, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../../api/endpoints";
import type { Tenant } from "../../api/types";
import { ApiErrorAlert } from "../../components/api-error";
import { Section } from "../../components/section";
import { useI18n } from "../../i18n/context";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class NotFound extends Error {}

async function caseIdOf(tenantId: string, input: string): Promise<string> {
  if (UUID.test(input)) return input;
  const calls = await api.calls(
    tenantId,
    { from: "", to: "", agentId: "", outcome: "", q: input },
    50,
    0,
  );
  const hit = calls.items.find((c) => c.caseReference.toLowerCase() === input.toLowerCase());
  if (hit) return hit.caseId;
  const blocks = await api.blocks(tenantId, { from: "", to: "" }, 200, 0);
  const stopped = blocks.items.find((b) => b.caseReference.toLowerCase() === input.toLowerCase());
  if (stopped) return stopped.caseId;
  throw new NotFound(input);
}

export function ReassignSection({ tenant }: { tenant: Tenant }) {
  const { t } = useI18n();
  const [input, setInput] = useState("");
  const [userId, setUserId] = useState("");
  const agents = useQuery({
    queryKey: ["calls", "agents", tenant.id],
    queryFn: () => api.agents(tenant.id),
    staleTime: 60_000,
  });
  const assign = useMutation({
    mutationFn: async () => {
      const caseId = await caseIdOf(tenant.id, input.trim());
      return api.assign(tenant.id, caseId, userId || null);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (input.trim()) assign.mutate();
  };
  return (
    <Section title={t.supervisor.reassign} id="reassign">
      <Text size="sm" mb="sm">
        {t.supervisor.reassignHelp}
      </Text>
      <form onSubmit={submit} aria-labelledby="reassign-title">
        <Group align="flex-end" gap="sm">
          <TextInput
            id="reassign-case"
            label={t.supervisor.caseInput}
            required
            value={input}
            onChange={(event) => setInput(event.currentTarget.value)}
            miw={260}
          />
          <NativeSelect
            id="reassign-agent"
            label={t.supervisor.assignTo}
            value={userId}
            onChange={(event) => setUserId(event.currentTarget.value)}
            data={[
              { value: "", label: t.supervisor.nobody },
              ...(agents.data?.items ?? []).map((a) => ({
                value: a.userId,
                label: `${a.name} (${a.team})`,
              })),
            ]}
          />
          <Button type="submit" id="reassign-submit" loading={assign.isPending}>
            {t.supervisor.assign}
          </Button>
        </Group>
      </form>
      {assign.isSuccess && (
        <Alert color="green" role="status" mt="sm" id="reassign-result">
          {t.supervisor.assigned(input.trim())}
        </Alert>
      )}
      {assign.error instanceof NotFound ? (
        <Alert color="red" role="alert" mt="sm">
          {t.supervisor.caseNotFound}
        </Alert>
      ) : (
        <ApiErrorAlert error={assign.error} />
      )}
    </Section>
  );
}
