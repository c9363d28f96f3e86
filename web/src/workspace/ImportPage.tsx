import {
  Alert,
  Box,
  Button,
  FileInput,
  Grid,
  Group,
  Paper,
  Progress,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useEffect, useState } from "react";
import { type MoneyUnit, smallerUnit } from "../../../src/domain/money.js";
import { useI18n } from "../i18n/index.js";
import {
  ApiError,
  type ImportPreview,
  type ImportSaved,
  importFromAddress,
  isWebAddress,
  uploadProgramme,
} from "../lib/api.js";
import { formatMoney, formatPeriod } from "../lib/format.js";
import { notProgrammeReason } from "../lib/importError.js";
import { tabOfRef } from "../lib/refs.js";
import { navigate, programmePath } from "../lib/router.js";
import { ProgrammeUnitProvider } from "../shared/money.js";
import { PassportTable } from "../shared/PassportTable.js";
import { TotalsTable } from "../shared/TotalsTable.js";
import { FindingsPanel } from "./components/FindingsPanel.js";
import { IndicatorsView } from "./components/TextViews.js";
import { TreeView } from "./components/TreeView.js";
import { useReveal } from "./useReveal.js";

const ACCEPT = ".docx,.odt,.doc,.rtf,.pdf,.txt,.xlsx,.csv";
const ACCEPTED = /\.(docx|odt|doc|rtf|pdf|txt|xlsx|csv)$/i;
/** Formats the server converts (LibreOffice) or may OCR: reading them takes long enough to count. */
const SLOW = /\.(doc|rtf|pdf)$/i;

/** Whole seconds since `active` became true; 0 while it is false. */
function useElapsedSeconds(active: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    setSeconds(0);
    if (!active) return;
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return seconds;
}

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; progress: number }
  | { kind: "preview"; preview: ImportPreview }
  | { kind: "saving"; preview: ImportPreview; progress: number }
  | { kind: "error"; message: string };

function Preview({ preview }: { preview: ImportPreview }) {
  const { t, lang } = useI18n();
  const [tab, setTab] = useState<string>("tree");
  const reveal = useReveal();
  const { programme } = preview;
  const flagged = preview.findings
    .filter((f) => f.location.ref.startsWith("item:"))
    .map((f) => f.location.ref.slice(5));
  const jump = (ref: string) => {
    const target = tabOfRef(ref);
    if (target === "passport" || target === "tree" || target === "indicators") setTab(target);
    reveal(ref);
  };
  return (
    <ProgrammeUnitProvider unit={programme.unit}>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            <Title order={2} size="h3">
              {programme.title || "—"}
            </Title>
            <Text>
              {programme.community.name} · {programme.community.katottg || "—"} ·{" "}
              {formatPeriod(programme.period)} ·{" "}
              <b>{formatMoney(preview.totals.total, programme.unit, lang)}</b>
            </Text>
            <TotalsTable
              totals={preview.totals}
              period={programme.period}
              caption={t("funding.byYearSource")}
            />
            <Tabs value={tab} onChange={(v) => v && setTab(v)} keepMounted={false}>
              <Tabs.List aria-label={t("programme.tabs")}>
                <Tabs.Tab value="tree">{t("programme.tree")}</Tabs.Tab>
                <Tabs.Tab value="passport">{t("programme.passport")}</Tabs.Tab>
                <Tabs.Tab value="indicators">{t("programme.indicators")}</Tabs.Tab>
              </Tabs.List>
              <Box pt="md">
                <Tabs.Panel value="tree">
                  <TreeView programme={programme} editor={null} flagged={flagged} />
                </Tabs.Panel>
                <Tabs.Panel value="passport">
                  <PassportTable passport={programme.passport} />
                </Tabs.Panel>
                <Tabs.Panel value="indicators">
                  <IndicatorsView programme={programme} />
                </Tabs.Panel>
              </Box>
            </Tabs>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="sm" pos="sticky" top={130}>
            <FindingsPanel findings={preview.findings} onJump={jump} />
          </Paper>
        </Grid.Col>
      </Grid>
    </ProgrammeUnitProvider>
  );
}

/** Where the document comes from: an uploaded file, or an address the server fetches. */
type Source = { kind: "file"; file: File } | { kind: "address"; url: string };

