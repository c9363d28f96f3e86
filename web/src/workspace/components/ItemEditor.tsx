import { ActionIcon, Group, SimpleGrid, Textarea, TextInput, Tooltip } from "@mantine/core";
import { type ReactNode, useEffect, useState } from "react";
import type { Item, Programme } from "../../../../src/domain/model.js";
import { useI18n } from "../../i18n/index.js";
import { checkRequired, checkYearRange, splitExecutors } from "../../lib/fieldChecks.js";
import { withKeys } from "../../lib/keys.js";
import {
  addItem,
  deleteItem,
  type EditResult,
  indentItem,
  moveItem,
  outdentItem,
  possibleMoves,
  setAmount,
  updateItem,
} from "../../lib/treeOps.js";
import { sourceLabels } from "../../shared/sources.js";
import { AmountField } from "./AmountField.js";
import type { TreeEditor } from "./editorTypes.js";

interface Props {
  programme: Programme;
  item: Item;
  editor: TreeEditor;
}

function ToolButton({
  label,
  disabled,
  onClick,
  children,
}: {
  label: string;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Tooltip label={label} withArrow openDelay={300}>
      <ActionIcon variant="default" size="md" aria-label={label} disabled={disabled} onClick={onClick}>
        {children}
      </ActionIcon>
    </Tooltip>
  );
}

/** Move, indent, add and delete buttons of one task. */
export function ItemToolbar({ programme, item, editor }: Props) {
  const { t } = useI18n();
  const moves = possibleMoves(programme, item.id);
  const apply = (result: EditResult) => editor.commit(result.programme, undefined, result.id);
  const remove = () => {
    if (window.confirm(t("edit.deleteConfirm", { title: item.title || item.number })))
      apply(deleteItem(programme, item.id));
  };
  return (
    <Group gap={4} wrap="wrap" role="toolbar" aria-label={t("edit.item", { n: item.number })}>
      <ToolButton
        label={t("edit.up")}
        disabled={!moves.up}
        onClick={() => apply(moveItem(programme, item.id, -1))}
      >
        ↑
      </ToolButton>
      <ToolButton
        label={t("edit.down")}
        disabled={!moves.down}
        onClick={() => apply(moveItem(programme, item.id, 1))}
      >
        ↓
      </ToolButton>
      <ToolButton
        label={t("edit.indent")}
        disabled={!moves.indent}
        onClick={() => apply(indentItem(programme, item.id))}
      >
        →
      </ToolButton>
      <ToolButton
        label={t("edit.outdent")}
        disabled={!moves.outdent}
        onClick={() => apply(outdentItem(programme, item.id))}
      >
        ←
      </ToolButton>
      <ToolButton label={t("edit.addAfter")} onClick={() => apply(addItem(programme, { afterId: item.id }))}>
        +
      </ToolButton>
      <ToolButton label={t("edit.delete")} onClick={remove}>
        ✕
      </ToolButton>
    </Group>
  );
}

function DeadlineFields({ programme, item, editor }: Props) {
  const { t } = useI18n();
  const years = item.deadline?.kind === "years" ? item.deadline : null;
  const [from, setFrom] = useState(String(years?.from ?? ""));
  const [to, setTo] = useState(String(years?.to ?? ""));
  const keyOf = (end: string) => `deadline:${item.id}:${end}`;
  useEffect(() => {
    setFrom(String(years?.from ?? ""));
    setTo(String(years?.to ?? ""));
  }, [years?.from, years?.to]);
  const change = (nextFrom: string, nextTo: string) => {
    setFrom(nextFrom);
    setTo(nextTo);
    const errors = checkYearRange(nextFrom, nextTo, programme.period);
    editor.setFieldError(keyOf("from"), errors.from);
    editor.setFieldError(keyOf("to"), errors.to);
    if (errors.from || errors.to) return;
    const result = updateItem(programme, item.id, (each) => {
      each.deadline = { kind: "years", from: Number(nextFrom), to: Number(nextTo) };
      each.deadlineText = nextFrom === nextTo ? nextFrom : `${nextFrom}–${nextTo}`;
    });
    editor.commit(result.programme, `deadline:${item.id}`);
  };
  const errorOf = (end: string) => {
    const key = editor.errors.get(keyOf(end));
    return key ? t(key) : undefined;
  };
  return (
    <>
      <TextInput
        size="xs"
        label={t("edit.deadlineFrom")}
        value={from}
        inputMode="numeric"
        maxLength={4}
        error={errorOf("from")}
        onChange={(e) => change(e.currentTarget.value, to)}
      />
      <TextInput
        size="xs"
        label={t("edit.deadlineTo")}
        value={to}
        inputMode="numeric"
        maxLength={4}
        error={errorOf("to")}
        onChange={(e) => change(from, e.currentTarget.value)}
      />
    </>
  );
}

/** The editable fields of one task: title, executors, deadline, amounts per source and year. */
export function ItemFields({ programme, item, editor }: Props) {
  const { t, lang } = useI18n();
  const labels = sourceLabels(lang);
  const titleError = checkRequired(item.title);
  const titleKey = `title:${item.id}`;
  const { setFieldError } = editor;
  useEffect(() => {
    setFieldError(titleKey, titleError);
    return () => setFieldError(titleKey, null);
  }, [titleKey, titleError, setFieldError]);
  return (
    <>
      <Textarea
        label={t("edit.title")}
        value={item.title}
        autosize
        minRows={1}
        required
        error={titleError ? t(titleError) : undefined}
        onChange={(e) => {
          const title = e.currentTarget.value;
          editor.commit(
            updateItem(programme, item.id, (each) => {
              each.title = title;
            }).programme,
            titleKey,
          );
        }}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" mt="xs">
        <Textarea
          size="xs"
          label={t("edit.executors")}
          autosize
          minRows={1}
          defaultValue={item.executors.join("; ")}
          key={item.executors.join("; ")}
          onBlur={(e) => {
            const executors = splitExecutors(e.currentTarget.value);
            if (executors.join("; ") === item.executors.join("; ")) return;
            editor.commit(
              updateItem(programme, item.id, (each) => {
                each.executors = executors;
              }).programme,
            );
          }}
        />
        <DeadlineFields programme={programme} item={item} editor={editor} />
      </SimpleGrid>
      {withKeys(item.funding, (row) => `${row.source}|${row.label}`).map(
        ({ key, value: row, index: rowIndex }) =>
          Object.keys(row.byYear).length === 0 ? null : (
            <SimpleGrid
              key={key}
              cols={{ base: 2, sm: Object.keys(row.byYear).length + 1 }}
              spacing="xs"
              mt="xs"
            >
              {Object.keys(row.byYear).map((year) => (
                <AmountField
                  key={year}
                  label={t("edit.amount", { source: row.label || labels[row.source], year })}
                  kopecks={row.byYear[year] ?? 0}
                  fieldKey={`amount:${item.id}:${rowIndex}:${year}`}
                  errors={editor.errors}
                  setFieldError={editor.setFieldError}
                  onChange={(kopecks) =>
                    editor.commit(
                      setAmount(programme, item.id, rowIndex, year, kopecks).programme,
                      `amount:${item.id}:${rowIndex}:${year}`,
                    )
                  }
                />
              ))}
            </SimpleGrid>
          ),
      )}
    </>
  );
}
