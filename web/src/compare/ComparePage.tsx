import { Alert, Button, CloseButton, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useEffect, useMemo, useState } from "react";
import type { CommunityHit } from "../../../src/contract/community-search.js";
import type { CompareCommunity, CompareProgramme } from "../../../src/contract/national.js";
import { useI18n } from "../i18n/index.js";
import { CROSS_COMMUNITY_UNIT, formatAmountIn } from "../lib/format.js";
import { formatPerResident } from "../national/nationalData.js";
import { CommunitySearch } from "../shared/CommunitySearch.js";

export interface ComparePageProps {
  /** Codes to compare at first, e.g. from the URL (?katottg=A,B). */
  initialCodes?: string[];
  /** Origin of the API; "" = same origin. */
  apiBase?: string;
}

const MIN = 2;
const MAX = 10;

function parseCodes(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((code) => code.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
}

/** Whole-period money of a programme by category (year null rows of the API). */
function byCategory(programme: CompareProgramme): Map<string, { label: string; amount: number }> {
  const out = new Map<string, { label: string; amount: number }>();
  for (const cell of programme.by_category) {
    if (cell.year !== null) continue;
    const current = out.get(cell.category);
    out.set(cell.category, { label: cell.label, amount: (current?.amount ?? 0) + cell.amount_kopecks });
  }
  return out;
}

function CategoryTable({ communities }: { communities: CompareCommunity[] }) {
  const { t, lang } = useI18n();
  const columns = communities.flatMap((community) =>
    community.programmes.map((programme) => ({ community, programme, sums: byCategory(programme) })),
  );
  const categories = useMemo(() => {
    const labels = new Map<string, string>();
    for (const column of columns) for (const [id, { label }] of column.sums) labels.set(id, label);
    return [...labels.entries()];
  }, [columns]);
  return (
    <Table.ScrollContainer minWidth={Math.max(480, 200 + 160 * columns.length)}>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("compare.category")}</Table.Th>
            {columns.map(({ community, programme }) => (
              <Table.Th key={programme.programme_id}>
                {community.name}
                <Text size="xs" c="dimmed">
                  {programme.period_from}–{programme.period_to}
                </Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {categories.map(([id, label]) => (
            <Table.Tr key={id}>
              <Table.Td>{label}</Table.Td>
              {columns.map(({ programme, sums }) => (
                <Table.Td key={programme.programme_id} ta="right">
                  {formatAmountIn(sums.get(id)?.amount ?? 0, CROSS_COMMUNITY_UNIT, lang)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th>{t("common.total")}</Table.Th>
            {columns.map(({ programme }) => (
              <Table.Th key={programme.programme_id} ta="right">
                {formatAmountIn(programme.total_kopecks, CROSS_COMMUNITY_UNIT, lang)}
              </Table.Th>
            ))}
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t("compare.perResident")}</Table.Th>
            {columns.map(({ programme }) => (
              <Table.Th key={programme.programme_id} ta="right">
                {formatPerResident(programme.per_resident_kopecks, lang)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface Chosen {
  katottg: string;
  name: string;
}

/**
 * Side-by-side comparison of 2–10 communities' published programmes (GET /api/v1/compare). Communities
 * are found by name (or a typed KATOTTG code); the chosen codes stay in the address (?katottg=A,B).
 */
export function ComparePage({ initialCodes = [], apiBase = "" }: ComparePageProps) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<Chosen[]>(() =>
    parseCodes(initialCodes.join(",")).map((katottg) => ({ katottg, name: katottg })),
  );
  const [communities, setCommunities] = useState<CompareCommunity[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  async function load(codes: string[]) {
    setLoading(true);
    setError(null);
    try {
      const response = await fetch(
        `${apiBase}/api/v1/compare?katottg=${encodeURIComponent(codes.join(","))}`,
      );
      if (!response.ok) throw new Error(`${t("common.error")} ${response.status}`);
      const found = ((await response.json()) as { communities: CompareCommunity[] }).communities;
      setCommunities(found);
      // Codes that came in the address get their names once the answer names them.
      const names = new Map(found.map((each) => [each.katottg, each.name]));
      setChosen((was) => was.map((each) => ({ ...each, name: names.get(each.katottg) ?? each.name })));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setLoading(false);
    }
  }

  function compare() {
    if (chosen.length < MIN || chosen.length > MAX) {
      setError(t("compare.needMore", { min: MIN, max: MAX }));
      return;
    }
    const codes = chosen.map((each) => each.katottg);
    history.replaceState(null, "", `/compare?katottg=${codes.join(",")}`);
    void load(codes);
  }

  function add(hit: CommunityHit) {
    setError(null);
    setChosen((was) =>
      was.some((each) => each.katottg === hit.katottg) || was.length >= MAX
        ? was
        : [...was, { katottg: hit.katottg, name: hit.name }],
    );
  }

  // Codes arriving in the URL (e.g. from the national view) are compared at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the codes the page opened with
  useEffect(() => {
    const codes = parseCodes(initialCodes.join(","));
    if (codes.length >= MIN && codes.length <= MAX) void load(codes);
  }, []);

  return (
    <Stack>
      <Title order={2}>{t("compare.heading")}</Title>
      <Paper withBorder p="md">
        <Stack>
          <CommunitySearch
            apiBase={apiBase}
            onPick={add}
            pickText={t("search.pick")}
            pickLabel={(hit) => t("search.add", { name: hit.name })}
          />
          <Stack gap={4} role="region" aria-label={t("compare.chosen", { count: chosen.length, max: MAX })}>
            <Text size="sm" fw={600}>
              {t("compare.chosen", { count: chosen.length, max: MAX })}
            </Text>
            {chosen.length === 0 ? (
              <Text size="sm">{t("compare.none", { min: MIN, max: MAX })}</Text>
            ) : (
              <Group gap="xs">
                {chosen.map((each) => (
                  <Paper key={each.katottg} withBorder px="xs" py={2} radius="xl" maw="100%">
                    <Group gap={4} wrap="nowrap">
                      <Text size="sm" truncate>
                        {each.name}
                      </Text>
                      <CloseButton
                        size="sm"
                        aria-label={t("compare.remove", { name: each.name })}
                        onClick={() =>
                          setChosen((was) => was.filter((other) => other.katottg !== each.katottg))
                        }
                      />
                    </Group>
                  </Paper>
                ))}
              </Group>
            )}
          </Stack>
          <Group>
            <Button onClick={compare} loading={loading}>
              {t("compare.run")}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {error && <Alert color="red">{error}</Alert>}
      {communities && communities.length === 0 && <Alert color="gray">{t("compare.empty")}</Alert>}
      {communities && communities.length > 0 && <CategoryTable communities={communities} />}
    </Stack>
  );
}
