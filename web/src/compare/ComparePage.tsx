import { Alert, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useEffect, useMemo, useState } from "react";
import type { CompareCommunity, CompareProgramme } from "../../../src/contract/national.js";
import { formatAmount } from "../../../src/domain/money.js";

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

function perResident(kopecks: number | null): string {
  return kopecks === null ? "—" : `${formatAmount(kopecks, "uah")} грн`;
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
  const columns = communities.flatMap((community) =>
    community.programmes.map((programme) => ({ community, programme, sums: byCategory(programme) })),
  );
  const categories = useMemo(() => {
    const labels = new Map<string, string>();
    for (const column of columns) for (const [id, { label }] of column.sums) labels.set(id, label);
    return [...labels.entries()];
  }, [columns]);
  return (
    <Table striped withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Категорія, тис. грн</Table.Th>
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
                {formatAmount(sums.get(id)?.amount ?? 0, "thousand")}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Th>Усього</Table.Th>
          {columns.map(({ programme }) => (
            <Table.Th key={programme.programme_id} ta="right">
              {formatAmount(programme.total_kopecks, "thousand")}
            </Table.Th>
          ))}
        </Table.Tr>
        <Table.Tr>
          <Table.Th>На одного мешканця</Table.Th>
          {columns.map(({ programme }) => (
            <Table.Th key={programme.programme_id} ta="right">
              {perResident(programme.per_resident_kopecks)}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

/** Side-by-side comparison of 2–10 communities' published programmes (GET /api/v1/compare). */
export function ComparePage({ initialCodes = [], apiBase = "" }: ComparePageProps) {
  const [text, setText] = useState(initialCodes.join(", "));
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
      if (!response.ok) throw new Error(`Помилка ${response.status}`);
      setCommunities(((await response.json()) as { communities: CompareCommunity[] }).communities);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setLoading(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const codes = parseCodes(text);
    if (codes.length < MIN || codes.length > MAX) {
      setError(`Вкажіть від ${MIN} до ${MAX} кодів КАТОТТГ`);
      return;
    }
    void load(codes);
  }

  // Codes arriving in the URL (e.g. from the national view) are compared at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the codes the page opened with
  useEffect(() => {
    const codes = parseCodes(initialCodes.join(","));
    if (codes.length >= MIN && codes.length <= MAX) void load(codes);
  }, []);

  return (
    <Stack>
      <Title order={2}>Порівняння громад</Title>
      <Paper withBorder p="md" component="form" onSubmit={submit}>
        <Group align="end">
          <TextInput
            flex={1}
            label="Коди КАТОТТГ через кому"
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
          />
          <Button type="submit" loading={loading}>
            Порівняти
          </Button>
        </Group>
      </Paper>
      {error && <Alert color="red">{error}</Alert>}
      {communities && communities.length === 0 && (
        <Alert color="gray">Оприлюднених програм цих громад не знайдено.</Alert>
      )}
      {communities && communities.length > 0 && <CategoryTable communities={communities} />}
    </Stack>
  );
}
