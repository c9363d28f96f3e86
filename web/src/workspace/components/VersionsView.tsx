import { Alert, Group, List, NativeSelect, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useI18n } from "../../i18n/index.js";
import type { VersionInfo } from "../../lib/api.js";
import { diffVersions, isEmptyDiff, type VersionDiff } from "../../lib/diff.js";
import { formatDateTime } from "../../lib/format.js";
import { withKeys } from "../../lib/keys.js";
import { useMoney } from "../../shared/money.js";
import type { DataSource } from "../data.js";
import { useAsync } from "../useAsync.js";

function DiffView({ diff }: { diff: VersionDiff }) {
  const { t } = useI18n();
  const { amount: format, money, unitName } = useMoney();
  if (isEmptyDiff(diff)) return <Text>{t("versions.same")}</Text>;
  const amount = (value: number | null) => (value === null ? "—" : format(value));
  const yearChanges = diff.amountsChanged.filter((change) => change.year !== null);
  return (
    <Stack>
      <Text>
        {t("common.total")}: <del>{money(diff.total.before)}</del> → <ins>{money(diff.total.after)}</ins>
      </Text>
      {diff.itemsAdded.length > 0 && (
        <section>
          <Title order={3} size="h5" c="green.9">
            {t("versions.added")} ({diff.itemsAdded.length})
          </Title>
          <List>
            {diff.itemsAdded.map((item) => (
              <List.Item key={item.id}>
                + {item.number} {item.title}
              </List.Item>
            ))}
          </List>
        </section>
      )}
      {diff.itemsRemoved.length > 0 && (
        <section>
          <Title order={3} size="h5" c="red.9">
            {t("versions.removed")} ({diff.itemsRemoved.length})
          </Title>
          <List>
            {diff.itemsRemoved.map((item) => (
              <List.Item key={item.id}>
                − {item.number} {item.title}
              </List.Item>
            ))}
          </List>
        </section>
      )}
      {diff.itemsRetitled.length > 0 && (
        <section>
          <Title order={3} size="h5">
            {t("versions.retitled")} ({diff.itemsRetitled.length})
          </Title>
          <List>
            {diff.itemsRetitled.map(({ before, after }) => (
              <List.Item key={after.id}>
                <del>{before.title}</del> → <ins>{after.title}</ins>
              </List.Item>
            ))}
          </List>
        </section>
      )}
      {yearChanges.length > 0 && (
        <section>
          <Title order={3} size="h5">
            {t("versions.amounts")} ({yearChanges.length})
          </Title>
          <Table.ScrollContainer minWidth={560}>
            <Table striped withTableBorder fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("tree.task")}</Table.Th>
                  <Table.Th scope="col">{t("funding.sourceUnit", { unit: unitName })}</Table.Th>
                  <Table.Th scope="col">{t("versions.year")}</Table.Th>
                  <Table.Th scope="col" className="num">
                    {t("versions.before")}
                  </Table.Th>
                  <Table.Th scope="col" className="num">
                    {t("versions.after")}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {withKeys(yearChanges, (c) => `${c.item.id}|${c.source}|${c.label}|${c.year}`).map(
                  ({ key, value: change }) => (
                    <Table.Tr key={key}>
                      <Table.Td>
                        {change.item.number} {change.item.title}
                      </Table.Td>
                      <Table.Td>{change.label}</Table.Td>
                      <Table.Td>{change.year}</Table.Td>
                      <Table.Td className="num">
                        <del>{amount(change.before)}</del>
                      </Table.Td>
                      <Table.Td className="num">
                        <ins>{amount(change.after)}</ins>
                      </Table.Td>
                    </Table.Tr>
                  ),
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>
      )}
      {diff.fields.length > 0 && (
        <section>
          <Title order={3} size="h5">
            {t("versions.fields")} ({diff.fields.length})
          </Title>
          <List>
            {diff.fields.map((change) => (
              <List.Item key={change.field}>
                <b>{change.label || change.field}</b>: <del>{change.before || "—"}</del> →{" "}
                <ins>{change.after || "—"}</ins>
              </List.Item>
            ))}
          </List>
        </section>
      )}
    </Stack>
  );
}

/** The version list and a readable diff between any two versions. */
export function VersionsView({
  id,
  versions,
  source,
}: {
  id: string;
  versions: VersionInfo[];
  source: DataSource;
}) {
  const { t, lang } = useI18n();
  const latest = versions.at(-1)?.version ?? 1;
  const [from, setFrom] = useState(String(Math.max(1, latest - 1)));
  const [to, setTo] = useState(String(latest));
  const [state] = useAsync(async () => {
    const [before, after] = await Promise.all([source.get(id, Number(from)), source.get(id, Number(to))]);
    return diffVersions(before.programme, after.programme);
  }, [id, from, to, source]);
  const choices = versions.map((v) => ({
    value: String(v.version),
    label: `${v.version} · ${formatDateTime(v.createdAt, lang)}`,
  }));
  return (
    <Stack>
      <Table.ScrollContainer minWidth={560}>
        <Table striped withTableBorder>
          <caption className="visually-hidden">{t("versions.heading")}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("versions.version")}</Table.Th>
              <Table.Th scope="col">{t("versions.created")}</Table.Th>
              <Table.Th scope="col">{t("versions.author")}</Table.Th>
              <Table.Th scope="col">{t("versions.kind")}</Table.Th>
              <Table.Th scope="col">{t("versions.source")}</Table.Th>
              <Table.Th scope="col">{t("versions.note")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((v) => (
              <Table.Tr key={v.version}>
                <Table.Td>{v.version}</Table.Td>
                <Table.Td>{formatDateTime(v.createdAt, lang)}</Table.Td>
                <Table.Td>{v.author ?? t("versions.authorUnknown")}</Table.Td>
                <Table.Td>
                  {v.kind === "import" || v.kind === "edit" ? t(`versions.kind.${v.kind}`) : v.kind}
                </Table.Td>
                <Table.Td>{v.sourceName ?? "—"}</Table.Td>
                <Table.Td>{v.note ?? "—"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Title order={3} size="h4">
        {t("versions.compare")}
      </Title>
      <Group>
        <NativeSelect
          label={t("versions.from")}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          data={choices}
        />
        <NativeSelect
          label={t("versions.to")}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          data={choices}
        />
      </Group>
      {state.status === "loading" && <Text>{t("common.loading")}</Text>}
      {state.status === "error" && <Alert color="red">{state.error.message}</Alert>}
      {state.status === "ready" && <DiffView diff={state.value} />}
    </Stack>
  );
}
