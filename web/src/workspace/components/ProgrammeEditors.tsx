import { Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import type { Programme, SectionKey } from "../../../../src/domain/model.js";
import { PASSPORT_LABELS } from "../../../../src/domain/rules/passport.js";
import { useI18n } from "../../i18n/index.js";
import {
  type IndicatorText,
  withIndicatorTarget,
  withIndicatorText,
  withNewIndicator,
  withoutIndicator,
  withPassportField,
  withSectionText,
} from "../../lib/programmeEdits.js";
import { domIdOfRef } from "../../lib/refs.js";
import type { TreeEditor } from "./editorTypes.js";

/** Passport fields 1–10 as text areas; a field the document lacked can be filled in. */
export function PassportEditor({ programme, editor }: { programme: Programme; editor: TreeEditor }) {
  const { t } = useI18n();
  return (
    <Stack gap="sm" data-testid="passport-editor">
      {Object.entries(PASSPORT_LABELS).map(([key, label]) => {
        const number = Number(key);
        const field = programme.passport.fields.find((each) => each.number === number);
        return (
          <Textarea
            key={number}
            id={domIdOfRef(`passport:${number}`)}
            label={t("passport.edit", { number, label: field?.label || label })}
            autosize
            minRows={1}
            maxRows={8}
            value={field?.value ?? ""}
            onChange={(event) =>
              editor.commit(
                withPassportField(editor.current(), number, event.currentTarget.value),
                `passport:${number}`,
              )
            }
          />
        );
      })}
    </Stack>
  );
}

const TEXTS: {
  key: IndicatorText;
  label: "indicators.name" | "indicators.unit" | "indicators.formula" | "indicators.baseline";
}[] = [
  { key: "name", label: "indicators.name" },
  { key: "unit", label: "indicators.unit" },
  { key: "formula", label: "indicators.formula" },
  { key: "baseline", label: "indicators.baseline" },
];

/** Each indicator's name, unit, formula, baseline and a target for every year of the period. */
export function IndicatorsEditor({ programme, editor }: { programme: Programme; editor: TreeEditor }) {
  const { t } = useI18n();
  const years: string[] = [];
  for (let year = programme.period.from; year <= programme.period.to && year > 0; year++)
    years.push(String(year));
  return (
    <Stack gap="md" data-testid="indicators-editor">
      {programme.indicators.map((indicator, index) => (
        <Paper
          // biome-ignore lint/suspicious/noArrayIndexKey: indicators have no id; the index is their ref
          key={index}
          withBorder
          p="sm"
          id={domIdOfRef(`indicator:${index}`)}
          component="fieldset"
        >
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h5" component="legend">
              {t("indicators.edit", { number: indicator.number })}
            </Title>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={() => editor.commit(withoutIndicator(editor.current(), index))}
            >
              {t("indicators.remove", { number: indicator.number })}
            </Button>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            {TEXTS.map(({ key, label }) => (
              <TextInput
                key={key}
                label={`${t(label)} (${indicator.number})`}
                value={indicator[key]}
                onChange={(event) =>
                  editor.commit(
                    withIndicatorText(editor.current(), index, key, event.currentTarget.value),
                    `indicator:${index}:${key}`,
                  )
                }
              />
            ))}
            {years.map((year) => (
              <TextInput
                key={year}
                label={`${t("indicators.target", { year })} (${indicator.number})`}
                value={indicator.targets[year] ?? ""}
                onChange={(event) =>
                  editor.commit(
                    withIndicatorTarget(editor.current(), index, year, event.currentTarget.value),
                    `indicator:${index}:target:${year}`,
                  )
                }
              />
            ))}
          </SimpleGrid>
        </Paper>
      ))}
      <Group>
        <Button variant="light" onClick={() => editor.commit(withNewIndicator(editor.current()))}>
          {t("indicators.add")}
        </Button>
      </Group>
    </Stack>
  );
}

/** The usual titles of the sections a programme may lack, for adding them. */
const SECTION_TITLES: Partial<Record<SectionKey, string>> = {
  analysis: "Аналіз стану інформатизації",
  monitoring: "Моніторинг та оцінка результатів виконання програми",
};

/** The text sections (analysis, monitoring, …) as plain-text areas, rendered as text, never as HTML. */
export function SectionsEditor({ programme, editor }: { programme: Programme; editor: TreeEditor }) {
  const { t } = useI18n();
  const missing = Object.entries(SECTION_TITLES).filter(
    ([key]) => !programme.sections.some((section) => section.key === key),
  ) as [SectionKey, string][];
  return (
    <Stack gap="md" data-testid="sections-editor">
      <Text size="sm">{t("sections.hint")}</Text>
      {programme.sections.map((section) => (
        <Textarea
          key={section.key}
          id={domIdOfRef(`section:${section.key}`)}
          label={t("sections.text", { title: section.title })}
          autosize
          minRows={3}
          maxRows={20}
          value={section.text}
          onChange={(event) =>
            editor.commit(
              withSectionText(editor.current(), section.key, section.title, event.currentTarget.value),
              `section:${section.key}`,
            )
          }
        />
      ))}
      <Group>
        {missing.map(([key, title]) => (
          <Button
            key={key}
            variant="light"
            onClick={() => editor.commit(withSectionText(editor.current(), key, title, ""))}
          >
            {t("sections.add", { title })}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
