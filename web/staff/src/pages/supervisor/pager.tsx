import { Button, Group, Text } from "@mantine/core";
import { useI18n } from "../../i18n/context";

/** "1–25 of 80" with previous and next. */
export function Pager({
  id,
  offset,
  limit,
  total,
  onPage,
}: {
  id: string;
  offset: number;
  limit: number;
  total: number;
  onPage: (offset: number) => void;
}) {
  const { t } = useI18n();
  if (total <= limit && offset === 0) return null;
  return (
    <Group justify="flex-end" gap="sm" mt="sm">
      <Text size="sm">{t.common.pageOf(offset + 1, Math.min(offset + limit, total), total)}</Text>
      <Button
        id={`${id}-previous`}
        variant="default"
        size="xs"
        disabled={offset === 0}
        onClick={() => onPage(Math.max(0, offset - limit))}
      >
        {t.common.previous}
      </Button>
      <Button
        id={`${id}-next`}
        variant="default"
        size="xs"
        disabled={offset + limit >= total}
        onClick={() => onPage(offset + limit)}
      >
        {t.common.next}
      </Button>
    </Group>
  );
}
