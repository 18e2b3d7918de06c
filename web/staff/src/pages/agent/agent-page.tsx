/**
 * The agent's desk: state and today's numbers; then either the case in hand (its
 * workspace and the disposition form) or the "Next case" button.
 */
import { Center, Loader, Stack } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api/endpoints";
import type { DispositionResult } from "../../api/types";
import { ApiErrorAlert } from "../../components/api-error";
import { PageTitle } from "../../components/page-title";
import { useI18n } from "../../i18n/context";
import { AgentStatus } from "./agent-status";
import { ClaimPanel } from "./claim-panel";
import { AGENT_KEY } from "./keys";
import { NextCase } from "./next-case";

export type Finished = { result: DispositionResult | null; reference: string };

export function AgentPage() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const agent = useQuery({ queryKey: AGENT_KEY, queryFn: api.agent });
  // What happened to the last case: shown above "Next case" until the next one is taken.
  const [finished, setFinished] = useState<Finished | null>(null);

  const onFinished = async (done: Finished) => {
    setFinished(done);
    await queryClient.invalidateQueries({ queryKey: AGENT_KEY });
  };

  return (
    <Stack gap="md">
      <PageTitle>{t.agent.title}</PageTitle>
      {agent.isPending ? (
        <Center py="xl">
          <Loader aria-label={t.common.loading} />
        </Center>
      ) : agent.isError ? (
        <ApiErrorAlert error={agent.error} />
      ) : (
        <>
          <AgentStatus view={agent.data} />
          {agent.data.current ? (
            <ClaimPanel
              key={agent.data.current.taskId}
              claim={agent.data.current}
              onFinished={onFinished}
            />
          ) : (
            <NextCase
              finished={finished}
              onClaimed={async () => {
                setFinished(null);
                await queryClient.invalidateQueries({ queryKey: AGENT_KEY });
              }}
            />
          )}
        </>
      )}
    </Stack>
  );
}
