import {
  ActionIcon,
  Group,
  type MantineTheme,
  SimpleGrid,
  Textarea,
  TextInput,
  UnstyledButton,
  useMantineTheme,
} from "@mantine/core";
import { type CSSProperties, type ReactNode, useEffect, useState } from "react";
import type { Item } from "../../../../src/domain/model.js";
import { useI18n } from "../../i18n/index.js";
import { checkRequired, checkYearRange, splitExecutors } from "../../lib/fieldChecks.js";
import { useFieldError } from "../../lib/fieldErrorStore.js";
import { withKeys } from "../../lib/keys.js";
import {
  addItem,
  deleteItem,
  type EditResult,
  indentItem,
  moveItem,
  movesAt,
  outdentItem,
  type Position,
  setAmount,
  updateItem,
} from "../../lib/treeOps.js";
import { useMoney } from "../../shared/money.js";
import { sourceLabels } from "../../shared/sources.js";
import { AmountField } from "./AmountField.js";
import type { TreeEditor } from "./editorTypes.js";

interface Props {
  item: Item;
  editor: TreeEditor;
}

/**
 * What Mantine's ActionIcon (variant "default", size "md") puts on its button, worked out once per
 * theme: a toolbar's six buttons are plain elements, not six ActionIcon, UnstyledButton and Box
 * components each, which made up most of the work of entering edit mode.
 */
interface ToolButtonLook {
  enabled: string;
  disabled: string;
  icon: string;
  style: CSSProperties;
}

const looks = new WeakMap<MantineTheme, ToolButtonLook>();

function toolButtonLook(theme: MantineTheme): ToolButtonLook {
  const known = looks.get(theme);
  if (known) return known;
  const vars = ActionIcon.varsResolver(theme, { variant: "default", size: "md" }, {}).root ?? {};
  const root = `${ActionIcon.classes.root} mantine-ActionIcon-root ${UnstyledButton.classes.root} mantine-UnstyledButton-root`;
  const focus = theme.focusClassName || `mantine-focus-${theme.focusRing}`;
  const look = {
    enabled: [focus, theme.activeClassName, root].filter(Boolean).join(" "),
    disabled: `${focus} ${root}`,
    icon: `${ActionIcon.classes.icon} mantine-ActionIcon-icon`,
    style: Object.fromEntries(
      Object.entries(vars).filter(([, value]) => value !== undefined),
    ) as CSSProperties,
  };
  looks.set(theme, look);
  return look;
}

/** A toolbar button: the same element as Mantine's `<ActionIcon variant="default" size="md">`. */
export function ToolButton({
  label,
  disabled = false,
  onClick,
  children,
}: {
  label: string;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  const look = toolButtonLook(useMantineTheme());
  return (
    <button
      style={look.style}
      className={disabled ? look.disabled : look.enabled}
      data-variant="default"
      data-size="md"
      data-disabled={disabled || undefined}
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
    >
      <span className={look.icon}>{children}</span>
    </button>
  );
}

/** Move, indent, add and delete buttons of one task. */
export function ItemToolbar({ item, editor, position }: Props & { position: Position }) {
  const { t } = useI18n();
  const moves = movesAt(position);
  const apply = (operation: (programme: ReturnType<TreeEditor["current"]>) => EditResult) => {
    const result = operation(editor.current());
    editor.commit(result.programme, undefined, result.id);
  };
  const remove = () => {
    if (window.confirm(t("edit.deleteConfirm", { title: item.title || item.number }))) {
      apply((programme) => deleteItem(programme, item.id));
    }
  };
  return (
    <Group gap={4} wrap="wrap" role="toolbar" aria-label={t("edit.item", { n: item.number })}>
      <ToolButton
        label={t("edit.up")}
        disabled={!moves.up}
        onClick={() => apply((p) => moveItem(p, item.id, -1))}
      >
        ↑
      </ToolButton>
      <ToolButton
        label={t("edit.down")}
        disabled={!moves.down}
        onClick={() => apply((p) => moveItem(p, item.id, 1))}
      >
        ↓
      </ToolButton>
      <ToolButton
        label={t("edit.indent")}
        disabled={!moves.indent}
        onClick={() => apply((p) => indentItem(p, item.id))}
      >
        →
      </ToolButton>
      <ToolButton
        label={t("edit.outdent")}
        disabled={!moves.outdent}
        onClick={() => apply((p) => outdentItem(p, item.id))}
      >
        ←
      </ToolButton>
      <ToolButton label={t("edit.addAfter")} onClick={() => apply((p) => addItem(p, { afterId: item.id }))}>
        +
      </ToolButton>
      <ToolButton label={t("edit.delete")} onClick={remove}>
        ✕
      </ToolButton>
    </Group>
  );
}

function DeadlineFields({ item, editor }: Props) {
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
    const programme = editor.current();
    const errors = checkYearRange(nextFrom, nextTo, programme.period);
    editor.errors.set(keyOf("from"), errors.from);
    editor.errors.set(keyOf("to"), errors.to);
    if (errors.from || errors.to) return;
    const result = updateItem(programme, item.id, (each) => {
      each.deadline = { kind: "years", from: Number(nextFrom), to: Number(nextTo) };
      each.deadlineText = nextFrom === nextTo ? nextFrom : `${nextFrom}–${nextTo}`;
    });
    editor.commit(result.programme, `deadline:${item.id}`);
  };
  const fromError = useFieldError(editor.errors, keyOf("from"));
  const toError = useFieldError(editor.errors, keyOf("to"));
  return (
    <>
      <TextInput
        size="xs"
        label={t("edit.deadlineFrom")}
        value={from}
        inputMode="numeric"
        maxLength={4}
        error={fromError ? t(fromError) : undefined}
        onChange={(e) => change(e.currentTarget.value, to)}
      />
      <TextInput
        size="xs"
        label={t("edit.deadlineTo")}
        value={to}
        inputMode="numeric"
        maxLength={4}
        error={toError ? t(toError) : undefined}
        onChange={(e) => change(from, e.currentTarget.value)}
      />
    </>
  );
}

