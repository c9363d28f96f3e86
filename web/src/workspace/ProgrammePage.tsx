import {
  Alert,
  Anchor,
  Box,
  Button,
  Grid,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Tabs,
  Text,
  Title,
} from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { lazy, memo, type ReactNode, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import type { ProjectEditAnswer } from "../../../src/contract/project-edit.js";
import type { Programme } from "../../../src/domain/model.js";
import { applyFindingsDelta, changeBetween, projectFields } from "../../../src/domain/project-edit.js";
import { programmeSpanTotals, type Totals } from "../../../src/domain/totals.js";
import { useI18n } from "../i18n/index.js";
import { EXPORT_FORMATS, exportUrl, type ProgrammeDetail, STATUSES, type VersionInfo } from "../lib/api.js";
import { formatPeriod } from "../lib/format.js";
import { tabOfRef } from "../lib/refs.js";
import { agreementPath, monitoringPath, navigate, programmePath, publicPath } from "../lib/router.js";
import { useStoreValue, ValueStore } from "../lib/valueStore.js";
import { PublishDialog } from "../reporting/PublishDialog.js";
import { ProgrammeUnitProvider, useMoney } from "../shared/money.js";
import { PassportTable } from "../shared/PassportTable.js";
import { TotalsTable } from "../shared/TotalsTable.js";
import { ExecutorsView } from "./components/ExecutorsView.js";
import { FindingsPanel } from "./components/FindingsPanel.js";
import { FundingTable } from "./components/FundingTable.js";
import { IndicatorsEditor, PassportEditor, SectionsEditor } from "./components/ProgrammeEditors.js";
import { IndicatorsView, SectionsView } from "./components/TextViews.js";
import { TreeView } from "./components/TreeView.js";
import { VersionsView } from "./components/VersionsView.js";
import type { DataSource } from "./data.js";
import { useAsync } from "./useAsync.js";
import { useProgrammeEditor } from "./useProgrammeEditor.js";
import { useReveal } from "./useReveal.js";

const ProgrammeCharts = lazy(() =>
  import("../charts/ProgrammeCharts.js").then((m) => ({ default: m.ProgrammeCharts })),
);

const TABS = [
  "tree",
  "passport",
  "funding",
  "executors",
  "charts",
  "indicators",
  "sections",
  "versions",
] as const;
type Tab = (typeof TABS)[number];
const TAB_LABELS = {
  tree: "programme.tree",
  passport: "programme.passport",
  funding: "programme.funding",
  executors: "programme.executors",
  charts: "programme.charts",
  indicators: "programme.indicators",
  sections: "programme.sections",
  versions: "programme.versions",
} as const;

interface HeaderProps {
  detail: ProgrammeDetail;
  source: DataSource;
  onStatus: () => void;
  editable: boolean;
}

/**
 * Whether the header shows the same for both props: what it reads of the detail (a saved project
 * changes the detail, its version and totals, but none of this).
 */
function sameHeader(a: HeaderProps, b: HeaderProps): boolean {
  const [x, y] = [a.detail, b.detail];
  return (
    a.source === b.source &&
    a.onStatus === b.onStatus &&
    a.editable === b.editable &&
    x.findings === y.findings &&
    x.summary.id === y.summary.id &&
    x.summary.title === y.summary.title &&
    x.summary.status === y.summary.status &&
    x.programme.title === y.programme.title &&
    x.programme.community === y.programme.community &&
    x.programme.period === y.programme.period &&
    x.programme.passport.funding.total === y.programme.passport.funding.total
  );
}

/**
 * The programme's title, status and exports. Memoised on what it shows (`sameHeader`): entering or
 * leaving edit mode, and saving a project, leave it as it is.
 */
const Header = memo(function Header({ detail, source, onStatus, editable }: HeaderProps) {
  const { t } = useI18n();
  const { money } = useMoney();
  const { summary, programme } = detail;
  const declared = programme.passport.funding.total;
  const errors = useMemo(
    () => detail.findings.filter((finding) => finding.severity === "error"),
    [detail.findings],
  );
  const [publishing, setPublishing] = useState(false);
  return (
    <Stack gap="xs">
      <Anchor
        href="/"
        onClick={(e) => {
          e.preventDefault();
          navigate("/");
        }}
        size="sm"
      >
        ← {t("programme.backToList")}
      </Anchor>
      <Title order={1} className="page-title">
        {programme.title || summary.title}
      </Title>
      <Text>
        {programme.community.name} · {programme.community.katottg} · {t("programme.period")}:{" "}
        {formatPeriod(programme.period)}
      </Text>
      <Anchor
        href={monitoringPath(String(summary.id))}
        onClick={(e) => {
          e.preventDefault();
          navigate(monitoringPath(String(summary.id)));
        }}
        size="sm"
      >
        {t("programme.monitoring")} →
      </Anchor>
      <Anchor
        href={agreementPath(String(summary.id))}
        onClick={(e) => {
          e.preventDefault();
          navigate(agreementPath(String(summary.id)));
        }}
        size="sm"
      >
        {t("programme.agreement")} →
      </Anchor>
      <Group gap="md" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t("programme.status")}
          value={summary.status}
          disabled={!editable}
          data={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          onChange={async (e) => {
            const next = e.currentTarget.value;
            if (next === "published" && errors.length > 0) {
              setPublishing(true);
              return;
            }
            await source.setStatus(summary.id, next);
            onStatus();
          }}
        />
        <PublishDialog
          errors={errors}
          opened={publishing}
          onCancel={() => setPublishing(false)}
          onConfirm={async (reason) => {
            await source.setStatus(summary.id, "published", reason);
            setPublishing(false);
            onStatus();
          }}
        />
        <Group gap={6} role="group" aria-label={t("programme.export")}>
          {EXPORT_FORMATS.map((format) => (
            <Button
              key={format}
              component="a"
              href={exportUrl(summary.id, format)}
              download
              variant="default"
              size="sm"
            >
              {format.toUpperCase()}
            </Button>
          ))}
        </Group>
        <Anchor
          href={publicPath(programme.community.katottg, programme.period.from, programme.period.to)}
          target="_blank"
        >
          {t("programme.publicPage")} ↗
        </Anchor>
      </Group>
      {declared !== null && (
        <Text size="sm">
          {t("programme.declared")}: <b>{money(declared)}</b>
        </Text>
      )}
    </Stack>
  );
}, sameHeader);

/**
 * Whether the workspace is in edit mode. A store, not the workspace's state: a flip re-renders only
 * what reads it (this button, the tree's cards, the editable tabs), not the tabs, frame and panels.
 */
type EditMode = ValueStore<boolean>;

/** Renders `children` for the current mode, again whenever it flips. */
function InEditMode({ mode, children }: { mode: EditMode; children: (editing: boolean) => ReactNode }) {
  return children(useStoreValue(mode));
}

function EditToggle({ mode }: { mode: EditMode }) {
  const { t } = useI18n();
  const editing = useStoreValue(mode);
  return (
    <Button
      variant={editing ? "filled" : "default"}
      onClick={() => mode.set(!editing)}
      aria-pressed={editing}
    >
      {editing ? t("edit.stop") : t("edit.start")}
    </Button>
  );
}

function EditBar({
  state,
  mode,
  onSave,
  saving,
}: {
  state: ReturnType<typeof useProgrammeEditor>;
  mode: EditMode;
  onSave: () => void;
  saving: boolean;
}) {
  const { t } = useI18n();
  const { money } = useMoney();
  return (
    <Paper withBorder p="sm" className="edit-bar">
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          <EditToggle mode={mode} />
          <Button variant="default" onClick={state.undo} disabled={!state.canUndo} title="Ctrl+Z">
            {t("edit.undo")}
          </Button>
          <Button variant="default" onClick={state.redo} disabled={!state.canRedo} title="Ctrl+Y">
            {t("edit.redo")}
          </Button>
          <Button onClick={onSave} disabled={!state.dirty || !state.valid || saving} loading={saving}>
            {t("edit.save")}
          </Button>
        </Group>
        <Group gap="md">
          {state.dirty && (
            <Text size="sm" c="#8f3500">
              {t("edit.unsaved")}
            </Text>
          )}
          {!state.valid && (
            <Text size="sm" c="red.9" role="alert">
              {t("edit.invalid")}
            </Text>
          )}
          <Text fw={700} aria-live="polite" data-testid="live-total">
            {t("programme.computed")}: {money(state.totals.total)}
          </Text>
        </Group>
      </Group>
    </Paper>
  );
}

/**
 * The programme's totals by year and source, with its spans of years. The spans are summed over every
 * project here, in the tab that shows them, not in each render of the workspace.
 */
function ProgrammeTotalsTable({ programme, totals }: { programme: Programme; totals: Totals }) {
  const { t } = useI18n();
  const spans = useMemo(() => programmeSpanTotals(programme), [programme]);
  return (
    <TotalsTable
      totals={totals}
      spans={spans}
      period={programme.period}
      caption={t("funding.byYearSource")}
    />
  );
}

/** The version the detail shows: the one the API names, else the last listed. */
function versionOf(detail: ProgrammeDetail): number {
  return detail.version?.version ?? detail.versions.at(-1)?.version ?? detail.versions.length;
}

/** The detail after a saved project edit, from the programme shown and the server's short answer. */
function afterProjectEdit(
  detail: ProgrammeDetail,
  programme: Programme,
  answer: ProjectEditAnswer,
): ProgrammeDetail {
  const version: VersionInfo = {
    version: answer.version,
    createdAt: new Date().toISOString(),
    kind: "edit",
    sourceName: null,
    note: null,
    author: answer.author,
  };
  return {
    ...detail,
    summary: {
      ...detail.summary,
      totalKopecks: answer.totals.total,
      versions: detail.summary.versions + 1,
      errors: answer.errors,
      warnings: answer.warnings,
    },
    version,
    versions: [...detail.versions, version],
    programme,
    totals: answer.totals,
    findings: applyFindingsDelta(detail.findings, answer.findings),
  };
}

/**
 * Saves the edits: one project's own fields alone go as a PATCH of that project (the answer carries
 * what changed, nothing is loaded again); anything else replaces the programme and loads it again.
 */
async function saveEdits(
  source: DataSource,
  detail: ProgrammeDetail,
  programme: Programme,
): Promise<ProgrammeDetail | null> {
  const change = changeBetween(detail.programme, programme);
  if (change.kind === "project" && source.saveProject) {
    const answer = await source.saveProject(
      detail.summary.id,
      change.after.id,
      projectFields(change.after),
      versionOf(detail),
    );
    return afterProjectEdit(detail, programme, answer);
  }
  await source.save(detail.summary.id, programme, versionOf(detail));
  return null;
}

function Workspace({
  detail,
  source,
  reload,
  replace,
  editable,
}: {
  detail: ProgrammeDetail;
  source: DataSource;
  reload: () => void;
  replace: (detail: ProgrammeDetail) => void;
  editable: boolean;
}) {
  const { t } = useI18n();
  const state = useProgrammeEditor(detail.programme, detail.findings, detail.totals);
  const [tab, setTab] = useState<Tab>("tree");
  const mode = useMemo<EditMode>(() => new ValueStore(false), []);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const reveal = useReveal();
  const flagged = useMemo(
    () =>
      state.findings.filter((f) => f.location.ref.startsWith("item:")).map((f) => f.location.ref.slice(5)),
    [state.findings],
  );

  useHotkeys([
    ["mod+Z", state.undo],
    ["mod+shift+Z", state.redo],
    ["mod+Y", state.redo],
  ]);
  useEffect(() => {
    if (!state.dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [state.dirty]);

  const jump = useCallback(
    (ref: string) => {
      const target = tabOfRef(ref);
      if (target) setTab(target);
      reveal(ref);
    },
    [reveal],
  );
  const openItem = useCallback((id: string) => jump(`item:${id}`), [jump]);
  const save = async () => {
    setSaving(true);
    try {
      const saved = await saveEdits(source, detail, state.programme);
      setMessage({ ok: true, text: t("edit.saved") });
      mode.set(false);
      if (saved) replace(saved);
      else reload();
    } catch (error) {
      setMessage({ ok: false, text: t("edit.saveFailed", { msg: (error as Error).message }) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <ProgrammeUnitProvider unit={state.programme.unit}>
      <Stack>
        <Header detail={detail} source={source} onStatus={reload} editable={editable} />
        {editable && <EditBar state={state} mode={mode} onSave={save} saving={saving} />}
        {message && (
          <Alert
            color={message.ok ? "green" : "red"}
            withCloseButton
            onClose={() => setMessage(null)}
            role="status"
          >
            {message.text}
          </Alert>
        )}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8, xl: 9 }}>
            <Tabs value={tab} onChange={(value) => value && setTab(value as Tab)} keepMounted={false}>
              <Tabs.List aria-label={t("programme.tabs")}>
                {TABS.map((each) => (
                  <Tabs.Tab key={each} value={each}>
                    {t(TAB_LABELS[each])}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              <Box pt="md">
                <Tabs.Panel value="tree">
                  <InEditMode mode={mode}>
                    {(editing) => (
                      <TreeView
                        programme={state.programme}
                        editor={editing ? state.editor : null}
                        flagged={flagged}
                      />
                    )}
                  </InEditMode>
                </Tabs.Panel>
                <Tabs.Panel value="passport">
                  <Stack>
                    <InEditMode mode={mode}>
                      {(editing) =>
                        editing ? (
                          <PassportEditor programme={state.programme} editor={state.editor} />
                        ) : (
                          <PassportTable passport={state.programme.passport} />
                        )
                      }
                    </InEditMode>
                    <Title order={2} size="h4">
                      {t("funding.byYearSource")}
                    </Title>
                    <ProgrammeTotalsTable programme={state.programme} totals={state.totals} />
                  </Stack>
                </Tabs.Panel>
                <Tabs.Panel value="funding">
                  <Stack>
                    <ProgrammeTotalsTable programme={state.programme} totals={state.totals} />
                    <FundingTable programme={state.programme} onOpenItem={openItem} />
                  </Stack>
                </Tabs.Panel>
                <Tabs.Panel value="charts">
                  <Suspense fallback={<Text>{t("common.loading")}</Text>}>
                    <ProgrammeCharts programme={state.programme} totals={state.totals} />
                  </Suspense>
                </Tabs.Panel>
                <Tabs.Panel value="executors">
                  <ExecutorsView programme={state.programme} onOpenItem={openItem} />
                </Tabs.Panel>
                <Tabs.Panel value="indicators">
                  <InEditMode mode={mode}>
                    {(editing) =>
                      editing ? (
                        <IndicatorsEditor programme={state.programme} editor={state.editor} />
                      ) : (
                        <IndicatorsView programme={state.programme} />
                      )
                    }
                  </InEditMode>
                </Tabs.Panel>
                <Tabs.Panel value="sections">
                  <InEditMode mode={mode}>
                    {(editing) =>
                      editing ? (
                        <SectionsEditor programme={state.programme} editor={state.editor} />
                      ) : (
                        <SectionsView programme={state.programme} />
                      )
                    }
                  </InEditMode>
                </Tabs.Panel>
                <Tabs.Panel value="versions">
                  <VersionsView id={detail.summary.id} versions={detail.versions} source={source} />
                </Tabs.Panel>
              </Box>
            </Tabs>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4, xl: 3 }}>
            <Paper withBorder p="sm" pos="sticky" top={130}>
              <FindingsPanel findings={state.findings} onJump={jump} />
            </Paper>
          </Grid.Col>
        </Grid>
      </Stack>
    </ProgrammeUnitProvider>
  );
}

export function ProgrammePage({
  id,
  source,
  editable,
}: {
  id: string;
  source: DataSource;
  editable: boolean;
}) {
  const { t } = useI18n();
  const [state, reload, replace] = useAsync(() => source.get(id), [id, source]);
  if (state.status === "loading") return <Text>{t("common.loading")}</Text>;
  if (state.status === "error") {
    return (
      <Alert color="red" title={t("programme.notFound")}>
        {state.error.message} <Anchor href={programmePath(id)}>{t("common.retry")}</Anchor>
      </Alert>
    );
  }
  return (
    <Workspace detail={state.value} source={source} reload={reload} replace={replace} editable={editable} />
  );
}