function errorText(error: unknown, source: Source, t: ReturnType<typeof useI18n>["t"]): string {
  const message = error instanceof Error ? error.message : String(error);
  // A URL import's 422 may be the fetch's refusal (private address, too big…), not the document's.
  if (source.kind === "address") return t("import.urlFailed", { msg: message });
  if (error instanceof ApiError && error.status === 422)
    return t("import.notProgramme", { msg: notProgrammeReason(message) });
  return t("import.failed", { msg: message });
}

/** Reads the source on the server: a preview (dryRun) or the saved version. */
function readSource<T extends ImportPreview | ImportSaved>(
  source: Source,
  options: {
    dryRun: boolean;
    unit?: MoneyUnit;
    saveIdentical?: boolean;
    onProgress: (fraction: number) => void;
  },
): Promise<T> {
  if (source.kind === "address") return importFromAddress<T>(source.url, options);
  return uploadProgramme<T>(source.file, options);
}

/** The address field of the import: the server fetches the council's published document. */
function AddressForm({ busy, onSubmit }: { busy: boolean; onSubmit: (url: string) => void }) {
  const { t } = useI18n();
  const [address, setAddress] = useState("");
  const [invalid, setInvalid] = useState(false);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const valid = isWebAddress(address);
        setInvalid(!valid);
        if (valid) onSubmit(address.trim());
      }}
    >
      <Group align="flex-end" gap="xs">
        <TextInput
          label={t("import.urlLabel")}
          description={t("import.urlHint")}
          placeholder="https://"
          type="url"
          value={address}
          onChange={(event) => setAddress(event.currentTarget.value)}
          error={invalid ? t("import.urlInvalid") : undefined}
          w={480}
          maw="100%"
        />
        <Button type="submit" variant="light" loading={busy}>
          {t("import.urlFetch")}
        </Button>
      </Group>
    </form>
  );
}

/**
 * The import read a «тис. грн» table whose amounts look like UAH, or a «млн грн» one whose amounts look
 * like thousands: the other reading, which one click saves; null when the amounts raised no doubt.
 */
function otherReading(preview: ImportPreview): MoneyUnit | null {
  const suspect = preview.findings.some(
    (finding) => finding.code === "amount.unit-suspect" && finding.location.ref === "programme",
  );
  return suspect ? smallerUnit(preview.programme.unit) : null;
}

/** A save that stored nothing: the programme is identical to its latest version. */
interface Identical {
  programmeId: number;
  version: number;
  /** The unit the save asked for, sent again by «save anyway». */
  unit?: MoneyUnit;
}

