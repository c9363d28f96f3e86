/**
 * The programme head's reporting: every executor report of a period (state, view, return with a
 * remark) and the two annual reports by year (deadline 1 March, preview, DOCX/XLSX, submission; a
 * submitted year is frozen and says who submitted it and when).
 */
import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  NativeSelect,
  Paper,
  ScrollArea,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useCallback, useEffect, useState } from "react";
import type { Programme } from "../../../src/domain/model.js";
import type { FormTable } from "../../../src/domain/monitoring/forms.js";
import type { ReportingPeriod } from "../../../src/domain/monitoring/periods.js";
import { isActiveInYear, projectItems } from "../../../src/domain/monitoring/rollup.js";
import { ApiError, api } from "../lib/api.js";
import { formatAmountIn, formatDate, unitName } from "../lib/format.js";
import { ReportFiles } from "./ReportFiles.js";
import {
  type AnnualYear,
  annualFileUrl,
  currentPeriod,
  type ItemUnit,
  latestByItem,
  type OrgUnit,
  reportingApi,
  reportState,
  type StoredReport,
} from "./reportingApi.js";
import { periodLabel, useReportingText } from "./text.js";

/** Dark shades: the white badge text keeps a 4.5:1 contrast (WCAG AA). */
const STATE_COLORS = { none: "gray.7", draft: "blue.9", submitted: "teal.9", returned: "red.9" } as const;
const today = () => new Date().toISOString().slice(0, 10);

