/** The parts of the task tree shared by the plain tree and the virtual list of large programmes. */
import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { memo, useState } from "react";
import type { Direction, Item } from "../../../../src/domain/model.js";
import { itemTotals } from "../../../../src/domain/totals.js";
import { useI18n } from "../../i18n/index.js";
import { type KeyedStore, useKeyedValue } from "../../lib/fieldErrorStore.js";
import { formatDeadline } from "../../lib/format.js";
import { domIdOfRef, itemDomId } from "../../lib/refs.js";
import { addItem } from "../../lib/treeOps.js";
import { useMoney } from "../../shared/money.js";
import { Pill } from "../../shared/Pill.js";
import type { TreeEditor } from "./editorTypes.js";
import { ItemFields, ItemToolbar } from "./ItemEditor.js";
import { ItemFunding } from "./ItemFunding.js";

export interface NodeProps {
  item: Item;
  index: number;
  count: number;
  nested: boolean;
  yearList: string[];
  editor: TreeEditor | null;
  /** Which items have findings; a store, so a change re-renders only the items concerned. */
  flagged: KeyedStore<true>;
  /** In edit mode, whether an item's fields start open (large programmes start closed, for speed). */
  openByDefault: boolean;
}

/**
 * A task's read-only summary. Memoised, and kept at one place in the card in both modes: entering or
 * leaving edit mode re-renders neither it nor its funding table (it was mounted again each time).
 */
const ItemSummary = memo(function ItemSummary({ item, yearList }: { item: Item; yearList: string[] }) {
  const { t, lang } = useI18n();
  return (
    <div>
      <Text fw={600}>
        {item.number && <span>{item.number} </span>}
        {item.title || "—"}
      </Text>
      <Group gap="lg" mt={4} fz="sm">
        <Text size="sm">
          <b>{t("tree.deadline")}:</b> {formatDeadline(item.deadline, item.deadlineText, lang)}
        </Text>
        <Text size="sm">
          <b>{t("tree.executors")}:</b> {item.executors.join("; ") || "—"}
        </Text>
      </Group>
      <ItemFunding rows={item.funding} yearList={yearList} />
      {item.expectedResult && (
        <Text size="sm" c="dimmed">
          <b>{t("tree.result")}:</b> {item.expectedResult}
        </Text>
      )}
    </div>
  );
});

/** One task's card: its summary, or in edit mode its toolbar and its summary or (when opened) its fields. */
export function ItemCard({
  item,
  index,
  count,
  nested,
  yearList,
  editor,
  flagged,
  openByDefault,
}: Omit<NodeProps, "nested"> & { nested: boolean }) {
  const { t } = useI18n();
  const { money } = useMoney();
  const [open, setOpen] = useState(openByDefault || item.title === "");
  const isFlagged = useKeyedValue(flagged, item.id) === true;
  const total = item.children.length > 0 ? itemTotals(item).total : null;
  return (
    <Paper
      id={itemDomId(item.id)}
      tabIndex={-1}
      className="tree-item"
      withBorder
      style={isFlagged ? { borderLeftColor: "var(--mantine-color-red-8)" } : undefined}
    >
      <Stack gap={6}>
        {editor && (
          <Group justify="space-between" align="flex-start">
            <Text fw={700}>{item.number}</Text>
            <ItemToolbar item={item} editor={editor} position={{ index, count, nested }} />
          </Group>
        )}
        {editor && open ? (
          <ItemFields item={item} editor={editor} />
        ) : (
          <ItemSummary item={item} yearList={yearList} />
        )}
        {editor && (
          <Button
            variant="subtle"
            size="compact-sm"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
            style={{ alignSelf: "flex-start" }}
          >
            {open ? t("edit.closeFields") : t("edit.openFields")}
          </Button>
        )}
      </Stack>
      {total !== null && (
        <div style={{ marginTop: 6 }}>
          <Pill tone="neutral">Σ {money(total)}</Pill>
        </div>
      )}
    </Paper>
  );
}

export function DirectionHeading({ direction }: { direction: Direction }) {
  const anchor = domIdOfRef(`direction:${direction.number}`);
  return (
    <Title order={3} size="h4" id={`${anchor}-h`} mb="xs">
      <span id={anchor} tabIndex={-1}>
        {direction.number}. {direction.title}
      </span>
    </Title>
  );
}

export function AddItemButton({ editor, directionIndex }: { editor: TreeEditor; directionIndex: number }) {
  const { t } = useI18n();
  return (
    <Button
      variant="light"
      size="xs"
      mb="md"
      onClick={() => {
        const result = addItem(editor.current(), { directionIndex });
        editor.commit(result.programme, undefined, result.id);
      }}
    >
      + {t("edit.add")}
    </Button>
  );
}
