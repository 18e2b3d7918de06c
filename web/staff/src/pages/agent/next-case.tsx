/**
 * "Next case": POST /calls/next, optionally for one creditor. An empty queue answers
 * with a reason, shown as it is (or in our words when we know the code). Above it,
 * what happened to the last case.
 */
import { Alert, Button, NativeSelect, Paper, Stack, Text } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { api } from "../../api/endpoints";
import { ApiErrorAlert } from "../../components/api-error";
import { useI18n } from "../../i18n/context";
import type { Messages } from "../../i18n/it";
import { word } from "../../i18n/lookup";
import { useFormat } from "../../use-format";
import type { Finished } from "./agent-page";

/**
 * The server explains an empty queue in English words ("the queue has no case for you
 * now", "…the contact policy held back 3"); the two we know are said in our language.
 */
function emptyText(t: Messages, reason: string): string {
  const held = /held back (\d+)/.exec(reason);
  if (held) return t.agent.heldBack(Number(held[1]));
  if (!reason || /queue has no case/.test(reason)) return t.agent.emptyQueue;
  return reason;
}

export function NextCase({
  finished,
  onClaimed,
}: {
  finished: Finished | null;
  onClaimed: () => Promise<void>;
}) {
  const { t } = useI18n();
  const f = useFormat();
  const tenants = useQuery({ queryKey: ["tenants"], queryFn: api.tenants, staleTime: 300_000 });
  const [tenantId, setTenantId] = useState("");
  const [empty, setEmpty] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const next = useMutation({
    mutationFn: () => api.next(tenantId || undefined),
    onSuccess: async (answer) => {
      if (answer.claim) {
        setEmpty(null);
        await onClaimed();
      } else setEmpty(answer.reason ?? "");
    },
  });

  // After a disposition the next step is this button: Enter or Space takes the next case.
  useEffect(() => {
    button.current?.focus();
  }, []);

  const items = tenants.data?.items ?? [];
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="next-title">
      <Stack align="flex-start" gap="md">
        <Text id="next-title" fw={600} size="lg">
          {t.agent.nextCase}
        </Text>
        {finished?.result && (
          <Alert color="green" id="disposition-result" role="status" w="100%">
            <Text fw={600}>{t.disposition.recorded(finished.reference)}</Text>
            <Text>
              {word(t.disposition.nextKinds, finished.result.next.kind)}
              {finished.result.next.at &&
                ` ${t.disposition.nextAt(f.instant(finished.result.next.at))}`}
            </Text>
          </Alert>
        )}
        {finished && !finished.result && (
          <Alert color="blue" id="release-result" role="status" w="100%">
            {finished.reference}: {t.agent.released}
          </Alert>
        )}
        {items.length > 1 && (
          <NativeSelect
            id="next-tenant"
            label={t.agent.tenant}
            value={tenantId}
            onChange={(event) => setTenantId(event.currentTarget.value)}
            data={[
              { value: "", label: t.agent.allTenants },
              ...items.map((tenant) => ({ value: tenant.id, label: tenant.name })),
            ]}
          />
        )}
        <Button
          id="next-case"
          ref={button}
          size="xl"
          loading={next.isPending}
          onClick={() => next.mutate()}
        >
          {t.agent.nextCase}
        </Button>
        {empty !== null && (
          <Alert color="yellow" id="next-empty" role="status" w="100%">
            {emptyText(t, empty)}
          </Alert>
        )}
        <ApiErrorAlert error={next.error} />
      </Stack>
    </Paper>
  );
}
