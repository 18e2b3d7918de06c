/** The call report's filters: dates, agent, outcome, text. Applied on submit. */
import { Button, Group, NativeSelect, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import type { CallFilter } from "../../api/endpoints";
import { type AgentOption, OUTCOMES } from "../../api/types";
import { useI18n } from "../../i18n/context";
import { word } from "../../i18n/lookup";

export const NO_FILTER: CallFilter = { from: "", to: "", agentId: "", outcome: "", q: "" };

export function ReportFilters({
  agents,
  initial,
  onApply,
}: {
  agents: AgentOption[];
  initial: CallFilter;
  onApply: (filter: CallFilter) => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<CallFilter>(initial);
  const set = (patch: Partial<CallFilter>) => setDraft((old) => ({ ...old, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...draft, q: draft.q.trim() });
  };
  return (
    <form onSubmit={submit} aria-label={t.supervisor.filters} id="report-filters">
      <Group align="flex-end" gap="sm" mb="md">
        <TextInput
          id="filter-from"
          type="date"
          label={t.supervisor.from}
          value={draft.from}
          onChange={(event) => set({ from: event.currentTarget.value })}
        />
        <TextInput
          id="filter-to"
          type="date"
          label={t.supervisor.to}
          value={draft.to}
          onChange={(event) => set({ to: event.currentTarget.value })}
        />
        <NativeSelect
          id="filter-agent"
          label={t.supervisor.agent}
          value={draft.agentId}
          onChange={(event) => set({ agentId: event.currentTarget.value })}
          data={[
            { value: "", label: t.supervisor.anyAgent },
            ...agents.map((a) => ({ value: a.userId, label: a.name })),
          ]}
        />
        <NativeSelect
          id="filter-outcome"
          label={t.supervisor.outcome}
          value={draft.outcome}
          onChange={(event) => set({ outcome: event.currentTarget.value })}
          data={[
            { value: "", label: t.supervisor.anyOutcome },
            ...OUTCOMES.map((o) => ({ value: o, label: word(t.disposition.outcomes, o) })),
          ]}
        />
        <TextInput
          id="filter-q"
          label={t.supervisor.text}
          value={draft.q}
          onChange={(event) => set({ q: event.currentTarget.value })}
          miw={220}
        />
        <Button type="submit" id="filter-apply">
          {t.supervisor.apply}
        </Button>
      </Group>
    </form>
  );
}
