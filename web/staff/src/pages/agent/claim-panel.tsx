/**
 * The case in hand: GET …/call-tasks/:taskId laid out for a call. Left, what the agent
 * reads while talking (the case, the phones, the script); right, the outcome form on
 * top (in view without scrolling), then the history (priority, invoices, contacts,
 * promises, plans, reasons).
 */
import {
  Alert,
  Button,
  Center,
  Grid,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { api } from "../../api/endpoints";
import type { Claim } from "../../api/types";
import { ApiErrorAlert } from "../../components/api-error";
import { useI18n } from "../../i18n/context";
import { useFormat } from "../../use-format";
import type { Finished } from "./agent-page";
import { AgreementsSection } from "./agreements-section";
import { CaseGlance } from "./case-glance";
import { ContactsSection } from "./contacts-section";
import { DispositionForm } from "./disposition-form";
import { InvoicesSection } from "./invoices-section";
import { workspaceKey } from "./keys";
import { PhonesSection } from "./phones-section";
import { PrioritySection } from "./priority-section";
import { ScriptSection } from "./script-section";

export function ClaimPanel({
  claim,
  onFinished,
}: {
  claim: Claim;
  onFinished: (done: Finished) => Promise<void>;
}) {
  const { t } = useI18n();
  const f = useFormat();
  const queryClient = useQueryClient();
  const key = workspaceKey(claim.tenantId, claim.taskId);
  const workspace = useQuery({
    queryKey: key,
    queryFn: () => api.workspace(claim.tenantId, claim.taskId),
  });
  // When the agent first dialled: the call's duration runs from there.
  const dialledAt = useRef<number | null>(null);
  const release = useMutation({
    mutationFn: () => api.release(claim.tenantId, claim.taskId),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: key });
      await onFinished({ result: null, reference: claim.caseReference });
    },
  });

  return (
    <Stack gap="md" component="section" aria-labelledby="claim-title">
      <Paper withBorder p="md" radius="md" bg="blue.0">
        <Group justify="space-between" align="center">
          <div>
            <Title order={2} size="h3" id="claim-title">
              {t.agent.claimed(claim.caseReference, claim.debtorName)}
            </Title>
            <Text size="sm">{t.agent.claimUntil(f.time(claim.expiresAt))}</Text>
          </div>
          <Button
            id="release"
            variant="default"
            loading={release.isPending}
            onClick={() => release.mutate()}
          >
            {t.agent.release}
          </Button>
        </Group>
        <ApiErrorAlert error={release.error} />
      </Paper>
      {workspace.isPending ? (
        <Center py="xl">
          <Loader aria-label={t.common.loading} />
        </Center>
      ) : workspace.isError ? (
        <ApiErrorAlert error={workspace.error} />
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="md">
              {!workspace.data.task.claimedByMe && (
                <Alert color="yellow" role="alert">
                  {t.errors.conflict}
                </Alert>
              )}
              <CaseGlance workspace={workspace.data} />
              <PhonesSection
                workspace={workspace.data}
                onDial={() => {
                  dialledAt.current ??= Date.now();
                }}
              />
              <ScriptSection script={workspace.data.script} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack gap="md">
              <DispositionForm
                workspace={workspace.data}
                dialledAt={dialledAt}
                onRecorded={async (result) => {
                  queryClient.removeQueries({ queryKey: key });
                  await onFinished({ result, reference: claim.caseReference });
                }}
              />
              <PrioritySection workspace={workspace.data} />
              <InvoicesSection workspace={workspace.data} />
              <ContactsSection contacts={workspace.data.contacts} />
              <AgreementsSection workspace={workspace.data} />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
