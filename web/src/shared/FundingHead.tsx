import { Table } from "@mantine/core";
import { useI18n } from "../i18n/index.js";
import { useMoney } from "./money.js";

/** The header of a funding table: source (naming the programme's unit), one column per year, total. */
export function FundingHead({ yearList }: { yearList: string[] }) {
  const { t } = useI18n();
  const { unitName } = useMoney();
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th scope="col">{t("funding.sourceUnit", { unit: unitName })}</Table.Th>
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
  );
}
