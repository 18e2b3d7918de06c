/** The case at a glance: balance, stage, days past due, creditor, the debtor and the call window. */
import { Alert, Badge, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import type { Workspace } from "../../api/types";
import { Section } from "../../components/section";
import { useI18n } from "../../i18n/context";
import { word } from "../../i18n/lookup";
import { useFormat } from "../../use-format";

function Fact({ label, children, id }: { label: string; children: ReactNode; id?: string }) {
  return (
    <div>
      <Text size="sm" component="dt">
        {label}
      </Text>
      <Text fw={600} component="dd" m={0} id={id}>
        {children}
      </Text>
    </div>
  );
}

export function CaseGlance({ workspace }: { workspace: Workspace }) {
  const { t } = useI18n();
  const f = useFormat();
  const { case: c, debtor, task, callWindow } = workspace;
  const none = t.common.none;
  return (
    <Section title={t.workspace.glance} id="glance">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" component="dl" m={0}>
          <Fact label={t.workspace.balance} id="case-balance">
            <Text span fw={700} size="xl">
              {f.money(c.balanceMinor, c.currency)}
            </Text>
          </Fact>
          <Fact label={t.workspace.stage} id="case-stage">
            {c.stage}
          </Fact>
          <Fact label={t.workspace.daysPastDue} id="case-dpd">
            {c.daysPastDue === null ? none : f.number(c.daysPastDue)}
          </Fact>
          <Fact label={t.workspace.creditor} id="case-creditor">
            {c.creditorName}
          </Fact>
          <Fact label={t.workspace.debtor} id="debtor-name">
            {debtor.name} ({word(t.workspace.kinds, debtor.kind)})
          </Fact>
          <Fact label={t.workspace.localTime} id="debtor-time">
            {debtor.localTime} ({debtor.timeZone})
          </Fact>
          <Fact label={t.workspace.preferredWindow} id="debtor-window">
            {debtor.preferredWindow
              ? `${debtor.preferredWindow.from}–${debtor.preferredWindow.to}`
              : none}
          </Fact>
          <Fact label={t.workspace.preferredChannel}>{debtor.preferredChannel ?? none}</Fact>
          <Fact label={t.workspace.languageLabel}>{debtor.language}</Fact>
          <Fact label={t.workspace.source}>{word(t.workspace.sources, task.source)}</Fact>
          <Fact label={t.workspace.attempts}>{f.number(task.attempts)}</Fact>
          <Fact label={t.workspace.status}>{c.status}</Fact>
        </SimpleGrid>
        {task.reasons.length > 0 && (
          <Group gap="xs">
            <Text size="sm">{t.workspace.queueReasons}:</Text>
            {task.reasons.map((reason) => (
              <Badge key={reason} variant="outline" color="dark">
                {reason}
              </Badge>
            ))}
          </Group>
        )}
        {c.holdReasons.length > 0 && (
          <Text size="sm">
            {t.workspace.holds}: {c.holdReasons.join(", ")}
          </Text>
        )}
        <Alert
          id="call-window"
          color={callWindow.allowedNow ? "green" : "red"}
          title={t.workspace.callWindow}
        >
          {callWindow.allowedNow ? t.workspace.allowedNow : t.workspace.notAllowed}
          {callWindow.until && ` ${t.workspace.allowedUntil(f.instant(callWindow.until))}`}
          {callWindow.rule && ` (${t.workspace.rule}: ${callWindow.rule})`}
        </Alert>
      </Stack>
    </Section>
  );
}
