/** The call script: opening, the branch for the reason the debtor gave, closing. */
import { Stack, Text, Title } from "@mantine/core";
import type { Workspace } from "../../api/types";
import { Section } from "../../components/section";
import { useI18n } from "../../i18n/context";

export function ScriptSection({ script }: { script: Workspace["script"] }) {
  const { t } = useI18n();
  const part = (title: string, text: string, id: string) => (
    <div>
      <Title order={3} size="h6">
        {title}
      </Title>
      <Text className="script-text" id={id}>
        {text}
      </Text>
    </div>
  );
  return (
    <Section title={t.workspace.script} id="script">
      <Stack gap="sm">
        {part(t.workspace.opening, script.opening, "script-opening")}
        {script.branch &&
          part(t.workspace.branch(script.branch.reason), script.branch.text, "script-branch")}
        {part(t.workspace.closing, script.closing, "script-closing")}
      </Stack>
    </Section>
  );
}
