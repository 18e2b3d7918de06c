/** The calls of a creditor, filtered and paged, newest first; "Export CSV" with the same filters. */
import { Button, Group, Table, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, type CallFilter, callsCsvHref } from "../../api/endpoints";
import type { Tenant } from "../../api/types";
import { ApiErrorAlert } from "../../components/api-error";
import { Section } from "../../components/section";
import { useI18n } from "../../i18n/context";
import { word } from "../../i18n/lookup";
import { useFormat } from "../../use-format";
import { Pager } from "./pager";
import { NO_FILTER, ReportFilters } from "./report-filters";

const LIMIT = 25;

export function CallReport({ tenant }: { tenant: Tenant }) {
  const { t } = useI18n();
  const f = useFormat();
  const [filter, setFilter] = useState<CallFilter>(NO_FILTER);
  const [offset, setOffset] = useState(0);
  const agents = useQuery({
    queryKey: ["calls", "agents", tenant.id],
    queryFn: () => api.agents(tenant.id),
    staleTime: 60_000,
  });
  const calls = useQuery({
    queryKey: ["calls", "report", tenant.id, filter, offset],
    queryFn: () => api.calls(tenant.id, filter, LIMIT, offset),
    placeholderData: keepPreviousData,
  });
  const items = calls.data?.items ?? [];
  const none = t.common.none;

  return (
    <Section title={t.supervisor.report} id="report">
      <ReportFilters
        agents={agents.data?.items ?? []}
        initial={filter}
        onApply={(next) => {
          setFilter(next);
          setOffset(0);
        }}
      />
      <Group justify="space-between" mb="sm">
        <Text id="report-total" aria-live="polite">
          {calls.data ? t.supervisor.total(calls.data.total) : t.common.loading}
        </Text>
        <Button
          component="a"
          id="export-csv"
          variant="default"
          href={callsCsvHref(tenant.id, filter)}
          download
        >
          {t.supervisor.exportCsv}
        </Button>
      </Group>
      <ApiErrorAlert error={calls.error} />
      {!calls.data ? null : items.length === 0 ? (
        <Text>{t.supervisor.noCalls}</Text>
      ) : (
        <Table striped withTableBorder id="report-table" aria-labelledby="report-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.supervisor.at}</Table.Th>
              <Table.Th scope="col">{t.supervisor.agent}</Table.Th>
              <Table.Th scope="col">{t.supervisor.caseRef}</Table.Th>
              <Table.Th scope="col">{t.supervisor.debtor}</Table.Th>
              <Table.Th scope="col">{t.supervisor.outcome}</Table.Th>
              <Table.Th scope="col">{t.supervisor.promised}</Table.Th>
              <Table.Th scope="col">{t.supervisor.callback}</Table.Th>
              <Table.Th scope="col">{t.supervisor.duration}</Table.Th>
              <Table.Th scope="col">{t.supervisor.notes}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((call) => (
              <Table.Tr key={call.id}>
                <Table.Td>{f.instant(call.at)}</Table.Td>
                <Table.Td>{call.agentName ?? word(t.supervisor.sources, call.source)}</Table.Td>
                <Table.Td>{call.caseReference}</Table.Td>
                <Table.Td>{call.debtorName}</Table.Td>
                <Table.Td>{word(t.disposition.outcomes, call.outcome)}</Table.Td>
                <Table.Td>
                  {call.promiseAmountMinor === null
                    ? none
                    : f.money(call.promiseAmountMinor, tenant.currency)}
                </Table.Td>
                <Table.Td>{call.callbackAt ? f.instant(call.callbackAt) : none}</Table.Td>
                <Table.Td>
                  {call.durationSeconds === null
                    ? none
                    : t.supervisor.seconds(call.durationSeconds)}
                </Table.Td>
                <Table.Td>{call.notes ?? ""}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {calls.data && (
        <Pager
          id="report"
          offset={offset}
          limit={LIMIT}
          total={calls.data.total}
          onPage={setOffset}
        />
      )}
    </Section>
  );
}
