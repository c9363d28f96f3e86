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
import type { NationalView } from "../../../src/contract/national.js";
import { useI18n } from "../i18n/index.js";
import { CROSS_COMMUNITY_UNIT, formatMoney } from "../lib/format.js";
import { navigate, useSearch } from "../lib/router.js";
import { useAsync } from "../workspace/useAsync.js";
import { CategoryRangeChart, OblastRankingChart } from "./NationalCharts.js";
import { NationalSearch } from "./NationalSearch.js";
import { loadNationalPlace } from "./nationalApi.js";
import {
  type Chosen,
  COMPARE_MAX,
  COMPARE_MIN,
  categoryRanges,
  comparePath,
  formatPerResident,
  type NamedCommunity,
  type NationalPlace,
  nationalPath,
  type OutlierRow,
  oblastRows,
  outlierRows,
  parseNationalSearch,
  toggleChosen,
  topRows,
  yearOptions,
} from "./nationalData.js";

/** Communities ticked for comparison; kept by the page across years and oblasts. */
export interface Selection {
  chosen: Chosen[];
  toggle: (community: Chosen) => void;
  clear: () => void;
}

function ChooseBox({ community, selection }: { community: NamedCommunity; selection: Selection }) {
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

/** In an oblast's view every row is of that oblast: no oblast column then. */
function TopTable({
  rows,
  selection,
  withOblast,
}: {
  rows: NamedCommunity[];
  selection: Selection;
  withOblast: boolean;
}) {
  const { t, lang } = useI18n();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped withTableBorder data-testid="national-top">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">№</Table.Th>
            <Table.Th scope="col">{t("national.community")}</Table.Th>
            {withOblast && <Table.Th scope="col">{t("national.oblast")}</Table.Th>}
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
              {withOblast && <Table.Td>{row.oblast ?? "—"}</Table.Td>}
              <Table.Td className="num">{formatPerResident(row.per_resident_kopecks, lang)}</Table.Td>
              <Table.Td>
                <ChooseBox community={row} selection={selection} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function OutlierTable({
  rows,
  selection,
  withOblast,
}: {
  rows: OutlierRow[];
  selection: Selection;
  withOblast: boolean;
}) {
  const { t, lang } = useI18n();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped withTableBorder data-testid="national-outliers">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("national.category")}</Table.Th>
            <Table.Th scope="col">{t("national.community")}</Table.Th>
            {withOblast && <Table.Th scope="col">{t("national.oblast")}</Table.Th>}
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
              {withOblast && <Table.Td>{row.oblast ?? "—"}</Table.Td>}
              <Table.Td className="num">{formatPerResident(row.per_resident_kopecks, lang)}</Table.Td>
              <Table.Td>{row.above ? t("national.above") : t("national.below")}</Table.Td>
              <Table.Td>
                <ChooseBox community={row} selection={selection} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * One year's view of the country or of an oblast: headline numbers, the charts (the oblast ranking
 * only for the country), top communities and outliers.
 */
export function NationalReport({ view, selection }: { view: NationalView; selection: Selection }) {
  const { t, lang } = useI18n();
  const ranges = useMemo(() => categoryRanges(view.categories, lang), [view, lang]);
  const outliers = useMemo(() => outlierRows(view, lang), [view, lang]);
  const top = useMemo(() => topRows(view), [view]);
  const oblasts = useMemo(() => oblastRows(view), [view]);
  const country = view.oblast === null;
  if (view.communities === 0)
    return (
      <Alert color="gray">
        {country
          ? t("national.emptyYear", { year: view.year })
          : t("national.emptyOblastYear", { year: view.year, oblast: view.oblast ?? "" })}
      </Alert>
    );
  const { median, q1, q3 } = view.per_resident;
  return (
    <Stack gap="xl">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Stat
          label={t("national.total", { year: view.year })}
          value={formatMoney(view.total_kopecks, CROSS_COMMUNITY_UNIT, lang)}
        />
        <Stat label={t("national.medianPerResident")} value={formatPerResident(median, lang)} />
        <Stat
          label={t("national.quartiles")}
          value={`${formatPerResident(q1, lang)} – ${formatPerResident(q3, lang)}`}
        />
        <Stat label={t("national.communitiesCount")} value={String(view.communities)} />
      </SimpleGrid>
      {country ? (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
          <CategoryRangeChart ranges={ranges} />
          <OblastRankingChart oblasts={oblasts} year={view.year} />
        </SimpleGrid>
      ) : (
        <CategoryRangeChart ranges={ranges} />
      )}
      <CompareBar selection={selection} />
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t("national.top")}
        </Title>
        {top.length === 0 ? (
          <Text>{t("national.noPopulation")}</Text>
        ) : (
          <TopTable rows={top} selection={selection} withOblast={country} />
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
          <OutlierTable rows={outliers} selection={selection} withOblast={country} />
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

function Loading() {
  const { t } = useI18n();
  return (
    <Group>
      <Loader size="sm" />
      <Text>{t("common.loading")}</Text>
    </Group>
  );
}

/** Follows an in-page link with navigate(), so the history gets an entry and the page stays. */
function PageLink({ href, children }: { href: string; children: string }) {
  return (
    <Anchor
      href={href}
      onClick={(event: MouseEvent) => {
        event.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </Anchor>
  );
}

/** The heading of the country's view, or of an oblast's with the way back to the country. */
export function NationalHeading({ place }: { place: NationalPlace }) {
  const { t } = useI18n();
  if (place.oblast === null)
    return (
      <Stack gap="xs">
        <Title order={2}>{t("national.heading")}</Title>
        <Text>{t("national.intro")}</Text>
      </Stack>
    );
  const back = `← ${t("national.backToCountry")}`;
  return (
    <Stack gap="xs">
      <PageLink href={nationalPath({ year: place.year, oblast: null })}>{back}</PageLink>
      <Title order={2}>{t("national.oblastHeading", { oblast: place.oblast })}</Title>
      <Text>{t("national.oblastIntro")}</Text>
    </Stack>
  );
}

/** A loaded view with its year selector (the years the API lists); a year keeps the oblast. */
export function NationalLoaded({ view, selection }: { view: NationalView; selection: Selection }) {
  const { t } = useI18n();
  if (view.years.length === 0) return <Alert color="gray">{t("national.noData")}</Alert>;
  return (
    <Stack>
      <Group align="end">
        <NativeSelect
          label={t("national.year")}
          value={String(view.year)}
          data={yearOptions(view).map(String)}
          onChange={(event) =>
            navigate(nationalPath({ year: Number(event.currentTarget.value), oblast: view.oblast }))
          }
        />
      </Group>
      <NationalReport view={view} selection={selection} />
    </Stack>
  );
}

function samePlace(a: NationalPlace, b: NationalPlace): boolean {
  return a.year === b.year && a.oblast === b.oblast;
}

/**
 * The national view (GET /api/v1/national): open data, readable without signing in. The year and the
 * oblast live in the address (/national?year=2026&oblast=…), so views can be shared and the back
 * button returns from an oblast to the country.
 */
export function NationalPage({ apiBase = "", now = new Date() }: { apiBase?: string; now?: Date }) {
  const search = useSearch();
  const place = useMemo(() => parseNationalSearch(search), [search]);
  const current = now.getFullYear();
  const [state, retry] = useAsync(
    async () => ({ place, view: await loadNationalPlace(apiBase, place, current) }),
    [apiBase, place, current],
  );
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const selection: Selection = {
    chosen,
    toggle: (community) => setChosen((was) => toggleChosen(was, community)),
    clear: () => setChosen([]),
  };
  const shown = state.status === "ready" && samePlace(state.value.place, place) ? state.value.view : null;

  return (
    <Stack>
      <NationalHeading place={{ year: shown?.year ?? place.year, oblast: place.oblast }} />
      <NationalSearch apiBase={apiBase} year={shown?.year ?? place.year} selection={selection} />
      {state.status === "error" && <Failed error={state.error} retry={retry} />}
      {state.status !== "error" &&
        (shown ? <NationalLoaded view={shown} selection={selection} /> : <Loading />)}
    </Stack>
  );
}
