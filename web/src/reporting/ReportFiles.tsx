/**
 * The files attached to one report (a contract, an act): a download link for each, and on a draft an
 * upload field and a remove button. The server tells the type by content and refuses the rest.
 */
import { ActionIcon, Alert, Anchor, Group, Stack, Text } from "@mantine/core";
import { type ChangeEvent, useCallback, useEffect, useId, useState } from "react";
import type { AttachmentInfo } from "../../../src/contract/report-attachments.js";
import { ApiError } from "../lib/api.js";
import { attachmentUrl, reportingApi, type StoredReport } from "./reportingApi.js";
import { useReportingText } from "./text.js";

const ACCEPT = ".pdf,.docx,.odt,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

/** "12 КБ", "1,5 МБ". */
export function fileSize(bytes: number, lang: "uk" | "en"): string {
  const [kb, mb] = lang === "uk" ? ["КБ", "МБ"] : ["KB", "MB"];
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} ${kb}`;
  const value = (bytes / (1024 * 1024)).toFixed(1);
  return `${lang === "uk" ? value.replace(".", ",") : value} ${mb}`;
}

/** The report's files, read again when the report changes or `reload` is called. */
function useFiles(programmeId: string, reportId: string | undefined) {
  const [files, setFiles] = useState<AttachmentInfo[]>([]);
  const [round, setRound] = useState(0);
  const read = useCallback(
    async (_round: number) => setFiles(reportId ? await reportingApi.files(programmeId, reportId) : []),
    [programmeId, reportId],
  );
  useEffect(() => {
    read(round).catch(() => setFiles([]));
  }, [read, round]);
  return { files, reload: () => setRound((was) => was + 1) };
}

interface Props {
  programmeId: string;
  report: StoredReport | undefined;
  /** With it, files can be added and removed; it returns the draft to attach to (saving it first). */
  ensureDraft?: () => Promise<StoredReport | null>;
}

export function ReportFiles({ programmeId, report, ensureDraft }: Props) {
  const { rt, lang } = useReportingText();
  const inputId = useId();
  const { files, reload } = useFiles(programmeId, report?.id);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const editable = ensureDraft !== undefined;

  const failure = (error: unknown) =>
    setMessage({ ok: false, text: error instanceof ApiError ? error.message : String(error) });

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file || !ensureDraft) return;
    setBusy(true);
    setMessage(null);
    try {
      const draft = await ensureDraft();
      if (!draft) return;
      await reportingApi.attach(programmeId, draft.id, file);
      setMessage({ ok: true, text: rt("files.uploaded", { name: file.name }) });
      reload();
    } catch (error) {
      failure(error);
    } finally {
      input.value = "";
      setBusy(false);
    }
  }

  async function remove(file: AttachmentInfo) {
    if (!report) return;
    try {
      await reportingApi.detach(programmeId, report.id, file.id);
      setMessage(null);
      reload();
    } catch (error) {
      failure(error);
    }
  }

  if (!editable && files.length === 0) return null;
  return (
    <Stack gap={6} data-testid="report-files">
      <Text fw={600}>{rt("files.heading")}</Text>
      {files.length === 0 && <Text size="sm">{rt("files.none")}</Text>}
      {files.map((file) => (
        <Group key={file.id} gap="xs" wrap="nowrap">
          <Anchor
            href={report ? attachmentUrl(programmeId, report.id, file.id) : undefined}
            download={file.name}
          >
            {file.name}
          </Anchor>
          <Text size="sm" c="dimmed">
            {fileSize(file.size, lang)}
          </Text>
          {editable && (
            <ActionIcon
              variant="default"
              size="sm"
              aria-label={rt("files.remove", { name: file.name })}
              onClick={() => remove(file)}
            >
              ×
            </ActionIcon>
          )}
        </Group>
      ))}
      {editable && (
        <Stack gap={4}>
          <label htmlFor={inputId}>
            <Text size="sm">{rt("files.add")}</Text>
          </label>
          <input
            id={inputId}
            type="file"
            accept={ACCEPT}
            disabled={busy}
            onChange={upload}
            className="file-input"
          />
          {busy && (
            <Text size="sm" role="status">
              {rt("files.uploading")}
            </Text>
          )}
        </Stack>
      )}
      {message && (
        <Alert color={message.ok ? "green" : "red"} role={message.ok ? "status" : "alert"}>
          {message.text}
        </Alert>
      )}
    </Stack>
  );
}
