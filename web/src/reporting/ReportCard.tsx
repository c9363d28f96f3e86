/** One project's report for one period: the form (draft, returned, correction) or the submitted report. */
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import type { Item, Programme } from "../../../src/domain/model.js";
import { SOURCE_KINDS, SOURCE_LABELS_UK } from "../../../src/domain/model.js";
import { ATTACHMENT_KINDS, REPORT_STATUSES } from "../../../src/domain/monitoring/reports.js";
import { plannedForYear } from "../../../src/domain/monitoring/rollup.js";
import { useI18n } from "../i18n/index.js";
import { ApiError } from "../lib/api.js";
import { formatAmountIn, formatDate, unitName } from "../lib/format.js";
import { ReportFiles } from "./ReportFiles.js";
import { checkForm, emptyForm, formOf, indicatorsFor, type ReportFormState, rowKey } from "./reportForm.js";
import { reportingApi, reportState, type StoredReport } from "./reportingApi.js";
import { useReportingText } from "./text.js";

/** Dark shades: the white badge text keeps a 4.5:1 contrast (WCAG AA). */
const STATE_COLORS = { none: "gray.7", draft: "blue.9", submitted: "teal.9", returned: "red.9" } as const;

interface Props {
  programmeId: string;
  programme: Programme;
  item: Item;
  periodKey: string;
  year: number;
  report: StoredReport | undefined;
  onChanged: (report: StoredReport) => void;
}