function FormTablePreview({ table, programme }: { table: FormTable; programme: Programme }) {
  const { lang } = useReportingText();
  return (
    <Stack gap={4}>
      <Text fw={600}>{table.title}</Text>
      <ScrollArea type="auto">
        <Table withTableBorder withColumnBorders fz="xs">
          <Table.Thead>
            <Table.Tr>
              {table.columns.map((column) => (
                <Table.Th key={column.key}>{column.label}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((row, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a read-only table; its rows never move.
              <Table.Tr key={`${row.kind}-${row.ref}-${index}`} fw={row.kind === "project" ? undefined : 600}>
                {table.columns.map((column) => {
                  const value = row.cells[column.key];
                  const text =
                    column.type === "money" && typeof value === "number"
                      ? formatAmountIn(value, programme.unit, lang)
                      : String(value ?? "");
                  return <Table.Td key={column.key}>{text}</Table.Td>;
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Stack>
  );
}

function previewTables(value: unknown): FormTable[] {
  if (!value || typeof value !== "object") return [];
  if ("columns" in value) return [value as FormTable];
  const results = value as { indicators?: FormTable; funding?: FormTable };
  return [results.indicators, results.funding].filter((table): table is FormTable => Boolean(table));
}

function AnnualSection({ programmeId, programme }: { programmeId: string; programme: Programme }) {
  const { rt, lang } = useReportingText();
  const [years, setYears] = useState<AnnualYear[] | null>(null);
  const [preview, setPreview] = useState<{
    year: number;
    form: "progress" | "results";
    value: unknown;
  } | null>(null);
  const [confirm, setConfirm] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    () =>
      reportingApi
        .annual(programmeId)
        .then(setYears)
        .catch((failure: Error) => setError(failure.message)),
    [programmeId],
  );
  useEffect(() => {
    load();
  }, [load]);

  const submit = async (year: number) => {
    setConfirm(null);
    try {
      await reportingApi.submitAnnual(programmeId, year);
      await load();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };
  const openPreview = async (year: number, form: "progress" | "results") => {
    try {
      setPreview({ year, form, value: await reportingApi.annualPreview(programmeId, year, form) });
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="annual-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="annual-heading">
          {rt("head.annual")}
        </Title>
        <Text size="sm">{rt("head.annualRule")}</Text>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {years === null ? (
          <Loader aria-label={rt("head.annual")} />
        ) : (
          <ScrollArea type="auto">
            <Table data-testid="annual-reports">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{rt("head.year")}</Table.Th>
                  <Table.Th>{rt("head.annualDue")}</Table.Th>
                  <Table.Th>{rt("head.annualState")}</Table.Th>
                  <Table.Th>{rt("head.progressForm")}</Table.Th>
                  <Table.Th>{rt("head.resultsForm")}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {years.map((entry) => (
                  <Table.Tr key={entry.year}>
                    <Table.Td>{entry.year}</Table.Td>
                    <Table.Td>{formatDate(entry.dueDate, lang)}</Table.Td>
                    <Table.Td>
                      {entry.submission ? (
                        <Badge color="teal.9" tt="none">
                          {rt("head.submittedBy", {
                            who: entry.submission.submittedBy ?? "—",
                            date: formatDate(entry.submission.submittedAt, lang),
                          })}
                        </Badge>
                      ) : (
                        <Badge color={entry.overdue ? "red.9" : "gray.7"} tt="none">
                          {rt(entry.overdue ? "head.overdue" : "head.notSubmitted")}
                        </Badge>
                      )}
                    </Table.Td>
                    {(["progress", "results"] as const).map((form) => (
                      <Table.Td key={form}>
                        <Group gap={4} wrap="nowrap">
                          <Button
                            size="compact-xs"
                            variant="default"
                            onClick={() => openPreview(entry.year, form)}
                            aria-label={`${rt("head.preview")}: ${rt(form === "progress" ? "head.progressForm" : "head.resultsForm")}, ${entry.year}`}
                          >
                            {rt("head.preview")}
                          </Button>
                          {(["docx", "xlsx"] as const).map((extension) => (
                            <Button
                              key={extension}
                              size="compact-xs"
                              variant="default"
                              component="a"
                              href={annualFileUrl(programmeId, entry.year, `${form}.${extension}`)}
                              download
                              aria-label={`${extension.toUpperCase()}: ${rt(form === "progress" ? "head.progressForm" : "head.resultsForm")}, ${entry.year}`}
                            >
                              {extension.toUpperCase()}
                            </Button>
                          ))}
                        </Group>
                      </Table.Td>
                    ))}
                    <Table.Td>
                      {!entry.submission && (
                        <Button size="compact-sm" onClick={() => setConfirm(entry.year)}>
                          {rt("head.submitAnnual", { year: entry.year })}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </Stack>
      <Modal
        closeButtonProps={{ "aria-label": rt("head.close") }}
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={rt("head.submitAnnual", { year: confirm ?? "" })}
        centered
      >
        <Stack>
          <Text>{rt("head.submitAnnualConfirm", { year: confirm ?? "" })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {rt("common.cancel")}
            </Button>
            <Button onClick={() => confirm !== null && submit(confirm)}>{rt("common.yes")}</Button>
          </Group>
        </Stack>
      </Modal>
      <Modal
        closeButtonProps={{ "aria-label": rt("head.close") }}
        opened={preview !== null}
        onClose={() => setPreview(null)}
        size="100%"
        title={
          preview
            ? rt("head.previewTitle", {
                form: rt(preview.form === "progress" ? "head.progressForm" : "head.resultsForm"),
                year: preview.year,
              })
            : ""
        }
      >
        <Stack>
          <Text size="sm">{unitName(programme.unit, lang)}</Text>
          {previewTables(preview?.value).map((table) => (
            <FormTablePreview key={table.title} table={table} programme={programme} />
          ))}
        </Stack>
      </Modal>
    </Paper>
  );
}

interface ReportRow {
  itemId: string;
  number: string;
  title: string;
  orgUnitId: number;
  unit: string;
  report: StoredReport | undefined;
}

function ExecutorReportsSection({ programmeId, programme }: { programmeId: string; programme: Programme }) {
  const { rt, lang } = useReportingText();
  const [periods, setPeriods] = useState<ReportingPeriod[]>([]);
  const [periodKey, setPeriodKey] = useState<string | null>(null);
  const [links, setLinks] = useState<ItemUnit[]>([]);
  const [units, setUnits] = useState<OrgUnit[]>([]);
  const [reports, setReports] = useState<StoredReport[] | null>(null);
  const [returning, setReturning] = useState<StoredReport | null>(null);
  const [viewing, setViewing] = useState<StoredReport | null>(null);
  const [remark, setRemark] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [reminders, setReminders] = useState<Map<number, string>>(new Map());
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([
      reportingApi.periods(programmeId),
      reportingApi.itemUnits(programmeId),
      reportingApi.orgUnits(),
    ])
      .then(([loadedPeriods, loadedLinks, loadedUnits]) => {
        setPeriods(loadedPeriods);
        setLinks(loadedLinks);
        setUnits(loadedUnits);
        setPeriodKey(currentPeriod(loadedPeriods, today())?.key ?? null);
      })
      .catch((failure: Error) => setError(failure.message));
  }, [programmeId]);
  const load = useCallback(() => {
    if (periodKey === null) return;
    reportingApi
      .reports(programmeId, periodKey)
      .then(setReports)
      .catch((failure: Error) => setError(failure.message));
    reportingApi
      .reminders(programmeId, periodKey)
      .then((list) => setReminders(new Map(list.map((each) => [each.orgUnitId, each.sentAt]))))
      .catch((failure: Error) => setError(failure.message));
  }, [programmeId, periodKey]);
  useEffect(load, [load]);

  const period = periods.find((each) => each.key === periodKey);
  const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
  const items = new Map(
    programme.directions.flatMap((d) => projectItems(d.items)).map((item) => [item.id, item]),
  );
  const byUnit = new Map<number, StoredReport[]>();
  for (const report of reports ?? [])
    byUnit.set(report.orgUnitId, [...(byUnit.get(report.orgUnitId) ?? []), report]);
  const rows: ReportRow[] = links.flatMap((link) => {
    const item = items.get(link.itemId);
    if (!item || !period || !isActiveInYear(item, period.year)) return [];
    const report = latestByItem(byUnit.get(link.orgUnitId) ?? []).get(link.itemId);
    return [
      {
        itemId: item.id,
        number: item.number,
        title: item.title,
        orgUnitId: link.orgUnitId,
        unit: unitNames.get(link.orgUnitId) ?? "—",
        report,
      },
    ];
  });

  const remind = async (row: ReportRow) => {
    if (periodKey === null) return;
    setError(null);
    setNotice(null);
    try {
      const sent = await reportingApi.remind(programmeId, periodKey, row.orgUnitId);
      setReminders((current) => new Map(current).set(sent.orgUnitId, sent.sentAt));
      setNotice(rt("head.remindSent", { unit: row.unit, recipients: sent.recipients, emails: sent.emails }));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };

  const sendBack = async () => {
    if (!returning) return;
    try {
      await reportingApi.returnReport(programmeId, returning.id, remark);
      setReturning(null);
      setRemark("");
      load();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="executors-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="executors-heading">
          {rt("head.executors")}
        </Title>
        <NativeSelect
          label={rt("report.period")}
          value={periodKey ?? ""}
          data={periods.map((each) => ({ value: each.key, label: periodLabel(rt, each.key) }))}
          onChange={(event) => setPeriodKey(event.currentTarget.value)}
          maw={360}
        />
        {period && (
          <Text size="sm">
            {rt(period.dueDate < today() ? "report.dueOverdue" : "report.due", {
              date: formatDate(period.dueDate, lang),
            })}
          </Text>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {notice && (
          <Alert color="teal" role="status">
            {notice}
          </Alert>
        )}
        <ScrollArea type="auto">
          <Table data-testid="executor-reports">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{rt("head.project")}</Table.Th>
                <Table.Th>{rt("head.unit")}</Table.Th>
                <Table.Th>{rt("head.state")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const state = reportState(row.report);
                const reminded = reminders.get(row.orgUnitId);
                return (
                  <Table.Tr key={`${row.itemId}-${row.unit}`}>
                    <Table.Td>
                      {row.number} {row.title}
                    </Table.Td>
                    <Table.Td>{row.unit}</Table.Td>
                    <Table.Td>
                      <Badge color={STATE_COLORS[state]} tt="none">
                        {rt(`report.state.${state}`)}
                      </Badge>
                      {reminded && state !== "submitted" && (
                        <Text size="xs" c="dimmed">
                          {rt("head.reminded", { date: formatDate(reminded, lang) })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {row.report && (
                          <Button
                            size="compact-xs"
                            variant="default"
                            onClick={() => setViewing(row.report ?? null)}
                          >
                            {rt("head.view")}
                          </Button>
                        )}
                        {state === "submitted" && (
                          <Button
                            size="compact-xs"
                            color="red.9"
                            onClick={() => setReturning(row.report ?? null)}
                          >
                            {rt("head.return")}
                          </Button>
                        )}
                        {state !== "submitted" && (
                          <Button
                            size="compact-xs"
                            variant="default"
                            aria-label={rt("head.remindLabel", { unit: row.unit })}
                            onClick={() => remind(row)}
                          >
                            {rt("head.remind")}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Stack>
      <Modal
        closeButtonProps={{ "aria-label": rt("head.close") }}
        opened={returning !== null}
        onClose={() => setReturning(null)}
        title={rt("head.returnConfirm")}
        centered
      >
        <Stack>
          <Textarea
            label={rt("head.remark")}
            value={remark}
            onChange={(event) => setRemark(event.currentTarget.value)}
            autosize
            minRows={3}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setReturning(null)}>
              {rt("common.cancel")}
            </Button>
            <Button color="red.9" disabled={remark.trim() === ""} onClick={sendBack}>
              {rt("head.returnConfirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal
        closeButtonProps={{ "aria-label": rt("head.close") }}
        opened={viewing !== null}
        onClose={() => setViewing(null)}
        title={rt("report.title")}
        size="lg"
      >
        {viewing && (
          <Stack>
            <Table>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th scope="row">{rt("report.status")}</Table.Th>
                  <Table.Td>{rt(`status.${viewing.status}`)}</Table.Td>
                </Table.Tr>
                {viewing.actual.map((row) => (
                  <Table.Tr key={`${row.source}-${row.label}`}>
                    <Table.Th scope="row">{row.label}</Table.Th>
                    <Table.Td>
                      {formatAmountIn(row.amount, programme.unit, lang)} {unitName(programme.unit, lang)}
                    </Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Th scope="row">{rt("report.text")}</Table.Th>
                  <Table.Td style={{ whiteSpace: "pre-wrap" }}>{viewing.text || "—"}</Table.Td>
                </Table.Tr>
                {viewing.attachments.map((attachment) => (
                  <Table.Tr key={`${attachment.kind}-${attachment.ref}`}>
                    <Table.Th scope="row">{rt(`attachment.${attachment.kind}`)}</Table.Th>
                    <Table.Td>{attachment.ref}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <ReportFiles programmeId={programmeId} report={viewing} />
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}

/** Both sections for the head (and the controller, read-only by the API's rules). */
export function HeadReportingPage({ programmeId }: { programmeId: string }) {
  const { rt } = useReportingText();
  const [programme, setProgramme] = useState<Programme | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .get(programmeId)
      .then((detail) => setProgramme(detail.programme))
      .catch((failure: Error) => setError(failure.message));
  }, [programmeId]);
  if (error)
    return (
      <Alert color="red" role="alert">
        {error}
      </Alert>
    );
  if (!programme) return <Loader aria-label={rt("head.title")} />;
  return (
    <Stack gap="md" mt="lg">
      <Title order={2}>{rt("head.title")}</Title>
      <ExecutorReportsSection programmeId={programmeId} programme={programme} />
      <AnnualSection programmeId={programmeId} programme={programme} />
    </Stack>
  );
}
