/** Every previous contact on every channel, newest first, as the server orders them. */
import { Table, Text } from "@mantine/core";
import type { Workspace } from "../../api/types";
import { Section } from "../../components/section";
import { useI18n } from "../../i18n/context";
import { word } from "../../i18n/lookup";
import { useFormat } from "../../use-format";

export function ContactsSection({ contacts }: { contacts: Workspace["contacts"] }) {
  const { t } = useI18n();
  const f = useFormat();
  return (
    <Section title={t.workspace.contacts} id="contacts">
      {contacts.length === 0 ? (
        <Text>{t.workspace.noContacts}</Text>
      ) : (
        <Table striped withTableBorder verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.workspace.contactAt}</Table.Th>
              <Table.Th scope="col">{t.workspace.channel}</Table.Th>
              <Table.Th scope="col">{t.workspace.what}</Table.Th>
              <Table.Th scope="col">{t.workspace.notes}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {contacts.map((contact, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list in the server's order
              <Table.Tr key={`${contact.at}-${index}`}>
                <Table.Td>{f.instant(contact.at)}</Table.Td>
                <Table.Td>
                  {contact.channel} ({word(t.workspace.directions, contact.direction)})
                </Table.Td>
                <Table.Td>{word(t.disposition.outcomes, contact.what)}</Table.Td>
                <Table.Td>
                  {contact.notes}
                  {contact.by && (
                    <Text size="xs">
                      {t.workspace.by}: {contact.by}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
