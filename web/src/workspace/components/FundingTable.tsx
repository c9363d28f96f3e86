import { Group, NativeSelect, Table, Text, TextInput } from "@mantine/core";
import { memo, useDeferredValue, useMemo, useState } from "react";
import { type Programme, SOURCE_KINDS, years } from "../../../../src/domain/model.js";
import { useI18n } from "../../i18n/index.js";
import {
  type FundingTableRow,
  filterRows,
  fundingTableRows,
  type RowFilters,
  type SortColumn,
  type SortSpec,
  sortRows,
} from "../../lib/fundingTable.js";
import { itemDomId } from "../../lib/refs.js";
import { useMoney } from "../../shared/money.js";
import { sourceLabels } from "../../shared/sources.js";

const Row = memo(function Row({
  row,
  yearList,
  format,
  onOpenItem,
}: {
  row: FundingTableRow;
  yearList: string[];
  /** An amount in the programme's unit. */
  format: (kopecks: number) => string;
  onOpenItem: (id: string) => void;
}) {
  return (
    <Table.Tr>
      <Table.Td>
        <a
          href={`#${itemDomId(row.itemId)}`}
          onClick={(event) => {
            event.preventDefault();
            onOpenItem(row.itemId);
          }}
        >
          {row.number || "→"}
        </a>
      </Table.Td>
      <Table.Td style={{ minWidth: 240 }}>{row.title}</Table.Td>
      <Table.Td>{row.label}</Table.Td>
      {yearList.map((year) => (
        <Table.Td key={year} className="num">
          {row.byYear[year] === undefined ? "—" : format(row.byYear[year])}
        </Table.Td>
      ))}
      <Table.Td className="num" fw={600}>
        {format(row.total)}
      </Table.Td>
    </Table.Tr>
  );
});

function SortHeader({
  column,
  label,
  sort,
  onSort,
  numeric,
}: {
  column: SortColumn;
  label: string;
  sort: SortSpec | null;
  onSort: (c: SortColumn) => void;
  numeric?: boolean;
}) {
  const { t } = useI18n();
  const active = sort?.column === column;
  const ariaSort = active ? (sort?.direction === "asc" ? "ascending" : "descending") : "none";
  return (
    <Table.Th scope="col" aria-sort={ariaSort} className={numeric ? "num" : undefined}>
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort(column)}
        title={t("funding.sortBy", { col: label })}
      >
        {label} {active ? (sort?.direction === "asc" ? "▲" : "▼") : "↕"}
      </button>
    </Table.Th>
  );
}

/** Every funding row of every task: sortable, filterable, with a sticky header. */
export function FundingTable({
  programme,
  onOpenItem,
}: {
  programme: Programme;
  onOpenItem: (id: string) => void;
}) {
  const { t, lang } = useI18n();
  const { amount, unitName } = useMoney();
  const labels = sourceLabels(lang);
  const yearList = years(programme.period);
  const allRows = useMemo(() => fundingTableRows(programme), [programme]);
  const [filters, setFilters] = useState<RowFilters>({ text: "", source: "", direction: "" });
  const [sort, setSort] = useState<SortSpec | null>(null);
  const deferredFilters = useDeferredValue(filters);
  const rows = useMemo(
    () => sortRows(filterRows(allRows, deferredFilters), sort),
    [allRows, deferredFilters, sort],
  );
  const onSort = (column: SortColumn) =>
    setSort((current) =>
      current?.column === column && current.direction === "asc"
        ? { column, direction: "desc" }
        : { column, direction: "asc" },
    );
  return (
    <section aria-labelledby="funding-heading">
      <Group align="flex-end" gap="sm" mb="sm" wrap="wrap">
        <TextInput
          label={t("funding.filter")}
          value={filters.text}
          onChange={(e) => setFilters({ ...filters, text: e.currentTarget.value })}
        />
        <NativeSelect
          label={t("funding.source")}
          value={filters.source}
          onChange={(e) => setFilters({ ...filters, source: e.currentTarget.value as RowFilters["source"] })}
          data={[
            { value: "", label: t("list.any") },
            ...SOURCE_KINDS.map((kind) => ({ value: kind, label: labels[kind] })),
          ]}
        />
        <NativeSelect
          label={t("funding.direction")}
          value={filters.direction}
          onChange={(e) => setFilters({ ...filters, direction: e.currentTarget.value })}
          data={[
            { value: "", label: t("list.any") },
            ...programme.directions.map((d) => ({
              value: d.number,
              label: `${d.number}. ${d.title}`.slice(0, 60),
            })),
          ]}
        />
        <Text size="sm" aria-live="polite">
          {t("funding.rows", { n: rows.length, total: allRows.length })}
        </Text>
      </Group>
      <div className="sticky-table">
        <Table striped highlightOnHover withTableBorder>
          <caption className="visually-hidden" id="funding-heading">
            {t("programme.funding")}
          </caption>
          <Table.Thead>
            <Table.Tr>
              <SortHeader column="number" label={t("tree.number")} sort={sort} onSort={onSort} />
              <SortHeader column="title" label={t("tree.task")} sort={sort} onSort={onSort} />
              <SortHeader
                column="source"
                label={t("funding.sourceUnit", { unit: unitName })}
                sort={sort}
                onSort={onSort}
              />
              {yearList.map((year) => (
                <SortHeader
                  key={year}
                  column={`year:${year}`}
                  label={year}
                  sort={sort}
                  onSort={onSort}
                  numeric
                />
              ))}
              <SortHeader column="total" label={t("common.total")} sort={sort} onSort={onSort} numeric />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Row key={row.key} row={row} yearList={yearList} format={amount} onOpenItem={onOpenItem} />
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </section>
  );
}
