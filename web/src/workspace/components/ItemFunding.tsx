import { Table } from "@mantine/core";
import type { FundingRow } from "../../../../src/domain/model.js";
import { useI18n } from "../../i18n/index.js";
import { formatThousands } from "../../lib/format.js";
import { sourceLabels } from "../../shared/sources.js";

/** The funding rows of one task, read-only. */
export function ItemFunding({ rows, yearList }: { rows: FundingRow[]; yearList: string[] }) {
  const { t, lang } = useI18n();
  if (rows.length === 0) return null;
  const labels = sourceLabels(lang);
  return (
    <div style={{ overflowX: "auto" }}>
      <Table fz="sm" withRowBorders={false} verticalSpacing={2}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("funding.source")}</Table.Th>
            {yearList.map((year) => (
              <Table.Th scope="col" key={year} className="num">
                {year}
              </Table.Th>
            ))}
            <Table.Th scope="col" className="num">
              {t("common.total")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
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
