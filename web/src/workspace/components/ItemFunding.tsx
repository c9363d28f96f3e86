import { Table } from "@mantine/core";
import type { FundingRow } from "../../../../src/domain/model.js";
import { useI18n } from "../../i18n/index.js";
import { FundingHead } from "../../shared/FundingHead.js";
import { useMoney } from "../../shared/money.js";
import { sourceLabels } from "../../shared/sources.js";

/** The funding rows of one task, read-only; amounts for several years at once under their span ("2026-2027"). */
export function ItemFunding({ rows, yearList }: { rows: FundingRow[]; yearList: string[] }) {
  const { lang } = useI18n();
  const { amount: format } = useMoney();
  if (rows.length === 0) return null;
  const labels = sourceLabels(lang);
  const spans = [...new Set(rows.flatMap((row) => Object.keys(row.spans ?? {})))].sort();
  const columns = [...yearList, ...spans];
  const amount = (row: FundingRow, column: string) => row.byYear[column] ?? row.spans?.[column];
  return (
    <div style={{ overflowX: "auto" }}>
      <Table fz="sm" withRowBorders={false} verticalSpacing={2}>
        <FundingHead yearList={columns} />
        <Table.Tbody>
          {rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position
            <Table.Tr key={index}>
              <Table.Td>{row.label || labels[row.source]}</Table.Td>
              {columns.map((column) => {
                const value = amount(row, column);
                return (
                  <Table.Td key={column} className="num">
                    {value === undefined ? "—" : format(value)}
                  </Table.Td>
                );
              })}
              <Table.Td className="num" fw={600}>
                {row.note && row.total === 0 ? row.note : format(row.total)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
