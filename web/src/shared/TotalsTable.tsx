import { Table } from "@mantine/core";
import { isSummedSource, type SourceKind, years } from "../../../src/domain/model.js";
import type { Kopecks } from "../../../src/domain/money.js";
import { amountColumns, emptyTotals, type Totals } from "../../../src/domain/totals.js";
import { useI18n } from "../i18n/index.js";
import { FundingHead } from "./FundingHead.js";
import { useMoney } from "./money.js";
import { sourceLabels } from "./sources.js";

/**
 * Computed totals: one row per source, one column per year, then one per span of years ("2026-2027")
 * whose amounts no single year holds, with the grand total.
 */
export function TotalsTable({
  totals,
  spans = emptyTotals(),
  period,
  caption,
}: {
  totals: Totals;
  /** Totals of the amounts printed for several years at once, keyed by span. */
  spans?: Totals;
  period: { from: number; to: number };
  caption: string;
}) {
  const { t, lang } = useI18n();
  const { amount } = useMoney();
  const labels = sourceLabels(lang);
  const yearList = amountColumns(years(period), spans);
  const ofSource = (source: SourceKind) => ({
    ...totals.bySourceByYear[source],
    ...spans.bySourceByYear[source],
  });
  const all = { ...totals.byYear, ...spans.byYear };
  const sources = (Object.keys(totals.bySource) as SourceKind[]).filter(isSummedSource);
  const cell = (value: Kopecks | undefined) => amount(value ?? 0);
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table withTableBorder striped>
        <caption className="visually-hidden">{caption}</caption>
        <FundingHead yearList={yearList} />
        <Table.Tbody>
          {sources.map((source) => (
            <Table.Tr key={source}>
              <Table.Th scope="row" fw={400}>
                {labels[source]}
              </Table.Th>
              {yearList.map((year) => (
                <Table.Td key={year} className="num">
                  {cell(ofSource(source)[year])}
                </Table.Td>
              ))}
              <Table.Td className="num">{cell(totals.bySource[source])}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Th scope="row">{t("common.total")}</Table.Th>
            {yearList.map((year) => (
              <Table.Td key={year} className="num" data-testid={`total-${year}`}>
                {cell(all[year])}
              </Table.Td>
            ))}
            <Table.Td className="num" data-testid="grand-total">
              {cell(totals.total)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
