/** The 13 outcomes as one radio group, each with its keyboard shortcut. */
import { Group, Kbd, Radio, SimpleGrid, Text } from "@mantine/core";
import { OUTCOMES, type Outcome } from "../../api/types";
import { useI18n } from "../../i18n/context";
import { word } from "../../i18n/lookup";
import { OUTCOME_KEYS } from "./outcome-keys";

export function OutcomePicker({
  value,
  onChange,
  error,
}: {
  value: Outcome | null;
  onChange: (outcome: Outcome) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <Radio.Group
      id="outcome"
      name="outcome"
      label={t.disposition.outcome}
      description={t.disposition.shortcutsHelp}
      value={value ?? ""}
      onChange={(next) => onChange(next as Outcome)}
      error={error}
      withAsterisk
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
        {OUTCOMES.map((outcome) => (
          <Radio
            key={outcome}
            id={`outcome-${outcome}`}
            value={outcome}
            label={
              <Group gap={6} wrap="nowrap" component="span">
                <Kbd className="outcome-key" aria-hidden="true">
                  {OUTCOME_KEYS[outcome].toUpperCase()}
                </Kbd>
                <Text span size="sm">
                  {word(t.disposition.outcomes, outcome)}
                </Text>
              </Group>
            }
            aria-keyshortcuts={OUTCOME_KEYS[outcome]}
          />
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}