function AmountRows({ item, editor }: Props) {
  const { t, lang } = useI18n();
  const { unitName } = useMoney();
  const labels = sourceLabels(lang);
  return withKeys(item.funding, (row) => `${row.source}|${row.label}`).map(({ key, value: row, index }) =>
    Object.keys(row.byYear).length === 0 ? null : (
      <SimpleGrid key={key} cols={{ base: 2, sm: Object.keys(row.byYear).length + 1 }} spacing="xs" mt="xs">
        {Object.keys(row.byYear).map((year) => {
          const fieldKey = `amount:${item.id}:${index}:${year}`;
          return (
            <AmountField
              key={year}
              label={t("edit.amount", { source: row.label || labels[row.source], year, unit: unitName })}
              kopecks={row.byYear[year] ?? 0}
              fieldKey={fieldKey}
              errors={editor.errors}
              onChange={(kopecks) =>
                editor.commit(setAmount(editor.current(), item.id, index, year, kopecks).programme, fieldKey)
              }
            />
          );
        })}
      </SimpleGrid>
    ),
  );
}

/**
 * The editable fields of one task: title, executors, deadline, amounts per source and year. Plain
 * (not auto-sizing) text areas: auto-sizing measures layout on every render, which made typing slow.
 */
export function ItemFields({ item, editor }: Props) {
  const { t } = useI18n();
  const titleError = checkRequired(item.title);
  const titleKey = `title:${item.id}`;
  const setFieldError = editor.errors.set;
  useEffect(() => {
    setFieldError(titleKey, titleError);
    return () => setFieldError(titleKey, null);
  }, [titleKey, titleError, setFieldError]);
  return (
    <>
      <Textarea
        label={t("edit.title")}
        value={item.title}
        rows={2}
        resize="vertical"
        required
        error={titleError ? t(titleError) : undefined}
        onChange={(e) => {
          const title = e.currentTarget.value;
          const result = updateItem(editor.current(), item.id, (each) => {
            each.title = title;
          });
          editor.commit(result.programme, titleKey);
        }}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" mt="xs">
        <Textarea
          size="xs"
          label={t("edit.executors")}
          rows={2}
          resize="vertical"
          defaultValue={item.executors.join("; ")}
          key={item.executors.join("; ")}
          onBlur={(e) => {
            const executors = splitExecutors(e.currentTarget.value);
            if (executors.join("; ") === item.executors.join("; ")) return;
            const result = updateItem(editor.current(), item.id, (each) => {
              each.executors = executors;
            });
            editor.commit(result.programme);
          }}
        />
        <DeadlineFields item={item} editor={editor} />
      </SimpleGrid>
      <AmountRows item={item} editor={editor} />
    </>
  );
}
