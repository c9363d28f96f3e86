import {
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useI18n } from "../i18n/index.js";
import { STATUSES } from "../lib/api.js";
import { CROSS_COMMUNITY_UNIT, formatAmountIn, formatDate, formatPeriod } from "../lib/format.js";
import { navigate, programmePath } from "../lib/router.js";
import { Pill } from "../shared/Pill.js";
import type { DataSource } from "./data.js";
import { useAsync } from "./useAsync.js";

const YEAR_CHOICES = Array.from({ length: 8 }, (_, index) => String(2024 + index));

export function ListPage({ source, editable }: { source: DataSource; editable: boolean }) {
  const { t, lang } = useI18n();
  const [q, setQ] = useState("");
  const [year, setYear] = useState("");
  const [status, setStatus] = useState("");
  const [katottg, setKatottg] = useState("");
  const [debouncedQ] = useDebouncedValue(q, 250);
  const [debouncedKatottg] = useDebouncedValue(katottg, 250);
  const [state, retry] = useAsync(
    () => source.list({ q: debouncedQ, year, status, katottg: debouncedKatottg }),
    [source, debouncedQ, year, status, debouncedKatottg],
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t("list.heading")}
        </Title>
        {editable && (
          <Button
            component="a"
            href="/import"
            onClick={(e: React.MouseEvent) => {
              e.preventDefault();
              navigate("/import");
            }}
          >
            {t("nav.import")}
          </Button>
        )}
      </Group>
      <Group align="flex-end" wrap="wrap" role="search">
        <TextInput
          label={t("list.search")}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          style={{ flex: "1 1 260px" }}
        />
        <NativeSelect
          label={t("list.year")}
          value={year}
          onChange={(e) => setYear(e.currentTarget.value)}
          data={[{ value: "", label: t("list.any") }, ...YEAR_CHOICES]}
        />
        <NativeSelect
          label={t("list.status")}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          data={[
            { value: "", label: t("list.any") },
            ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
        />
        <TextInput
          label={t("list.community")}
          placeholder="UA…"
          value={katottg}
          onChange={(e) => setKatottg(e.currentTarget.value)}
        />
      </Group>
      {state.status === "error" && (
        <Alert color="red" title={t("common.error")}>
          {state.error.message}{" "}
          <Button size="xs" variant="white" onClick={retry}>
            {t("common.retry")}
          </Button>
        </Alert>
      )}
      {state.status === "loading" && <Text>{t("common.loading")}</Text>}
      {state.status === "ready" && (
        <>
          <Text size="sm" aria-live="polite">
            {t("list.count", { n: state.value.length })}
          </Text>
          {state.value.length === 0 ? (
            <Text>{t("list.empty")}</Text>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover withTableBorder>
                <caption className="visually-hidden">{t("list.heading")}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("list.col.community")}</Table.Th>
                    <Table.Th scope="col">{t("list.col.title")}</Table.Th>
                    <Table.Th scope="col">{t("list.col.period")}</Table.Th>
                    <Table.Th scope="col" className="num">
                      {t("list.col.total")}
                    </Table.Th>
                    <Table.Th scope="col">{t("list.col.status")}</Table.Th>
                    <Table.Th scope="col">{t("list.col.findings")}</Table.Th>
                    <Table.Th scope="col">{t("list.col.updated")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {state.value.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        {p.communityName}
                        <Text size="xs" c="dimmed">
                          {p.katottg}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Anchor
                          href={programmePath(p.id)}
                          onClick={(e) => {
                            e.preventDefault();
                            navigate(programmePath(p.id));
                          }}
                        >
                          {p.title || "—"}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{formatPeriod({ from: p.periodFrom, to: p.periodTo })}</Table.Td>
                      <Table.Td className="num">
                        {formatAmountIn(p.totalKopecks, CROSS_COMMUNITY_UNIT, lang)}
                      </Table.Td>
                      <Table.Td>
                        <Pill tone={p.status === "published" ? "ok" : "neutral"}>
                          {STATUSES.includes(p.status) ? t(`status.${p.status}`) : p.status}
                        </Pill>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {p.errors > 0 && <Pill tone="error">{t("list.errors", { n: p.errors })}</Pill>}
                          {p.warnings > 0 && (
                            <Pill tone="warning">{t("list.warnings", { n: p.warnings })}</Pill>
                          )}
                          {p.errors === 0 && p.warnings === 0 && "—"}
                        </Group>
                      </Table.Td>
                      <Table.Td>{formatDate(p.updatedAt, lang)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </Stack>
  );
}
