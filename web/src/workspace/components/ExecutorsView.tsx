import { Table, Text } from "@mantine/core";
import { useMemo } from "react";
import type { Programme } from "../../../../src/domain/model.js";
import { useI18n } from "../../i18n/index.js";
import { executorLoads } from "../../lib/chartData.js";
import { itemDomId } from "../../lib/refs.js";
import { useMoney } from "../../shared/money.js";

/** Executors with the tasks they are responsible for. */
export function ExecutorsView({
  programme,
  onOpenItem,
}: {
  programme: Programme;
  onOpenItem: (id: string) => void;
}) {
  const { t } = useI18n();
  const { amount, unitName } = useMoney();
  const loads = useMemo(() => executorLoads(programme), [programme]);
  if (loads.length === 0) return <Text>{t("executors.empty")}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped withTableBorder>
        <caption className="visually-hidden">{t("programme.executors")}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("tree.executors")}</Table.Th>
            <Table.Th scope="col">{t("executors.tasks")}</Table.Th>
            <Table.Th scope="col" className="num">
              {t("tree.amount", { unit: unitName })}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loads.map((load) => (
            <Table.Tr key={load.executor}>
              <Table.Th scope="row" fw={500}>
                {load.executor}
              </Table.Th>
              <Table.Td>
                {load.items.map((item, index) => (
                  <span key={item.id}>
                    {index > 0 && ", "}
                    <a
                      href={`#${itemDomId(item.id)}`}
                      title={item.title}
                      onClick={(event) => {
                        event.preventDefault();
                        onOpenItem(item.id);
                      }}
                    >
                      {item.number || item.id}
                    </a>
                  </span>
                ))}
              </Table.Td>
              <Table.Td className="num">{amount(load.total)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
