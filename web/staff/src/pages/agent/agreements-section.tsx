/** Promises, plans and the reasons the debtor gave, each a short list. */
import { List, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import type { Workspace } from "../../api/types";
import { Section } from "../../components/section";
import { useI18n } from "../../i18n/context";
import { useFormat } from "../../use-format";

function Block({ title, id, items }: { title: string; id: string; items: ReactNode[] }) {
  const { t } = useI18n();
  return (
    <div id={id}>
      <Title order={3} size="h6" mb={4}>
        {title}
      </Title>
      {items.length === 0 ? (
        <Text size="sm">{t.workspace.noneYet}</Text>
      ) : (
        <List size="sm" spacing={2}>
          {items.map((item, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list in the server's order
            <List.Item key={index}>{item}</List.Item>
          ))}
        </List>
      )}
    </div>
  );
}

export function AgreementsSection({ workspace }: { workspace: Workspace }) {
  const { t } = useI18n();
  const f = useFormat();
  const currency = workspace.case.currency;
  return (
    <Section title={`${t.workspace.promises} · ${t.workspace.plans}`} id="agreements">
      <Stack gap="sm">
        <Block
          title={t.workspace.promises}
          id="promises"
          items={workspace.promises.map(
            (p) =>
              `${f.money(p.amountMinor, currency)} · ${f.day(p.dueDate)} · ${p.status} · ${p.source}`,
          )}
        />
        <Block
          title={t.workspace.plans}
          id="plans"
          items={workspace.plans.map(
            (p) =>
              `${p.installments} ${t.workspace.installments.toLowerCase()} · ${f.money(p.totalMinor, currency)} · ${p.status} · ${f.day(p.createdAt)}`,
          )}
        />
        <Block
          title={t.workspace.reasons}
          id="reasons"
          items={workspace.reasons.map(
            (r) => `${r.code}${r.text ? `: ${r.text}` : ""} · ${f.day(r.at)}`,
          )}
        />
      </Stack>
    </Section>
  );
}
