import { Table } from "@mantine/core";
import type { FundingRow } from "../../../../src/domain/model.js";
import { useI18n } from "../../i18n/index.js";
import { formatThousands } from "../../lib/format.js";
import { FundingHead } from "../../shared/FundingHead.js";
import { sourceLabels } from "../../shared/sources.js";

/** The funding rows of one task, read-only. */
export function ItemFunding({ rows, yearList }: { rows: FundingRow[]; yearList: string[] }) {
  const { lang } = useI18n();
  if (rows.length === 0) return null;
  const labels = sourceLabels(lang);
  return (
    <div style={{ overflowX: "auto" }}>
      <Table fz="sm" withRowBorders={false} verticalSpacing={2}>
        <FundingHead yearList={yearList} />
        <Table.Tbody>
          {rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position
            <Table.Tr key={index}>
              <Table.Td>{row.label || labels[row.source]}</Table.Td>
              {yearList.map((year) => (
                <Table.Td key={year} className="num">
                  {row.byYear[year] === undefined ? "—" : formatThousands(row.byYear[year], lang)}
                </Table.Td>
              ))}
              <Table.Td className="num" fw={600}>
                {row.note && row.total === 0 ? row.note : formatThousands(row.total, lang)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
