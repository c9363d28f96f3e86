import {
  Alert,
  Anchor,
  Button,
  Container,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";

import { useEffect, useMemo, useState } from "react";
import type { Direction, Item, Programme } from "../../../src/domain/model.js";
import { walkItems } from "../../../src/domain/model.js";
import {
  directionTotals,
  itemTotals,
  programmeSpanTotals,
  programmeTotals,
} from "../../../src/domain/totals.js";
import { DonutChart, HorizontalBarChart, StackedBarChart } from "../charts/SvgCharts.js";
import { useI18n } from "../i18n/index.js";
import {
  ApiError,
  api,
  EXPORT_FORMATS,
  type ProgrammeDetail,
  type ProgrammeSummary,
  publicExportUrl,
} from "../lib/api.js";
import { fundingByYearByDirection, largestItems, sourceShares } from "../lib/chartData.js";
import { formatDeadline, formatPeriod, localeOf } from "../lib/format.js";
import { withKeys } from "../lib/keys.js";
import { directionStartsOpen } from "../lib/publicView.js";
import { parsePublicPath, publicPath } from "../lib/router.js";
import { PublishNote } from "../reporting/PublishNote.js";
import { ChartFigure } from "../shared/ChartFigure.js";
import { DataTable } from "../shared/DataTable.js";
import { LanguageSwitch } from "../shared/LanguageSwitch.js";
import { ProgrammeUnitProvider, useMoney } from "../shared/money.js";
import { sourceLabels } from "../shared/sources.js";
import { TotalsTable } from "../shared/TotalsTable.js";

type Loaded<T> =
  | { status: "loading" }
  | { status: "error"; notFound: boolean; message: string }
  | { status: "ready"; value: T };

/** Loads once per page; starts ready with `initial` when the server sent the value with the page. */
function useLoad<T>(load: () => Promise<T>, initial?: T): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>(
    initial === undefined ? { status: "loading" } : { status: "ready", value: initial },
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads once per page
  useEffect(() => {
    if (initial !== undefined) return;
    load().then(
      (value) => setState({ status: "ready", value }),
      (error: unknown) =>
        setState({
          status: "error",
          notFound: error instanceof ApiError && error.status === 404,
          message: String((error as Error).message),
        }),
    );
  }, []);
  return state;
}

function TaskCard({ item, depth }: { item: Item; depth: number }) {
  const { t, lang } = useI18n();
  const { money } = useMoney();
  return (
    <li
      style={{
        marginLeft: depth ? "1rem" : 0,
        padding: "0.5rem 0",
        borderBottom: "1px solid var(--mantine-color-gray-3)",
      }}
    >
      <Text fw={600}>
        {item.number} {item.title}
      </Text>
      <Text size="sm">
        <b>{money(itemTotals(item).total)}</b> · {t("tree.deadline")}:{" "}
        {formatDeadline(item.deadline, item.deadlineText, lang)}
      </Text>
      <Text size="sm">
        {t("tree.executors")}: {item.executors.join("; ") || "—"}
      </Text>
    </li>
  );
}

function depthOf(id: string): number {
  return id.split(".").length - 2;
}

function DirectionTasks({ direction }: { direction: Direction }) {
  const { money } = useMoney();
  const items = [...walkItems(direction.items)];
  const { total } = directionTotals(direction);
  return (
    <details open={directionStartsOpen(items.length, total)}>
      <summary style={{ cursor: "pointer", padding: "0.25rem 0" }}>
        <Text component="span" fw={700}>
          {direction.number}. {direction.title}
        </Text>{" "}
        — {money(total)}
      </summary>
      <ul style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {items.map((item) => (
          <TaskCard key={item.id} item={item} depth={depthOf(item.id)} />
        ))}
      </ul>
    </details>
  );
}

function Charts({ programme }: { programme: Programme }) {
  const { t, lang } = useI18n();
  const totals = useMemo(() => programmeTotals(programme), [programme]);
  const byYear = useMemo(() => fundingByYearByDirection(programme), [programme]);
  const shares = useMemo(() => sourceShares(totals, sourceLabels(lang)), [totals, lang]);
  const largest = useMemo(() => largestItems(programme, 5), [programme]);
  const { amount: format, money, unitName } = useMoney();
  const percent = (value: number) => value.toLocaleString(localeOf(lang));
  const yearSums = byYear.categories.map((year) => ({ year, value: totals.byYear[year] ?? 0 }));
  const peak = [...yearSums].sort((a, b) => b.value - a.value)[0];
  const top = shares[0];
  const topItem = largest[0];
  return (
    <Stack>
      <TotalsTable
        totals={totals}
        spans={programmeSpanTotals(programme)}
        period={programme.period}
        caption={t("funding.byYearSource")}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl">
        <ChartFigure
          title={t("charts.byYear", { unit: unitName })}
          summary={
            peak && peak.value > 0
              ? t("charts.summaryByYear", { year: peak.year, amount: money(peak.value) })
              : ""
          }
          chart={
            <StackedBarChart data={byYear} label={t("charts.byYear", { unit: unitName })} format={format} />
          }
          table={
            <DataTable
              head={[t("tree.direction"), ...byYear.categories]}
              rows={byYear.series.map((series) => [series.name, ...series.values.map(format)])}
            />
          }
        />
        <ChartFigure
          title={t("charts.bySource")}
          summary={
            top ? t("charts.summaryBySource", { source: top.name, percent: percent(top.percent) }) : ""
          }
          chart={<DonutChart shares={shares} label={t("charts.bySource")} />}
          table={
            <DataTable
              head={[t("funding.source"), unitName, "%"]}
              rows={shares.map((share) => [share.name, format(share.value), percent(share.percent)])}
            />
          }
        />
      </SimpleGrid>
      {topItem && (
        <ChartFigure
          title={t("charts.largest", { unit: unitName })}
          summary={t("charts.summaryLargest", {
            title: topItem.label,
            amount: money(topItem.value),
          })}
          chart={
            <HorizontalBarChart
              items={largest}
              label={t("charts.largest", { unit: unitName })}
              format={format}
            />
          }
          table={
            <DataTable
              head={[t("tree.task"), unitName]}
              rows={largest.map((item) => [item.label, format(item.value)])}
            />
          }
        />
      )}
    </Stack>
  );
}

interface PublicKey {
  katottg: string;
  from: number;
  to: number;
}

/** A published programme, its amounts in the unit its document prints them in. */
export function ProgrammeView({ detail, publicKey }: { detail: ProgrammeDetail; publicKey: PublicKey }) {
  return (
    <ProgrammeUnitProvider unit={detail.programme.unit}>
      <ProgrammeBody detail={detail} publicKey={publicKey} />
    </ProgrammeUnitProvider>
  );
}

function ProgrammeBody({ detail, publicKey }: { detail: ProgrammeDetail; publicKey: PublicKey }) {
  const { t } = useI18n();
  const { money } = useMoney();
  const { programme } = detail;
  const total = programmeTotals(programme).total;
  const count = programme.directions.reduce((sum, d) => sum + [...walkItems(d.items)].length, 0);
  useEffect(() => {
    document.title = programme.title || document.title;
  }, [programme.title]);
  return (
    <Stack gap="xl">
      <header>
        <Text c="dimmed">{programme.community.name}</Text>
        <Title order={1} className="page-title">
          {programme.title}
        </Title>
        <Group gap="xl" mt="sm">
          <div>
            <Text size="sm">{t("programme.period")}</Text>
            <Text fw={700} size="lg">
              {formatPeriod(programme.period)}
            </Text>
          </div>
          <div>
            <Text size="sm">{t("programme.total")}</Text>
            <Text fw={700} size="lg">
              {money(total)}
            </Text>
          </div>
          <div>
            <Text size="sm">{t("public.tasks", { n: count })}</Text>
          </div>
        </Group>
      </header>
      <section aria-labelledby="what">
        <Title order={2} size="h3" id="what" mb="sm">
          {t("public.what")} · {t("public.who")}
        </Title>
        <Stack gap="sm">
          {withKeys(programme.directions, (d) => d.number).map(({ key, value }) => (
            <DirectionTasks key={key} direction={value} />
          ))}
        </Stack>
      </section>
      <section aria-labelledby="how-much">
        <Title order={2} size="h3" id="how-much" mb="sm">
          {t("public.howMuch")}
        </Title>
        <Charts programme={programme} />
      </section>
      <section aria-labelledby="download">
        <Title order={2} size="h3" id="download" mb="sm">
          {t("public.download")}
        </Title>
        <Group gap="sm">
          {EXPORT_FORMATS.map((format) => (
            <Button
              key={format}
              component="a"
              href={publicExportUrl(publicKey.katottg, publicKey.from, publicKey.to, format)}
              download
              variant="default"
            >
              {t("common.download")} {format.toUpperCase()}
            </Button>
          ))}
        </Group>
      </section>
    </Stack>
  );
}

function PublishedList() {
  const { t } = useI18n();
  const state = useLoad<ProgrammeSummary[]>(api.publicList);
  if (state.status === "loading") return <Text>{t("common.loading")}</Text>;
  if (state.status === "error") return <Alert color="red">{state.message}</Alert>;
  return (
    <Stack>
      <Title order={1} size="h2">
        {t("public.list")}
      </Title>
      {state.value.map((p) => (
        <Paper key={p.id} withBorder p="sm">
          <Anchor href={publicPath(p.katottg, p.periodFrom, p.periodTo)}>{p.title}</Anchor>
          <Text size="sm">
            {p.communityName} · {formatPeriod({ from: p.periodFrom, to: p.periodTo })}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

/** In development without the API, shows the demo programme (this branch is dropped from builds). */
async function loadPublic(katottg: string, from: number, to: number): Promise<ProgrammeDetail> {
  try {
    return await api.publicGet(katottg, from, to);
  } catch (error) {
    if (!import.meta.env.DEV || !(error instanceof ApiError) || error.status < 500) throw error;
    const { demoProgramme } = await import("../../../src/domain/synthetic/demo.js");
    const programme = demoProgramme();
    const summary = {
      id: "demo",
      katottg,
      communityName: programme.community.name,
      title: programme.title,
      periodFrom: from,
      periodTo: to,
      status: "published",
      totalKopecks: 0,
      versions: 1,
      errors: 0,
      warnings: 0,
      updatedAt: "",
    } as const;
    return { summary, programme, findings: [], totals: programmeTotals(programme), versions: [] };
  }
}

/** The programme the entry loaded before the app started, when it is this one. */
function sameProgramme(detail: ProgrammeDetail | undefined, katottg: string, from: number, to: number) {
  const summary = detail?.summary;
  const same = summary?.katottg === katottg && summary.periodFrom === from && summary.periodTo === to;
  return same ? detail : undefined;
}

interface PublicKey {
  katottg: string;
  from: number;
  to: number;
}

function PublicProgramme({ katottg, from, to, early }: PublicKey & { early?: ProgrammeDetail }) {
  const { t } = useI18n();
  const [loaded] = useState(() => sameProgramme(early, katottg, from, to));
  const state = useLoad(() => loadPublic(katottg, from, to), loaded);
  if (state.status === "loading") return <Text>{t("common.loading")}</Text>;
  if (state.status === "error")
    return (
      <Alert color={state.notFound ? "yellow" : "red"}>
        {state.notFound ? t("public.notFound") : state.message}
      </Alert>
    );
  return (
    <>
      <PublishNote katottg={katottg} from={from} to={to} />
      <ProgrammeView detail={state.value} publicKey={{ katottg, from, to }} />
    </>
  );
}

/** The /p/… path, also when the server sent the page as /public.html?path=/p/…. */
function publicPathname(): string {
  const handedOver = new URLSearchParams(window.location.search).get("path");
  if (handedOver?.startsWith("/p/")) {
    history.replaceState(null, "", handedOver);
    return handedOver;
  }
  return window.location.pathname;
}

/** `early`: the programme of the page's address, when the entry loaded it before the app started. */
export function PublicApp({ early }: { early?: ProgrammeDetail }) {
  const { t } = useI18n();
  const pathname = publicPathname();
  const key = parsePublicPath(pathname);
  // Under /p/ every address names a programme; one that cannot is no list of programmes.
  const malformed = !key && pathname.startsWith("/p/") && pathname !== "/p/";
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <Container size="lg" component="header" py="sm">
        <Group justify="space-between">
          <Text fw={800}>{t("app.title")}</Text>
          <LanguageSwitch />
        </Group>
      </Container>
      <Container size="lg" component="main" id="main" tabIndex={-1} pb="xl">
        {key ? (
          <PublicProgramme {...key} early={early} />
        ) : malformed ? (
          <Alert color="yellow">{t("public.notFound")}</Alert>
        ) : (
          <PublishedList />
        )}
      </Container>
      <Container size="lg" component="footer" py="md">
        <Text size="sm" c="dimmed">
          {t("public.footer")}
        </Text>
      </Container>
    </>
  );
}
