/** The case's invoices: number, dates, amount and what is still open. */
import { Table, Text } from "@mantine/core";
import type { Workspace } from "../../api/types";
import { Section } from "../../components/section";
import { useI18n } from "../../i18n/context";
import { useFormat } from "../../use-format";

export function InvoicesSection({ workspace }: { workspace: Workspace }) {
  const { t } = useI18n();
  const f = useFormat();
  const currency = workspace.case.currency;
  return (
    <Section title={t.workspace.invoices} id="invoices">
      {workspace.invoices.length === 0 ? (
        <Text>{t.workspace.noInvoices}</Text>
      ) : (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.workspace.invoiceNumber}</Table.Th>
              <Table.Th scope="col">{t.workspace.issueDate}</Table.Th>
              <Table.Th scope="col">{t.workspace.dueDate}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t.workspace.amount}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t.workspace.openAmount}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {workspace.invoices.map((invoice) => (
              <Table.Tr key={invoice.number}>
                <Table.Td>{invoice.number}</Table.Td>
                <Table.Td>{invoice.issueDate ? f.day(invoice.issueDate) : t.common.none}</Table.Td>
                <Table.Td>{f.day(invoice.dueDate)}</Table.Td>
                <Table.Td ta="right">{f.money(invoice.amountMinor, currency)}</Table.Td>
                <Table.Td ta="right">{f.money(invoice.openAmountMinor, currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
