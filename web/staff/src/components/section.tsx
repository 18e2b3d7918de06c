import { Paper, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** A bordered block with its h2 (or h3) title; `id` names it for tests and aria. */
export function Section({
  title,
  id,
  order = 2,
  children,
  aside,
}: {
  title: string;
  id?: string;
  order?: 2 | 3;
  children: ReactNode;
  aside?: ReactNode;
}) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <Paper component="section" withBorder p="md" radius="md" id={id} aria-labelledby={headingId}>
      <Title order={order} size="h4" mb="sm" id={headingId}>
        {title}
      </Title>
      {aside}
      {children}
    </Paper>
  );
}
