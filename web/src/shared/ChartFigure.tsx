import { Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useI18n } from "../i18n/index.js";

/** A chart with its heading, a one-sentence summary and the same numbers as a table behind a disclosure. */
export function ChartFigure({
  title,
  summary,
  chart,
  table,
}: {
  title: string;
  summary: string;
  chart: ReactNode;
  table: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <figure style={{ margin: 0 }}>
      <figcaption>
        <Title order={3} size="h5">
          {title}
        </Title>
        {summary && <Text size="sm">{summary}</Text>}
      </figcaption>
      {chart}
      <details>
        <summary>{t("charts.table")}</summary>
        {table}
      </details>
    </figure>
  );
}
