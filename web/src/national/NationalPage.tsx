import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { type MouseEvent, useMemo, useState } from "react";
import type { NationalView, Outlier } from "../../../src/export/opendata/aggregates.js";
import { useI18n } from "../i18n/index.js";
import { formatMoney } from "../lib/format.js";
import { navigate } from "../lib/router.js";
import { useAsync } from "../workspace/useAsync.js";
import { CategoryRangeChart, OblastRankingChart } from "./NationalCharts.js";
import { loadNationalView, yearsWithData } from "./nationalApi.js";
import {
  type Chosen,
  COMPARE_MAX,
  COMPARE_MIN,
  categoryRanges,
  comparePath,
  defaultYear,
  formatPerResident,
  type OutlierRow,
  outlierRows,
  toggleChosen,
} from "./nationalData.js";

/** Communities ticked for comparison; kept by the page across years. */
export interface Selection {
  chosen: Chosen[];
  toggle: (community: Chosen) => void;
  clear: () => void;
}

function ChooseBox({ community, selection }: { community: Outlier; selection: Selection }) {
  const { t } = useI18n();
  const checked = selection.chosen.some((each) => each.katottg === community.katottg);
  return (
    <Checkbox
      aria-label={t("national.choose", { name: community.name })}
      checked={checked}
      disabled={!checked && selection.chosen.length >= COMPARE_MAX}
      onChange={() => selection.toggle({ katottg: community.katottg, name: community.name })}
    />
  );
}

function CompareBar({ selection }: { selection: Selection }) {
  const { t } = useI18n();
  const { chosen } = selection;
  const href = comparePath(chosen.map((each) => each.katottg));
  const ready = chosen.length >= COMPARE_MIN;
  return (
    <Paper withBorder p="sm" role="region" aria-label={t("national.compareRegion")}>
      <Group justify="space-between">
        <Text size="sm">
          {chosen.length === 0
            ? t("national.compareHint", { min: COMPARE_MIN, max: COMPARE_MAX })
            : t("national.chosen", {
                count: chosen.length,
                max: COMPARE_MAX,
                names: chosen.map((each) => each.name).join(", "),
              })}
        </Text>
        <Group gap="xs">
          {chosen.length > 0 && (
            <Button variant="default" size="xs" onClick={selection.clear}>
              {t("national.clear")}
            </Button>
          )}
          <Button
            component="a"
            href={href}
            size="xs"
            data-disabled={!ready || undefined}
            aria-disabled={!ready}
            onClick={(event: MouseEvent) => {
              event.preventDefault();
              if (ready) navigate(href);
            }}
          >
            {t("national.compare")}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Paper>
  );
}

