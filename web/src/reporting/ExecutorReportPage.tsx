/**
 * The executor's reports for one programme: the periods with their deadlines, and for the chosen
 * period a report form for every project the executor's unit executes (the link in the reminder
 * e-mails opens this page).
 */
import { Alert, Anchor, Loader, NativeSelect, Stack, Text, Title } from "@mantine/core";
import { useCallback, useEffect, useState } from "react";
import type { ReportingPeriod } from "../../../src/domain/monitoring/periods.js";
import { isActiveInYear, projectItems } from "../../../src/domain/monitoring/rollup.js";
import { api, type ProgrammeDetail, type SessionUser } from "../lib/api.js";
import { formatDate } from "../lib/format.js";
import { navigate, programmePath, useSearch } from "../lib/router.js";
import { ReportCard } from "./ReportCard.js";
import {
  currentPeriod,
  type ItemUnit,
  latestByItem,
  type Reminder,
  reportingApi,
  type StoredReport,
} from "./reportingApi.js";
import { periodLabel, useReportingText } from "./text.js";

interface Loaded {
  detail: ProgrammeDetail;
  periods: ReportingPeriod[];
  links: ItemUnit[];
}

const today = () => new Date().toISOString().slice(0, 10);

export function DeadlineNotice({ period }: { period: ReportingPeriod }) {
  const { rt, lang } = useReportingText();
  const overdue = period.dueDate < today();
  return (
    <Alert color={overdue ? "red" : "blue"} role="status" data-testid="report-deadline">
      <Text fw={600}>
        {periodLabel(rt, period.key)}:{" "}
        {rt(overdue ? "report.dueOverdue" : "report.due", { date: formatDate(period.dueDate, lang) })}
      </Text>
      <Text size="sm">{rt("report.rules")}</Text>
    </Alert>
  );
}

/** "Керівник програми нагадав про цей звіт 06.12.2026", from the head's latest reminder by hand. */
function HeadReminder(props: { reminders: Reminder[]; programmeId: string; periodKey: string }) {
  const { rt, lang } = useReportingText();
  const latest = props.reminders.find(
    (each) =>
      each.kind === "manual" &&
      String(each.programmeId) === props.programmeId &&
      each.periodKey === props.periodKey,
  );
  if (!latest) return null;
  return (
    <Alert color="orange" data-testid="head-reminder">
      {rt("report.headReminded", { date: formatDate(latest.sentAt, lang) })}
    </Alert>
  );
}

export function ExecutorReportPage({ programmeId, user }: { programmeId: string; user: SessionUser | null }) {
  const { rt } = useReportingText();
  const search = useSearch();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reports, setReports] = useState<StoredReport[] | null>(null);
  const [reminders, setReminders] = useState<Reminder[]>([]);
  const orgUnitId = user?.orgUnitId ?? null;

  useEffect(() => {
    if (user?.role !== "executor") return;
    reportingApi
      .myReminders()
      .then(setReminders)
      .catch(() => setReminders([]));
  }, [user?.role]);

  useEffect(() => {
    Promise.all([
      api.get(programmeId),
      reportingApi.periods(programmeId),
      reportingApi.itemUnits(programmeId),
    ])
      .then(([detail, periods, links]) => setLoaded({ detail, periods, links }))
      .catch((failure: Error) => setError(failure.message));
  }, [programmeId]);

  const periods = loaded?.periods ?? [];
  const asked = new URLSearchParams(search).get("period");
  const period = periods.find((each) => each.key === asked) ?? currentPeriod(periods, today());

  const loadReports = useCallback(() => {
    if (!period) return;
    reportingApi
      .reports(programmeId, period.key)
      .then(setReports)
      .catch((failure: Error) => setError(failure.message));
  }, [programmeId, period]);
  useEffect(loadReports, [loadReports]);

  if (error)
    return (
      <Alert color="red" role="alert">
        {error}
      </Alert>
    );
  if (!loaded || !period) return <Loader aria-label={rt("report.title")} />;
  const { programme } = loaded.detail;
  const own = new Set(
    loaded.links
      .filter((link) => orgUnitId === null || link.orgUnitId === orgUnitId)
      .map((link) => link.itemId),
  );
  const items = programme.directions
    .flatMap((direction) => projectItems(direction.items))
    .filter((item) => own.has(item.id) && isActiveInYear(item, period.year));
  const latest = latestByItem(reports ?? []);

  return (
    <Stack gap="md">
      <Anchor
        href={programmePath(programmeId)}
        size="sm"
        onClick={(event) => {
          event.preventDefault();
          navigate(programmePath(programmeId));
        }}
      >
        ← {programme.title}
      </Anchor>
      <Title order={1} className="page-title">
        {rt("report.title")}
      </Title>
      <Text>{rt("report.intro")}</Text>
      <NativeSelect
        label={rt("report.period")}
        value={period.key}
        data={periods.map((each) => ({ value: each.key, label: periodLabel(rt, each.key) }))}
        onChange={(event) => {
          setReports(null);
          navigate(`${window.location.pathname}?period=${encodeURIComponent(event.currentTarget.value)}`);
        }}
        maw={360}
      />
      <DeadlineNotice period={period} />
      <HeadReminder reminders={reminders} programmeId={programmeId} periodKey={period.key} />
      {orgUnitId === null && user?.role === "executor" && <Alert color="red.9">{rt("report.noUnit")}</Alert>}
      {items.length === 0 && <Alert color="gray">{rt("report.noProjects")}</Alert>}
      {reports === null ? (
        <Loader aria-label={rt("report.title")} />
      ) : (
        items.map((item) => {
          const report = latest.get(item.id);
          return (
            <ReportCard
              key={`${period.key}-${item.id}`}
              programmeId={programmeId}
              programme={programme}
              item={item}
              periodKey={period.key}
              year={period.year}
              report={report}
              onChanged={(saved) =>
                setReports((list) => [...(list ?? []).filter((each) => each.id !== saved.id), saved])
              }
            />
          );
        })
      )}
    </Stack>
  );
}
