import { Table, Text } from "@mantine/core";
import type { Passport } from "../../../src/domain/model.js";
import { useI18n } from "../i18n/index.js";
import { domIdOfRef } from "../lib/refs.js";

export function PassportTable({ passport }: { passport: Passport }) {
  const { t } = useI18n();
  if (passport.fields.length === 0) return <Text>{t("passport.empty")}</Text>;
  return (
    <Table striped withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w={48}>
            {t("passport.field")}
          </Table.Th>
          <Table.Th scope="col">{t("passport.label")}</Table.Th>
          <Table.Th scope="col">{t("passport.value")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {passport.fields.map((field) => (
          <Table.Tr key={field.number} id={domIdOfRef(`passport:${field.number}`)} tabIndex={-1}>
            <Table.Td>{field.number}</Table.Td>
            <Table.Th scope="row" fw={500}>
              {field.label}
            </Table.Th>
            <Table.Td className="prose">{field.value || "—"}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