function TopTable({ rows, selection }: { rows: Outlier[]; selection: Selection }) {
  const { t, lang } = useI18n();
  return (
    <Table striped withTableBorder data-testid="national-top">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">№</Table.Th>
          <Table.Th scope="col">{t("national.community")}</Table.Th>
          <Table.Th scope="col">{t("national.oblast")}</Table.Th>
          <Table.Th scope="col" className="num">
            {t("national.perResident")}
          </Table.Th>
          <Table.Th scope="col">{t("national.toCompare")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row, index) => (
          <Table.Tr key={row.katottg}>
            <Table.Td>{index + 1}</Table.Td>
            <Table.Td>{row.name}</Table.Td>
            <Table.Td>{row.oblast ?? "—"}</Table.Td>
            <Table.Td className="num">{formatPerResident(row.per_resident_kopecks, lang)}</Table.Td>
            <Table.Td>
              <ChooseBox community={row} selection={selection} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function OutlierTable({ rows, selection }: { rows: OutlierRow[]; selection: Selection }) {
  const { t, lang } = useI18n();
  return (
    <Table striped withTableBorder data-testid="national-outliers">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t("national.category")}</Table.Th>
          <Table.Th scope="col">{t("national.community")}</Table.Th>
          <Table.Th scope="col">{t("national.oblast")}</Table.Th>
          <Table.Th scope="col" className="num">
            {t("national.perResident")}
          </Table.Th>
          <Table.Th scope="col">{t("national.vsMedian")}</Table.Th>
          <Table.Th scope="col">{t("national.toCompare")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={`${row.category} ${row.katottg}`}>
            <Table.Td>{row.categoryLabel}</Table.Td>
            <Table.Td>{row.name}</Table.Td>
            <Table.Td>{row.oblast ?? "—"}</Table.Td>
            <Table.Td className="num">{formatPerResident(row.per_resident_kopecks, lang)}</Table.Td>
            <Table.Td>{row.above ? t("national.above") : t("national.below")}</Table.Td>
            <Table.Td>
              <ChooseBox community={row} selection={selection} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** One year's national view: headline numbers, the two charts, top communities and outliers. */
export function NationalReport({ view, selection }: { view: NationalView; selection: Selection }) {
  const { t, lang } = useI18n();
  const ranges = useMemo(() => categoryRanges(view.categories, lang), [view, lang]);
  const outliers = useMemo(() => outlierRows(view, lang), [view, lang]);
  if (view.communities === 0)
    return <Alert color="gray">{t("national.emptyYear", { year: view.year })}</Alert>;
  const { median, q1, q3 } = view.per_resident;
  return (
    <Stack gap="xl">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Stat
          label={t("national.total", { year: view.year })}
          value={formatMoney(view.total_kopecks, lang)}
        />
        <Stat label={t("national.medianPerResident")} value={formatPerResident(median, lang)} />
        <Stat
          label={t("national.quartiles")}
          value={`${formatPerResident(q1, lang)} – ${formatPerResident(q3, lang)}`}
        />
        <Stat label={t("national.communitiesCount")} value={String(view.communities)} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
        <CategoryRangeChart ranges={ranges} />
        <OblastRankingChart oblasts={view.oblasts} />
      </SimpleGrid>
      <CompareBar selection={selection} />
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t("national.top")}
        </Title>
        {view.top_communities.length === 0 ? (
          <Text>{t("national.noPopulation")}</Text>
        ) : (
          <TopTable rows={view.top_communities} selection={selection} />
        )}
      </Stack>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t("national.outlierTable")}
        </Title>
        <Text size="sm">{t("national.outlierNote")}</Text>
        {outliers.length === 0 ? (
          <Text>{t("national.noOutliers")}</Text>
        ) : (
          <OutlierTable rows={outliers} selection={selection} />
        )}
      </Stack>
    </Stack>
  );
}

function Failed({ error, retry }: { error: Error; retry: () => void }) {
  const { t } = useI18n();
  return (
    <Alert color="red" title={t("common.error")}>
      <Text size="sm">{error.message}</Text>
      <Anchor component="button" onClick={retry}>
        {t("common.retry")}
      </Anchor>
    </Alert>
  );
}

function YearView({ apiBase, year, selection }: { apiBase: string; year: number; selection: Selection }) {
  const { t } = useI18n();
  const [state, retry] = useAsync(() => loadNationalView(apiBase, year), [apiBase, year]);
  if (state.status === "error") return <Failed error={state.error} retry={retry} />;
  if (state.status === "loading" || state.value.year !== year)
    return (
      <Group>
        <Loader size="sm" />
        <Text>{t("common.loading")}</Text>
      </Group>
    );
  return <NationalReport view={state.value} selection={selection} />;
}

/** The national view (GET /api/v1/national): open data, readable without signing in. */
export function NationalPage({ apiBase = "", now = new Date() }: { apiBase?: string; now?: Date }) {
  const { t } = useI18n();
  const current = now.getFullYear();
  const [years, retryYears] = useAsync(() => yearsWithData(apiBase, current), [apiBase, current]);
  const [picked, setPicked] = useState<number | null>(null);
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const selection: Selection = {
    chosen,
    toggle: (community) => setChosen((was) => toggleChosen(was, community)),
    clear: () => setChosen([]),
  };
  const year = picked ?? (years.status === "ready" ? defaultYear(years.value, current) : null);

  return (
    <Stack>
      <Title order={2}>{t("national.heading")}</Title>
      <Text>{t("national.intro")}</Text>
      {years.status === "loading" && <Text>{t("common.loading")}</Text>}
      {years.status === "error" && <Failed error={years.error} retry={retryYears} />}
      {years.status === "ready" && year === null && <Alert color="gray">{t("national.noData")}</Alert>}
      {years.status === "ready" && year !== null && (
        <>
          <Group align="end">
            <NativeSelect
              label={t("national.year")}
              value={String(year)}
              data={years.value.map(String)}
              onChange={(event) => setPicked(Number(event.currentTarget.value))}
            />
          </Group>
          <YearView apiBase={apiBase} year={year} selection={selection} />
        </>
      )}
    </Stack>
  );
}
