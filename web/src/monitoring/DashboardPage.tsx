/**
 * The programme head's dashboard: overdue reports by unit, planned vs actual and progress by direction
 * and year, indicators. Standalone: give it the programme id (and optionally the year).
 */
import { Alert, Badge, Group, Loader, NumberInput, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { useI18n } from "../i18n/index.js";
import { formatDate, formatMoney } from "../lib/format.js";
import { periodLabel, useReportingText } from "../reporting/text.js";
import { type Dashboard, formatProgress, overdueByUnit } from "./dashboardData.js";

const STATUS_COLORS = { reached: "green", "not-reached": "red", "no-data": "gray" } as const;

async function loadDashboard(programmeId: number, year: number | undefined): Promise<Dashboard> {
  const query = year === undefined ? "" : `?year=${year}`;
  const response = await fetch(`/api/programmes/${programmeId}/dashboard${query}`, {
    headers: { accept: "application/json" },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    throw new Error(body.error ?? `HTTP ${response.status}`);
  }
  return (await response.json()) as Dashboard;
}

function OverdueSection({ dashboard }: { dashboard: Dashboard }) {
  const { t, lang } = useI18n();
  const { rt } = useReportingText();
  const groups = overdueByUnit(dashboard.overdue);
  if (groups.length === 0) return <Alert color="green">{t("dashboard.noOverdue")}</Alert>;
  return (
    <Stack gap="sm">
      {groups.map((group) => (
        <Paper withBorder p="sm" key={group.unit}>
          <Group justify="space-between">
            <Text fw={600}>{group.unit}</Text>
            <Badge color="red">{group.entries.length}</Badge>
          </Group>
          <Table>
            <Table.Tbody>
              {group.entries.map((entry) => (
                <Table.Tr key={`${entry.itemId} ${entry.periodKey}`}>
                  <Table.Td>{periodLabel(rt, entry.periodKey)}</Table.Td>
                  <Table.Td>{entry.number}</Table.Td>
                  <Table.Td>{entry.title}</Table.Td>
                  <Table.Td>{t("dashboard.due", { date: formatDate(entry.dueDate, lang) })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
    </Stack>
  );
}

function MoneySection({ dashboard }: { dashboard: Dashboard }) {
  const { t, lang } = useI18n();
  const unit = dashboard.moneyUnit;
  const rows = [
    ...dashboard.directions
      .filter((direction) => direction.projectCount > 0)
      .map((direction) => ({
        key: `d${direction.index}`,
        label: `${direction.number} ${direction.title}`,
        ...direction,
      })),
    { key: "total", label: t("dashboard.total"), ...dashboard.programme },
  ];
  return (
    <Table striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("dashboard.direction")}</Table.Th>
          <Table.Th ta="right">{t("dashboard.planned")}</Table.Th>
          <Table.Th ta="right">{t("dashboard.actual")}</Table.Th>
          <Table.Th ta="right">{t("dashboard.progress")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key} fw={row.key === "total" ? 700 : undefined}>
            <Table.Td>{row.label}</Table.Td>
            <Table.Td ta="right">{formatMoney(row.plannedTotal, unit, lang)}</Table.Td>
            <Table.Td ta="right">{formatMoney(row.actualTotal, unit, lang)}</Table.Td>
            <Table.Td ta="right">{formatProgress(row.progress, lang)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function IndicatorSection({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useI18n();
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("dashboard.indicator")}</Table.Th>
          <Table.Th>{t("dashboard.baseline")}</Table.Th>
          <Table.Th>{t("dashboard.target")}</Table.Th>
          <Table.Th>{t("dashboard.actualValue")}</Table.Th>
          <Table.Th>{t("dashboard.state")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {dashboard.indicators.map((indicator) => (
          <Table.Tr key={indicator.index}>
            <Table.Td>
              {indicator.name}{" "}
              {indicator.unit && (
                <Text span c="dimmed">
                  ({indicator.unit})
                </Text>
              )}
            </Table.Td>
            <Table.Td>{indicator.baseline}</Table.Td>
            <Table.Td>{indicator.target}</Table.Td>
            <Table.Td>{indicator.actual ?? "—"}</Table.Td>
            <Table.Td>
              <Badge color={STATUS_COLORS[indicator.status]}>{t(`dashboard.${indicator.status}`)}</Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function DashboardPage({ programmeId, initialYear }: { programmeId: number; initialYear?: number }) {
  const { t, lang } = useI18n();
  const [year, setYear] = useState<number | undefined>(initialYear);
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setError(null);
    loadDashboard(programmeId, year)
      .then((data) => current && setDashboard(data))
      .catch((failure: Error) => current && setError(failure.message));
    return () => {
      current = false;
    };
  }, [programmeId, year]);

  if (error)
    return (
      <Alert color="red" role="alert">
        {error}
      </Alert>
    );
  if (!dashboard) return <Loader aria-label={t("dashboard.loading")} />;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h3">
          {t("dashboard.title", { year: dashboard.year })}
        </Title>
        <NumberInput
          aria-label={t("dashboard.year")}
          w={110}
          value={dashboard.year}
          onChange={(value) => typeof value === "number" && setYear(value)}
        />
      </Group>
      <Text c="dimmed">
        {t("dashboard.summary", {
          date: formatDate(dashboard.today, lang),
          missing: dashboard.notReported.length,
          overdue: dashboard.overdue.length,
        })}
      </Text>
      <Title order={2} size="h4">
        {t("dashboard.overdue")}
      </Title>
      <OverdueSection dashboard={dashboard} />
      <Title order={2} size="h4">
        {t("dashboard.money")}
      </Title>
      <MoneySection dashboard={dashboard} />
      <Title order={2} size="h4">
        {t("dashboard.indicators")}
      </Title>
      <IndicatorSection dashboard={dashboard} />
    </Stack>
  );
}