function SubmittedView({
  programmeId,
  programme,
  item,
  report,
}: {
  programmeId: string;
  programme: Programme;
  item: Item;
  report: StoredReport;
}) {
  const { rt, lang } = useReportingText();
  const unit = programme.unit;
  const indicators = new Map(
    indicatorsFor(programme, item).map(({ index, indicator }) => [index, indicator]),
  );
  return (
    <Stack gap="xs" data-testid="submitted-report">
      <Alert color="green" role="status">
        {rt("report.submitted", { date: formatDate(report.submittedAt, lang) })}
      </Alert>
      <Table>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">{rt("report.status")}</Table.Th>
            <Table.Td>{rt(`status.${report.status}`)}</Table.Td>
          </Table.Tr>
          {report.progressPercent !== undefined && (
            <Table.Tr>
              <Table.Th scope="row">{rt("report.progress")}</Table.Th>
              <Table.Td>{String(report.progressPercent).replace(".", ",")}</Table.Td>
            </Table.Tr>
          )}
          {report.actual.map((row) => (
            <Table.Tr key={`${row.source}-${row.label}`}>
              <Table.Th scope="row">{row.label || SOURCE_LABELS_UK[row.source]}</Table.Th>
              <Table.Td>
                {formatAmountIn(row.amount, unit, lang)} {unitName(unit, lang)}
              </Table.Td>
            </Table.Tr>
          ))}
          {report.indicatorActuals.map((entry) => (
            <Table.Tr key={entry.indicatorIndex}>
              <Table.Th scope="row">
                {indicators.get(entry.indicatorIndex)?.name ?? `#${entry.indicatorIndex + 1}`}
              </Table.Th>
              <Table.Td>{entry.value}</Table.Td>
            </Table.Tr>
          ))}
          {report.text && (
            <Table.Tr>
              <Table.Th scope="row">{rt("report.text")}</Table.Th>
              <Table.Td style={{ whiteSpace: "pre-wrap" }}>{report.text}</Table.Td>
            </Table.Tr>
          )}
          {report.attachments.map((attachment) => (
            <Table.Tr key={`${attachment.kind}-${attachment.ref}`}>
              <Table.Th scope="row">{rt(`attachment.${attachment.kind}`)}</Table.Th>
              <Table.Td>
                {attachment.url ? (
                  <a href={attachment.url} rel="noreferrer" target="_blank">
                    {attachment.ref}
                  </a>
                ) : (
                  attachment.ref
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ReportFiles programmeId={programmeId} report={report} />
    </Stack>
  );
}

function SourcesEditor({
  state,
  setState,
  errors,
  unitText,
  item,
}: {
  state: ReportFormState;
  setState: (next: ReportFormState) => void;
  errors: Map<number, string>;
  unitText: string;
  item: Item;
}) {
  const { rt } = useReportingText();
  const sources = SOURCE_KINDS.filter((source) => source !== "total");
  return (
    <Stack gap={6}>
      <Text fw={600}>{rt("report.actual", { unit: unitText })}</Text>
      {state.actual.map((row, index) => (
        <Group key={row.key} align="flex-start" wrap="wrap" gap="xs">
          <NativeSelect
            label={rt("report.source")}
            value={row.source}
            data={sources.map((source) => ({ value: source, label: SOURCE_LABELS_UK[source] }))}
            onChange={(event) => {
              const source = event.currentTarget.value as (typeof sources)[number];
              const label =
                item.funding.find((each) => each.source === source)?.label ?? SOURCE_LABELS_UK[source];
              const actual = state.actual.map((each, at) =>
                at === index ? { ...each, source, label } : each,
              );
              setState({ ...state, actual });
            }}
          />
          <TextInput
            label={`${rt("report.amount", { unit: unitText })} — ${row.label}`}
            value={row.amount}
            inputMode="decimal"
            error={errors.get(index)}
            onChange={(event) => {
              const amount = event.currentTarget.value;
              setState({
                ...state,
                actual: state.actual.map((each, at) => (at === index ? { ...each, amount } : each)),
              });
            }}
          />
          <ActionIcon
            variant="default"
            mt={26}
            aria-label={rt("report.removeSource")}
            onClick={() => setState({ ...state, actual: state.actual.filter((_, at) => at !== index) })}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="default"
          size="xs"
          onClick={() =>
            setState({
              ...state,
              actual: [
                ...state.actual,
                { key: rowKey(), source: "local", label: SOURCE_LABELS_UK.local, amount: "0" },
              ],
            })
          }
        >
          {rt("report.addSource")}
        </Button>
      </Group>
    </Stack>
  );
}

function AttachmentsEditor({
  state,
  setState,
}: {
  state: ReportFormState;
  setState: (next: ReportFormState) => void;
}) {
  const { rt } = useReportingText();
  const change = (index: number, patch: Partial<ReportFormState["attachments"][number]>) =>
    setState({
      ...state,
      attachments: state.attachments.map((each, at) => (at === index ? { ...each, ...patch } : each)),
    });
  return (
    <Stack gap={6}>
      <Text fw={600}>{rt("report.attachments")}</Text>
      {state.attachments.map((attachment, index) => (
        <Group key={attachment.key} align="flex-start" wrap="wrap" gap="xs">
          <NativeSelect
            label={rt("report.attachmentKind")}
            value={attachment.kind}
            data={ATTACHMENT_KINDS.map((kind) => ({ value: kind, label: rt(`attachment.${kind}`) }))}
            onChange={(event) => change(index, { kind: event.currentTarget.value as typeof attachment.kind })}
          />
          <TextInput
            label={rt("report.attachmentRef")}
            value={attachment.ref}
            onChange={(event) => change(index, { ref: event.currentTarget.value })}
          />
          <TextInput
            label={rt("report.attachmentUrl")}
            value={attachment.url}
            type="url"
            onChange={(event) => change(index, { url: event.currentTarget.value })}
          />
          <ActionIcon
            variant="default"
            mt={26}
            aria-label={rt("report.removeAttachment")}
            onClick={() =>
              setState({ ...state, attachments: state.attachments.filter((_, at) => at !== index) })
            }
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="default"
          size="xs"
          onClick={() =>
            setState({
              ...state,
              attachments: [...state.attachments, { key: rowKey(), kind: "file", ref: "", url: "" }],
            })
          }
        >
          {rt("report.addAttachment")}
        </Button>
      </Group>
    </Stack>
  );
}

export function ReportCard({ programmeId, programme, item, periodKey, year, report, onChanged }: Props) {
  const { t } = useI18n();
  const { rt, lang } = useReportingText();
  const state0 = report ? formOf(report, programme, item) : emptyForm(programme, item, year);
  const [state, setState] = useState<ReportFormState>(state0);
  const [correcting, setCorrecting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ color: string; text: string } | null>(null);
  const [errors, setErrors] = useState<Map<number, string>>(new Map());
  const [progressError, setProgressError] = useState(false);
  const unitText = unitName(programme.unit, lang);
  const status = reportState(report);
  const planned = plannedForYear(item, year);
  const indicators = new Map(
    indicatorsFor(programme, item).map(({ index, indicator }) => [index, indicator]),
  );
  const headingId = `report-${item.id}`;

  const content = () => {
    const checked = checkForm(state, programme.unit);
    if (checked.ok) {
      setErrors(new Map());
      setProgressError(false);
      return checked.content;
    }
    setErrors(new Map([...checked.amountErrors].map(([index, error]) => [index, t(error)])));
    setProgressError(checked.progressError);
    return null;
  };

  const run = async (action: () => Promise<StoredReport>, done: string) => {
    setBusy(true);
    setMessage(null);
    try {
      const saved = await action();
      onChanged(saved);
      setMessage(done ? { color: "green", text: done } : null);
      return saved;
    } catch (error) {
      setMessage({ color: "red", text: error instanceof ApiError ? error.message : String(error) });
      return null;
    } finally {
      setBusy(false);
    }
  };

  const saveDraft = async (): Promise<StoredReport | null> => {
    const body = content();
    if (!body) return null;
    if (report && report.submittedAt === null)
      return run(() => reportingApi.update(programmeId, report.id, body), rt("report.saved"));
    return run(
      () => reportingApi.create(programmeId, { ...body, itemId: item.id, periodKey }),
      rt("report.saved"),
    );
  };

  /** The draft files are attached to: the open one, or a new one saved from the form first. */
  const ensureDraft = async (): Promise<StoredReport | null> =>
    report && report.submittedAt === null ? report : saveDraft();

  const submit = async () => {
    setConfirming(false);
    if (correcting && report) {
      const body = content();
      if (!body) return;
      const saved = await run(() => reportingApi.correct(programmeId, report.id, body), "");
      if (saved) setCorrecting(false);
      return;
    }
    const draft = await saveDraft();
    if (draft) await run(() => reportingApi.submit(programmeId, draft.id), "");
  };

  const editable = status !== "submitted" || correcting;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} id={headingId} size="h4">
            {item.number} {item.title}
          </Title>
          <Badge color={STATE_COLORS[status]}>{rt(`report.state.${status}`)}</Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {rt("report.planned", { year })}:{" "}
          {Object.entries(planned)
            .map(
              ([source, amount]) =>
                `${SOURCE_LABELS_UK[source as keyof typeof SOURCE_LABELS_UK]} ${formatAmountIn(amount ?? 0, programme.unit, lang)}`,
            )
            .join("; ") || "—"}{" "}
          {unitText}
        </Text>
        {report?.correctionOf && (
          <Text size="sm">{rt("report.correction", { date: formatDate(report.submittedAt, lang) })}</Text>
        )}
        {status === "returned" && report?.returnedAt && (
          <Alert color="red.9" role="alert">
            {rt("report.returned", {
              date: formatDate(report.returnedAt, lang),
              remark: report.returnRemark ?? "",
            })}
          </Alert>
        )}
        {!editable && report && (
          <>
            <SubmittedView programmeId={programmeId} programme={programme} item={item} report={report} />
            <Group>
              <Button
                variant="default"
                onClick={() => {
                  setState(formOf(report, programme, item));
                  setCorrecting(true);
                }}
              >
                {rt("report.correct")}
              </Button>
            </Group>
          </>
        )}
        {editable && (
          <Stack gap="sm">
            <Group wrap="wrap" align="flex-start">
              <NativeSelect
                label={rt("report.status")}
                value={state.status}
                data={REPORT_STATUSES.map((value) => ({ value, label: rt(`status.${value}`) }))}
                onChange={(event) =>
                  setState({ ...state, status: event.currentTarget.value as typeof state.status })
                }
              />
              <TextInput
                label={rt("report.progress")}
                value={state.progress}
                inputMode="decimal"
                error={progressError ? "0–100" : undefined}
                onChange={(event) => setState({ ...state, progress: event.currentTarget.value })}
              />
            </Group>
            <SourcesEditor
              state={state}
              setState={setState}
              errors={errors}
              unitText={unitText}
              item={item}
            />
            {state.indicators.length > 0 && (
              <Stack gap={6}>
                <Text fw={600}>{rt("report.indicators")}</Text>
                {state.indicators.map((row) => {
                  const indicator = indicators.get(row.indicatorIndex);
                  const name = `${indicator?.number ?? ""} ${indicator?.name ?? ""}`.trim();
                  return (
                    <TextInput
                      key={row.indicatorIndex}
                      label={rt("report.indicatorValue", {
                        name: indicator?.unit ? `${name} (${indicator.unit})` : name,
                      })}
                      value={row.value}
                      onChange={(event) => {
                        const value = event.currentTarget.value;
                        setState({
                          ...state,
                          indicators: state.indicators.map((each) =>
                            each.indicatorIndex === row.indicatorIndex ? { ...each, value } : each,
                          ),
                        });
                      }}
                    />
                  );
                })}
              </Stack>
            )}
            <Textarea
              label={rt("report.text")}
              value={state.text}
              autosize
              minRows={2}
              onChange={(event) => setState({ ...state, text: event.currentTarget.value })}
            />
            <AttachmentsEditor state={state} setState={setState} />
            {correcting ? (
              <ReportFiles programmeId={programmeId} report={report} />
            ) : (
              <ReportFiles programmeId={programmeId} report={report} ensureDraft={ensureDraft} />
            )}
            <Group>
              {!correcting && (
                <Button variant="default" loading={busy} onClick={saveDraft}>
                  {rt("report.saveDraft")}
                </Button>
              )}
              <Button loading={busy} onClick={() => setConfirming(true)}>
                {correcting ? rt("report.correct") : rt("report.submit")}
              </Button>
              {correcting && (
                <Button variant="subtle" onClick={() => setCorrecting(false)}>
                  {rt("common.cancel")}
                </Button>
              )}
            </Group>
          </Stack>
        )}
        {message && (
          <Alert color={message.color} role={message.color === "red" ? "alert" : "status"}>
            {message.text}
          </Alert>
        )}
      </Stack>
      <Modal
        closeButtonProps={{ "aria-label": rt("head.close") }}
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={rt("report.submit")}
        centered
      >
        <Stack>
          <Text>{rt("report.submitConfirm")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {rt("common.cancel")}
            </Button>
            <Button onClick={submit}>{rt("common.yes")}</Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
