import { Box, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { memo, useEffect, useMemo, useState } from "react";
import { allItems, type Direction, type Item, type Programme, years } from "../../../../src/domain/model.js";
import { itemTotals } from "../../../../src/domain/totals.js";
import { useI18n } from "../../i18n/index.js";
import { KeyedStore, useKeyedValue } from "../../lib/fieldErrorStore.js";
import { formatDeadline, formatMoney } from "../../lib/format.js";
import { withKeys } from "../../lib/keys.js";
import { domIdOfRef, itemDomId } from "../../lib/refs.js";
import { addItem } from "../../lib/treeOps.js";
import { Pill } from "../../shared/Pill.js";
import type { TreeEditor } from "./editorTypes.js";
import { ItemFields, ItemToolbar } from "./ItemEditor.js";
import { ItemFunding } from "./ItemFunding.js";

interface NodeProps {
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

function ItemSummary({ item, yearList }: { item: Item; yearList: string[] }) {
  const { t, lang } = useI18n();
  return (
    <>
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
    </>
  );
}

/** One task and its subtasks. Memoised: an edit re-renders only the items on the edited path. */
const ItemNode = memo(function ItemNode({
  item,
  index,
  count,
  nested,
  yearList,
  editor,
  flagged,
  openByDefault,
}: NodeProps) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(openByDefault || item.title === "");
  const isFlagged = useKeyedValue(flagged, item.id) === true;
  const hasChildren = item.children.length > 0;
  const total = hasChildren ? itemTotals(item).total : null;
  return (
    <Box component="li" className="tree-node" style={{ listStyle: "none" }}>
      <Paper
        id={itemDomId(item.id)}
        tabIndex={-1}
        className="tree-item"
        withBorder
        style={isFlagged ? { borderLeftColor: "var(--mantine-color-red-8)" } : undefined}
      >
        {editor ? (
          <Stack gap={6}>
            <Group justify="space-between" align="flex-start">
              <Text fw={700}>{item.number}</Text>
              <ItemToolbar item={item} editor={editor} position={{ index, count, nested }} />
            </Group>
            {open ? (
              <ItemFields item={item} editor={editor} />
            ) : (
              <ItemSummary item={item} yearList={yearList} />
            )}
            <Button
              variant="subtle"
              size="compact-sm"
              aria-expanded={open}
              onClick={() => setOpen(!open)}
              style={{ alignSelf: "flex-start" }}
            >
              {open ? t("edit.closeFields") : t("edit.openFields")}
            </Button>
          </Stack>
        ) : (
          <ItemSummary item={item} yearList={yearList} />
        )}
        {total !== null && (
          <div style={{ marginTop: 6 }}>
            <Pill tone="neutral">Σ {formatMoney(total, lang)}</Pill>
          </div>
        )}
      </Paper>
      {hasChildren && (
        <ItemList
          items={item.children}
          nested
          yearList={yearList}
          editor={editor}
          flagged={flagged}
          openByDefault={openByDefault}
        />
      )}
    </Box>
  );
});

function ItemList({
  items,
  nested,
  ...rest
}: { items: Item[]; nested: boolean } & Pick<
  NodeProps,
  "yearList" | "editor" | "flagged" | "openByDefault"
>) {
  return (
    <ul className={nested ? "tree-children" : undefined} style={{ padding: 0, margin: 0 }}>
      {items.map((item, index) => (
        <ItemNode key={item.id} item={item} index={index} count={items.length} nested={nested} {...rest} />
      ))}
    </ul>
  );
}

function DirectionBlock({
  direction,
  index,
  ...rest
}: { direction: Direction; index: number } & Pick<
  NodeProps,
  "yearList" | "editor" | "flagged" | "openByDefault"
>) {
  const { t } = useI18n();
  const anchor = domIdOfRef(`direction:${direction.number}`);
  const { editor } = rest;
  return (
    <section aria-labelledby={`${anchor}-h`}>
      <Title order={3} size="h4" id={`${anchor}-h`} mb="xs">
        <span id={anchor} tabIndex={-1}>
          {direction.number}. {direction.title}
        </span>
      </Title>
      {direction.items.length === 0 && <Text c="dimmed">{t("tree.empty")}</Text>}
      <ItemList items={direction.items} nested={false} {...rest} />
      {editor && (
        <Button
          variant="light"
          size="xs"
          mb="md"
          onClick={() => {
            const result = addItem(editor.current(), { directionIndex: index });
            editor.commit(result.programme, undefined, result.id);
          }}
        >
          + {t("edit.add")}
        </Button>
      )}
    </section>
  );
}

/** Above this many tasks, edit fields open one item at a time: thousands of inputs at once are slow. */
const OPEN_FIELDS_LIMIT = 80;

function useFlaggedStore(ids: string[]): KeyedStore<true> {
  const store = useMemo(() => new KeyedStore<true>(), []);
  useEffect(() => store.replaceAll(new Map(ids.map((id) => [id, true]))), [store, ids]);
  return store;
}

/** The direction → task → project tree; editable when an editor is given. */
export function TreeView({
  programme,
  editor,
  flagged,
}: {
  programme: Programme;
  editor: TreeEditor | null;
  flagged: string[];
}) {
  const { t } = useI18n();
  const { from, to } = programme.period;
  const yearList = useMemo(() => years({ from, to }), [from, to]);
  const flaggedStore = useFlaggedStore(flagged);
  const openByDefault = useMemo(() => allItems(programme).length <= OPEN_FIELDS_LIMIT, [programme]);
  if (programme.directions.length === 0) return <Text>{t("tree.noDirections")}</Text>;
  return (
    <Stack gap="lg">
      {withKeys(programme.directions, (d) => d.number).map(({ key, value: direction, index }) => (
        <DirectionBlock
          key={key}
          direction={direction}
          index={index}
          yearList={yearList}
          editor={editor}
          flagged={flaggedStore}
          openByDefault={openByDefault}
        />
      ))}
    </Stack>
  );
}
