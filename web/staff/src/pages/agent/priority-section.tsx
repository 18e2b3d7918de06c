/** Why this case came first: the score and each factor with its points. */
import { Badge, Group, Table, Text } from "@mantine/core";
import type { Workspace } from "../../api/types";
import { Section } from "../../components/section";
import { useI18n } from "../../i18n/context";
import { word } from "../../i18n/lookup";
import { useFormat } from "../../use-format";

const BAND_COLOUR: Record<string, string> = { high: "red", medium: "orange", low: "gray" };

export function PrioritySection({ workspace }: { workspace: Workspace }) {
  const { t } = useI18n();
  const f = useFormat();
  const { priority } = workspace.task;
  return (
    <Section title={t.workspace.priority} id="priority">
      <Group gap="sm" mb="sm">
        <Text fw={700} id="priority-score">
          {t.workspace.priorityScore(priority.score)}
        </Text>
        <Badge color={BAND_COLOUR[priority.band] ?? "gray"} variant="filled">
          {word(t.workspace.bands, priority.band)}
        </Badge>
      </Group>
      <Table striped withTableBorder id="priority-factors">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.workspace.factor}</Table.Th>
            <Table.Th scope="col">{t.workspace.factorDetail}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t.workspace.points}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {priority.factors.map((factor) => (
            <Table.Tr key={factor.key}>
              <Table.Td>{factor.key.replaceAll("_", " ")}</Table.Td>
              <Table.Td>{factor.detail}</Table.Td>
              <Table.Td ta="right">
                {factor.points > 0 ? "+" : ""}
                {f.number(factor.points)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" colSpan={2}>
              {t.workspace.total}
            </Table.Th>
            <Table.Td ta="right" fw={700}>
              {f.number(priority.score)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Section>
  );
}
