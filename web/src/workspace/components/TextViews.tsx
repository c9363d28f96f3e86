import { Stack, Table, Text, Title } from "@mantine/core";
import type { Programme } from "../../../../src/domain/model.js";
import { useI18n } from "../../i18n/index.js";
import { withKeys } from "../../lib/keys.js";
import { domIdOfRef } from "../../lib/refs.js";

export function IndicatorsView({ programme }: { programme: Programme }) {
  const { t } = useI18n();
  if (programme.indicators.length === 0) return <Text>{t("indicators.empty")}</Text>;
  const targetYears = [...new Set(programme.indicators.flatMap((each) => Object.keys(each.targets)))].sort();
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped withTableBorder>
        <caption className="visually-hidden">{t("programme.indicators")}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("tree.number")}</Table.Th>
            <Table.Th scope="col">{t("indicators.name")}</Table.Th>
            <Table.Th scope="col">{t("indicators.unit")}</Table.Th>
            <Table.Th scope="col">{t("indicators.baseline")}</Table.Th>
            {targetYears.map((year) => (
              <Table.Th scope="col" key={year}>
                {year}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {withKeys(programme.indicators, (each) => each.number).map(({ key, value: indicator, index }) => (
            <Table.Tr key={key} id={domIdOfRef(`indicator:${index}`)} tabIndex={-1}>
              <Table.Td>{indicator.number}</Table.Td>
              <Table.Td>{indicator.name}</Table.Td>
              <Table.Td>{indicator.unit}</Table.Td>
              <Table.Td>{indicator.baseline}</Table.Td>
              {targetYears.map((year) => (
                <Table.Td key={year}>{indicator.targets[year] ?? "—"}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function SectionsView({ programme }: { programme: Programme }) {
  const { t } = useI18n();
  if (programme.sections.length === 0) return <Text>{t("sections.empty")}</Text>;
  return (
    <Stack gap="lg">
      {withKeys(programme.sections, (each) => each.key).map(({ key, value: section }) => (
        <section
          key={key}
          id={key === section.key ? domIdOfRef(`section:${section.key}`) : undefined}
          tabIndex={-1}
        >
          <Title order={3} size="h4" mb="xs">
            {section.title}
          </Title>
          <div className="prose">{section.text}</div>
        </section>
      ))}
    </Stack>
  );
}