/** Says that the save stored nothing, with «save anyway» (a new version all the same) and a way on. */
function IdenticalNotice({
  identical,
  saving,
  onSaveAnyway,
}: {
  identical: Identical;
  saving: boolean;
  onSaveAnyway: () => void;
}) {
  const { t } = useI18n();
  return (
    <Alert color="blue" role="status" title={t("import.identical", { v: identical.version })}>
      <Stack gap="xs">
        <Text size="sm">{t("import.identicalHint")}</Text>
        <Group>
          <Button onClick={onSaveAnyway} loading={saving}>
            {t("import.saveAnyway")}
          </Button>
          <Button variant="default" onClick={() => navigate(programmePath(String(identical.programmeId)))}>
            {t("import.openProgramme")}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** Upload → preview of the parsed programme and its findings → save or cancel. */
export function ImportPage() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState<Source | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [dragging, setDragging] = useState(false);
  const [identical, setIdentical] = useState<Identical | null>(null);

  const recognise = async (chosen: Source) => {
    setSource(chosen);
    setIdentical(null);
    // An address has no upload to follow: the server fetches and reads it at once.
    setPhase({ kind: "uploading", progress: chosen.kind === "address" ? 1 : 0 });
    try {
      const preview = await readSource<ImportPreview>(chosen, {
        dryRun: true,
        onProgress: (progress) => setPhase({ kind: "uploading", progress }),
      });
      setPhase({ kind: "preview", preview });
    } catch (error) {
      setPhase({ kind: "error", message: errorText(error, chosen, t) });
    }
  };
  const save = async (preview: ImportPreview, unit?: MoneyUnit, saveIdentical = false) => {
    if (!source) return;
    setPhase({ kind: "saving", preview, progress: source.kind === "address" ? 1 : 0 });
    try {
      const saved = await readSource<ImportSaved>(source, {
        dryRun: false,
        ...(unit ? { unit } : {}),
        ...(saveIdentical ? { saveIdentical } : {}),
        onProgress: (progress) => setPhase({ kind: "saving", preview, progress }),
      });
      if (saved.identicalTo !== undefined) {
        setIdentical({
          programmeId: saved.programmeId,
          version: saved.identicalTo,
          ...(unit ? { unit } : {}),
        });
        setPhase({ kind: "preview", preview });
        return;
      }
      navigate(programmePath(String(saved.programmeId)));
    } catch (error) {
      setPhase({ kind: "error", message: errorText(error, source, t) });
    }
  };
  const choose = (chosen: File | null) => {
    setFile(chosen);
    if (!chosen) return;
    if (!ACCEPTED.test(chosen.name)) return setPhase({ kind: "error", message: t("import.wrongType") });
    void recognise({ kind: "file", file: chosen });
  };
  const fetchAddress = (url: string) => {
    setFile(null);
    void recognise({ kind: "address", url });
  };
  const progress = phase.kind === "uploading" || phase.kind === "saving" ? phase.progress : null;
  const reading = progress !== null && progress >= 1;
  const seconds = useElapsedSeconds(reading);
  const readingText =
    source?.kind === "address"
      ? t("import.fetching", { s: seconds })
      : file && SLOW.test(file.name)
        ? t("import.converting", { s: seconds })
        : t("import.parsing");

  const other = phase.kind === "preview" || phase.kind === "saving" ? otherReading(phase.preview) : null;
  return (
    <Stack>
      <Title order={1} size="h2">
        {t("import.heading")}
      </Title>
      <Text>{t("import.hint")}</Text>
      <Paper
        withBorder
        p="lg"
        style={{
          borderStyle: "dashed",
          borderWidth: 2,
          background: dragging ? "var(--mantine-color-blue-0)" : undefined,
        }}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          choose(e.dataTransfer.files[0] ?? null);
        }}
      >
        <Stack gap="xs">
          <Text>{t("import.drop")}</Text>
          <FileInput
            label={t("import.file")}
            placeholder={t("import.choose")}
            accept={ACCEPT}
            value={file}
            onChange={choose}
            clearable
            maw={480}
          />
        </Stack>
      </Paper>
      <AddressForm busy={phase.kind === "uploading" && source?.kind === "address"} onSubmit={fetchAddress} />
      {progress !== null && (
        <Box>
          <Text size="sm" id="upload-progress-label">
            {progress < 1 ? t("import.uploading", { p: Math.round(progress * 100) }) : readingText}
          </Text>
          <Progress value={progress * 100} aria-labelledby="upload-progress-label" animated={progress >= 1} />
        </Box>
      )}
      {phase.kind === "error" && (
        <Alert color="red" role="alert">
          {phase.message}
        </Alert>
      )}
      {(phase.kind === "preview" || phase.kind === "saving") && (
        <>
          <Paper withBorder p="sm" className="edit-bar">
            <Group justify="space-between">
              <div>
                <Title order={2} size="h4">
                  {t("import.preview")}
                </Title>
                <Text size="sm">{t("import.previewHint")}</Text>
                {source?.kind === "address" && (
                  <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                    {t("import.from", { url: source.url })}
                  </Text>
                )}
              </div>
              <Group>
                <Button
                  variant="default"
                  onClick={() => {
                    setFile(null);
                    setSource(null);
                    setIdentical(null);
                    setPhase({ kind: "idle" });
                  }}
                >
                  {t("common.cancel")}
                </Button>
                {!identical && other && (
                  <Button
                    variant="light"
                    onClick={() => save(phase.preview, other)}
                    loading={phase.kind === "saving"}
                  >
                    {t(other === "thousand" ? "import.saveAsThousand" : "import.saveAsUah")}
                  </Button>
                )}
                {!identical && (
                  <Button onClick={() => save(phase.preview)} loading={phase.kind === "saving"}>
                    {t("common.save")}
                  </Button>
                )}
              </Group>
            </Group>
            {!identical && other && (
              <Text size="sm" mt="xs">
                {t(other === "thousand" ? "import.saveAsThousandHint" : "import.saveAsUahHint")}
              </Text>
            )}
          </Paper>
          {identical && (
            <IdenticalNotice
              identical={identical}
              saving={phase.kind === "saving"}
              onSaveAnyway={() => save(phase.preview, identical.unit, true)}
            />
          )}
          <Preview preview={phase.preview} />
        </>
      )}
    </Stack>
  );
}
