import { Box, Stack, Text } from "@mantine/core";
import { memo, useEffect, useMemo } from "react";
import { allItems, type Direction, type Item, type Programme, years } from "../../../../src/domain/model.js";
import { useI18n } from "../../i18n/index.js";
import { KeyedStore } from "../../lib/fieldErrorStore.js";
import { withKeys } from "../../lib/keys.js";
import { domIdOfRef } from "../../lib/refs.js";
import type { TreeEditor } from "./editorTypes.js";
import { AddItemButton, DirectionHeading, ItemCard, type NodeProps } from "./TreeCards.js";
import { VirtualTree } from "./VirtualTree.js";

/** One task and its subtasks. Memoised: an edit re-renders only the items on the edited path. */
const ItemNode = memo(function ItemNode(props: NodeProps) {
  const { item, yearList, editor, flagged, openByDefault } = props;
  return (
    <Box component="li" className="tree-node" style={{ listStyle: "none" }}>
      <ItemCard {...props} />
      {item.children.length > 0 && (
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
      <DirectionHeading direction={direction} />
      {direction.items.length === 0 && <Text c="dimmed">{t("tree.empty")}</Text>}
      <ItemList items={direction.items} nested={false} {...rest} />
      {editor && <AddItemButton editor={editor} directionIndex={index} />}
    </section>
  );
}

/**
 * Above this many tasks the tree is a virtual list (only the rows on screen are rendered, so entering
 * edit mode costs the same for 300 projects as for 30), and edit fields open one item at a time.
 */
export const OPEN_FIELDS_LIMIT = 80;

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
  const large = useMemo(() => allItems(programme).length > OPEN_FIELDS_LIMIT, [programme]);
  if (programme.directions.length === 0) return <Text>{t("tree.noDirections")}</Text>;
  if (large) {
    return <VirtualTree programme={programme} editor={editor} flagged={flaggedStore} yearList={yearList} />;
  }
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
          openByDefault
        />
      ))}
    </Stack>
  );
}
