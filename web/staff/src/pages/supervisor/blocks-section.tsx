/** What the contact policy stopped at claim time: deferred, blocked or cancelled, with rule and reason. */
import { Badge, Table, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api/endpoints";
import type { Tenant } from "../../api/types";
import { ApiErrorAlert } from "../../components/api-error";
import { Section } from "../../components/section";
import { useI18n } from "../../i18n/context";
import { word } from "../../i18n/lookup";
import { useFormat } from "../../use-format";
import { Pager } from "./pager";

const LIMIT = 20;
const KIND_COLOUR: Record<string, string> = { defer: "yellow", block: "red", cancel: "gray" };

export function BlocksSection({ tenant }: { tenant: Tenant }) {
  const { t } = useI18n();
  const f = useFormat();
  const [offset, setOffset] = useState(0);
  const blocks = useQuery({
    queryKey: ["calls", "blocks", tenant.id, offset],
    queryFn: () => api.blocks(tenant.id, { from: "", to: "" }, LIMIT, offset),
    placeholderData: keepPreviousData,
  });
  const items = blocks.data?.items ?? [];
  return (
    <Section title={t.supervisor.blocks} id="blocks">
      <ApiErrorAlert error={blocks.error} />
      {items.length === 0 ? (
        <Text>{blocks.isPending ? t.common.loading : t.supervisor.noBlocks}</Text>
      ) : (
        <Table striped withTableBorder id="blocks-table" aria-labelledby="blocks-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.supervisor.at}</Table.Th>
              <Table.Th scope="col">{t.supervisor.caseRef}</Table.Th>
              <Table.Th scope="col">{t.supervisor.debtor}</Table.Th>
              <Table.Th scope="col">{t.supervisor.kind}</Table.Th>
              <Table.Th scope="col">{t.supervisor.rule}</Table.Th>
              <Table.Th scope="col">{t.supervisor.reason}</Table.Th>
              <Table.Th scope="col">{t.supervisor.until}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((b) => (
              <Table.Tr key={`${b.taskId}-${b.at}-${b.kind}`}>
                <Table.Td>{f.instant(b.at)}</Table.Td>
                <Table.Td>{b.caseReference}</Table.Td>
                <Table.Td>{b.debtorName}</Table.Td>
                <Table.Td>
                  <Badge color={KIND_COLOUR[b.kind] ?? "gray"} variant="outline">
                    {word(t.supervisor.kinds, b.kind)}
                  </Badge>
                </Table.Td>
                <Table.Td>{b.rule ?? t.common.none}</Table.Td>
                <Table.Td>{b.reason}</Table.Td>
                <Table.Td>{b.until ? f.instant(b.until) : t.common.none}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {blocks.data && (
        <Pager
          id="blocks"
          offset={offset}
          limit={LIMIT}
          total={blocks.data.total}
          onPage={setOffset}
        />
      )}
    </Section>
  );
}
