/**
 * Agreement with the Ministry in the workspace: the reviewers' queue (/agreement) and one programme's
 * agreement (/agreement/:id): its state and history, the steps the user may take, the automatic
 * primary expertise, and the remarks with their answers.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { type ReactNode, useCallback, useEffect, useState } from "react";
import type {
  AgreementView,
  ExpertiseReportView,
  QueuePage as QueuePageView,
} from "../../../src/contract/agreement.js";
import { type AgreementAction, STATE_LABELS, STEPS } from "../../../src/domain/agreement/lifecycle.js";
import { useI18n } from "../i18n/index.js";
import { apiRequest } from "../lib/api.js";
import { navigate } from "../lib/router.js";

type Text2 = { uk: string; en: string };
const M = {
  queue: { uk: "Черга на погодження", en: "Agreement queue" },
  community: { uk: "Громада", en: "Community" },
  programme: { uk: "Програма", en: "Programme" },
  state: { uk: "Стан", en: "State" },
  waiting: { uk: "Очікує з", en: "Waiting since" },
  empty: { uk: "Немає проєктів, що чекають рішення.", en: "No drafts are waiting for a decision." },
  oblast: { uk: "Область (код UAxx)", en: "Oblast (code UAxx)" },
  history: { uk: "Історія погодження", en: "Agreement history" },
  expertise: { uk: "Первинна експертиза", en: "Primary expertise" },
  docx: { uk: "Завантажити DOCX", en: "Download DOCX" },
  letter: { uk: "Лист Мінцифри (DOCX)", en: "The Ministry's letter (DOCX)" },
  remarks: { uk: "Зауваження", en: "Remarks" },
  where: {
    uk: "Місце (passport:7, indicator:0, item:d1.1.1…)",
    en: "Place (passport:7, indicator:0, item:d1.1.1…)",
  },
  remarkText: { uk: "Текст зауваження", en: "Remark" },
  addRemark: { uk: "Додати зауваження", en: "Add remark" },
  answer: { uk: "Відповідь", en: "Answer" },
  how: { uk: "Як враховано", en: "How addressed" },
  changed: { uk: "Враховано зі зміною", en: "Accepted with a change" },
  explained: { uk: "Пояснено", en: "Explained" },
  send: { uk: "Надіслати відповідь", en: "Send answer" },
  letterNumber: { uk: "Номер листа", en: "Letter number" },
  letterDate: { uk: "Дата листа", en: "Letter date" },
  decisionTitle: { uk: "Назва рішення ради", en: "Council decision title" },
  decisionNumber: { uk: "Номер рішення", en: "Decision number" },
  decisionDate: { uk: "Дата рішення", en: "Decision date" },
  requirement: { uk: "Вимога", en: "Requirement" },
  met: { uk: "виконано", en: "met" },
  "not-met": { uk: "не виконано", en: "not met" },
  "cannot-tell": { uk: "не визначено", en: "cannot tell" },
  crossChecks: { uk: "Перехресні перевірки", en: "Cross-checks" },
  noAnswer: { uk: "ще без відповіді", en: "not answered yet" },
  version: { uk: "версія", en: "version" },
} satisfies Record<string, Text2>;

function useText() {
  const { lang } = useI18n();
  return (key: keyof typeof M) => M[key][lang];
}

function useLoad<T>(load: () => Promise<T>): { data: T | null; error: string | null; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    load().then(setData, (failure: Error) => setError(failure.message));
  }, [load]);
  useEffect(reload, [reload]);
  return { data, error, reload };
}

export function QueuePage() {
  const t = useText();
  const { lang } = useI18n();
  const [oblast, setOblast] = useState("");
  const load = useCallback(
    () =>
      apiRequest<QueuePageView>(
        "GET",
        `/api/agreement/queue${/^UA\d{2}$/.test(oblast) ? `?oblast=${oblast}` : ""}`,
      ),
    [oblast],
  );
  const { data, error } = useLoad(load);
  return (
    <Stack>
      <Title order={1}>{t("queue")}</Title>
      <TextInput
        label={t("oblast")}
        value={oblast}
        onChange={(event) => setOblast(event.currentTarget.value.trim())}
        maw={240}
      />
      {error && <Alert color="red">{error}</Alert>}
      {data && data.data.length === 0 && <Text>{t("empty")}</Text>}
      {data && data.data.length > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("community")}</Table.Th>
              <Table.Th>{t("programme")}</Table.Th>
              <Table.Th>{t("state")}</Table.Th>
              <Table.Th>{t("waiting")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.data.map((row) => (
              <Table.Tr key={row.programmeId}>
                <Table.Td>{row.community}</Table.Td>
                <Table.Td>
                  <Anchor
                    href={`/agreement/${row.programmeId}`}
                    onClick={(event) => {
                      event.preventDefault();
                      navigate(`/agreement/${row.programmeId}`);
                    }}
                  >
                    {row.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{STATE_LABELS[row.state][lang]}</Table.Td>
                <Table.Td>
                  {new Date(row.updatedAt).toLocaleDateString(lang === "uk" ? "uk-UA" : "en-GB")}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function StepForm({
  id,
  action,
  onDone,
}: {
  id: number;
  action: AgreementAction;
  onDone: (error?: string) => void;
}) {
  const t = useText();
  const { lang } = useI18n();
  const [fields, setFields] = useState({ number: "", date: "", title: "" });
  const set = (key: keyof typeof fields) => (event: { currentTarget: { value: string } }) =>
    setFields({ ...fields, [key]: event.currentTarget.value });
  const body: Record<string, unknown> = { action };
  if (action === "agree") body.letter = { number: fields.number, date: fields.date };
  if (action === "approve") body.decision = { title: fields.title, number: fields.number, date: fields.date };
  const submit = () =>
    apiRequest("POST", `/api/agreement/${id}/steps`, body).then(
      () => onDone(),
      (failure: Error) => onDone(failure.message),
    );
  return (
    <Group align="end">
      {action === "approve" && (
        <TextInput label={t("decisionTitle")} value={fields.title} onChange={set("title")} />
      )}
      {(action === "agree" || action === "approve") && (
        <>
          <TextInput
            label={t(action === "agree" ? "letterNumber" : "decisionNumber")}
            value={fields.number}
            onChange={set("number")}
          />
          <TextInput
            type="date"
            label={t(action === "agree" ? "letterDate" : "decisionDate")}
            value={fields.date}
            onChange={set("date")}
          />
        </>
      )}
      <Button onClick={submit} variant={action === "return" ? "default" : "filled"}>
        {STEPS[action].label[lang]}
      </Button>
    </Group>
  );
}

function ExpertisePanel({ id, report }: { id: number; report: ExpertiseReportView }) {
  const t = useText();
  const { lang } = useI18n();
  const color = { met: "green", "not-met": "red", "cannot-tell": "gray" } as const;
  return (
    <Stack>
      <Group>
        <Title order={2}>{t("expertise")}</Title>
        <Anchor href={`/api/agreement/${id}/expertise.docx`}>{t("docx")}</Anchor>
      </Group>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("requirement")}</Table.Th>
            <Table.Th>{t("state")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.checklist.map((entry) => (
            <Table.Tr key={entry.key}>
              <Table.Td>{entry.requirement[lang]}</Table.Td>
              <Table.Td>
                <Badge color={color[entry.status]}>{t(entry.status)}</Badge>{" "}
                <Text span size="sm">
                  {entry.note} · {entry.ref}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={3}>{t("crossChecks")}</Title>
      {report.crossChecks.map((each) => (
        <Text key={`${each.code}-${each.location.ref}`} size="sm">
          <Badge variant="light">{each.code}</Badge> {each.message}
        </Text>
      ))}
    </Stack>
  );
}

function RemarkList({
  view,
  reviewer,
  onChange,
}: {
  view: AgreementView;
  reviewer: boolean;
  onChange: (error?: string) => void;
}) {
  const t = useText();
  const [draft, setDraft] = useState({ ref: "passport:7", text: "" });
  const [answers, setAnswers] = useState<Record<number, { kind: string; text: string }>>({});
  const post = (url: string, body: unknown) =>
    apiRequest("POST", url, body).then(
      () => onChange(),
      (failure: Error) => onChange(failure.message),
    );
  const canAnswer = !reviewer && view.state === "remarks";
  return (
    <Stack>
      <Title order={2}>{t("remarks")}</Title>
      {view.remarks.map((remark) => {
        const answer = answers[remark.id] ?? { kind: "changed", text: "" };
        return (
          <Stack
            key={remark.id}
            gap={4}
            p="sm"
            style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: 6 }}
          >
            <Text size="sm" fw={600}>
              {remark.ref} · {t("version")} {remark.version}
            </Text>
            <Text>{remark.text}</Text>
            <Text size="sm" c="dimmed">
              {remark.answer
                ? `${t(remark.answer.kind)}: ${remark.answer.text}${remark.answer.version ? ` (${t("version")} ${remark.answer.version})` : ""}`
                : t("noAnswer")}
            </Text>
            {canAnswer && !remark.answer && remark.returnedIn !== null && (
              <Group align="end">
                <Select
                  label={t("how")}
                  data={[
                    { value: "changed", label: t("changed") },
                    { value: "explained", label: t("explained") },
                  ]}
                  value={answer.kind}
                  onChange={(kind) =>
                    setAnswers({ ...answers, [remark.id]: { ...answer, kind: kind ?? "changed" } })
                  }
                />
                <TextInput
                  label={t("answer")}
                  value={answer.text}
                  onChange={(event) =>
                    setAnswers({ ...answers, [remark.id]: { ...answer, text: event.currentTarget.value } })
                  }
                />
                <Button
                  onClick={() =>
                    post(`/api/agreement/${view.programmeId}/remarks/${remark.id}/answer`, answer)
                  }
                >
                  {t("send")}
                </Button>
              </Group>
            )}
          </Stack>
        );
      })}
      {reviewer && (view.state === "submitted" || view.state === "resubmitted") && (
        <Group align="end">
          <TextInput
            label={t("where")}
            value={draft.ref}
            onChange={(event) => setDraft({ ...draft, ref: event.currentTarget.value })}
          />
          <Textarea
            label={t("remarkText")}
            value={draft.text}
            onChange={(event) => setDraft({ ...draft, text: event.currentTarget.value })}
            autosize
            miw={320}
          />
          <Button
            onClick={() =>
              post(`/api/agreement/${view.programmeId}/remarks`, draft).then(() =>
                setDraft({ ...draft, text: "" }),
              )
            }
          >
            {t("addRemark")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

export function AgreementPage({ id, reviewer }: { id: number; reviewer: boolean }) {
  const t = useText();
  const { lang } = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  const loadView = useCallback(() => apiRequest<AgreementView>("GET", `/api/agreement/${id}`), [id]);
  const loadExpertise = useCallback(
    () => apiRequest<ExpertiseReportView>("GET", `/api/agreement/${id}/expertise`),
    [id],
  );
  const view = useLoad(loadView);
  const expertise = useLoad(loadExpertise);
  const done = (error?: string) => {
    setMessage(error ?? null);
    view.reload();
    expertise.reload();
  };
  if (view.error) return <Alert color="red">{view.error}</Alert>;
  if (!view.data) return <Text>…</Text>;
  const decided = view.data.events.some((event) => event.action === "agree" || event.action === "return");
  const section = (children: ReactNode) => (
    <Stack p="md" style={{ background: "var(--mantine-color-gray-0)", borderRadius: 8 }}>
      {children}
    </Stack>
  );
  return (
    <Stack>
      <Title order={1}>
        {t("state")}: <span data-testid="agreement-state">{STATE_LABELS[view.data.state][lang]}</span>
      </Title>
      {message && (
        <Alert color="red" role="alert">
          {message}
        </Alert>
      )}
      <Group>
        {view.data.steps.map((action) => (
          <StepForm key={action} id={id} action={action} onDone={done} />
        ))}
        {decided && <Anchor href={`/api/agreement/${id}/letter.docx`}>{t("letter")}</Anchor>}
      </Group>
      {section(<RemarkList view={view.data} reviewer={reviewer} onChange={done} />)}
      {expertise.data && section(<ExpertisePanel id={id} report={expertise.data} />)}
      {section(
        <>
          <Title order={2}>{t("history")}</Title>
          {view.data.events.map((event) => (
            <Text key={event.id} size="sm">
              {new Date(event.at).toLocaleString(lang === "uk" ? "uk-UA" : "en-GB")} ·{" "}
              {STEPS[event.action as AgreementAction]?.label[lang] ?? event.action} · {t("version")}{" "}
              {event.version}
            </Text>
          ))}
        </>,
      )}
    </Stack>
  );
}
