/**
 * The task tree of a large programme as a virtual list (@tanstack/react-virtual, scrolled by the
 * window): the tree is flattened into rows once per programme state, and only the rows on screen (and
 * a few around them) are rendered. Entering edit mode re-renders those rows only.
 */
import { Text } from "@mantine/core";
import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { Direction, Item, Programme } from "../../../../src/domain/model.js";
import { useI18n } from "../../i18n/index.js";
import type { KeyedStore } from "../../lib/fieldErrorStore.js";
import { onShowRef } from "../../lib/refs.js";
import type { TreeEditor } from "./editorTypes.js";
import { AddItemButton, DirectionHeading, ItemCard } from "./TreeCards.js";

type Row =
  | { kind: "direction"; key: string; direction: Direction }
  | { kind: "item"; key: string; item: Item; depth: number; index: number; count: number }
  | { kind: "empty"; key: string }
  | { kind: "add"; key: string; directionIndex: number };

function itemRows(items: Item[], depth: number, out: Row[]): void {
  items.forEach((item, index) => {
    out.push({ kind: "item", key: `i:${item.id}`, item, depth, index, count: items.length });
    itemRows(item.children, depth + 1, out);
  });
}

function rowsOf(programme: Programme): Row[] {
  const out: Row[] = [];
  programme.directions.forEach((direction, directionIndex) => {
    out.push({ kind: "direction", key: `d:${directionIndex}`, direction });
    if (direction.items.length === 0) out.push({ kind: "empty", key: `e:${directionIndex}` });
    itemRows(direction.items, 0, out);
    out.push({ kind: "add", key: `a:${directionIndex}`, directionIndex });
  });
  return out;
}

/** Row index of a finding's ref ("item:d1.2", "direction:3"), or -1. */
function rowOfRef(rows: Row[], ref: string): number {
  const [kind, id] = [ref.slice(0, ref.indexOf(":")), ref.slice(ref.indexOf(":") + 1)];
  return rows.findIndex(
    (row) =>
      (kind === "item" && row.kind === "item" && row.item.id === id) ||
      (kind === "direction" && row.kind === "direction" && row.direction.number === id),
  );
}

interface RowProps {
  row: Row;
  editor: TreeEditor | null;
  flagged: KeyedStore<true>;
  yearList: string[];
}

const TreeRow = memo(function TreeRow({ row, editor, flagged, yearList }: RowProps) {
  const { t } = useI18n();
  switch (row.kind) {
    case "direction":
      return <DirectionHeading direction={row.direction} />;
    case "empty":
      return <Text c="dimmed">{t("tree.empty")}</Text>;
    case "add":
      return editor ? <AddItemButton editor={editor} directionIndex={row.directionIndex} /> : null;
    case "item":
      return (
        <div style={{ marginLeft: `${row.depth * 1.25}rem` }}>
          <ItemCard
            item={row.item}
            index={row.index}
            count={row.count}
            nested={row.depth > 0}
            yearList={yearList}
            editor={editor}
            flagged={flagged}
            openByDefault={false}
          />
        </div>
      );
  }
});

/** Whether a row shows edit controls: the others are not rendered again when edit mode flips. */
const usesEditor = (row: Row) => row.kind === "item" || row.kind === "add";

/** Rough heights before a row is measured: headings, task cards, buttons. */
const ESTIMATES: Record<Row["kind"], number> = { direction: 48, item: 150, empty: 28, add: 44 };

export function VirtualTree({
  programme,
  editor,
  flagged,
  yearList,
}: {
  programme: Programme;
  editor: TreeEditor | null;
  flagged: KeyedStore<true>;
  yearList: string[];
}) {
  const rows = useMemo(() => rowsOf(programme), [programme]);
  const listRef = useRef<HTMLUListElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    setScrollMargin(listRef.current ? listRef.current.getBoundingClientRect().top + window.scrollY : 0);
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: (index) => ESTIMATES[rows[index]?.kind ?? "item"],
    overscan: 4,
    scrollMargin,
    getItemKey: (index) => rows[index]?.key ?? index,
  });
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  // A finding's jump to a row that is not rendered: scroll it into the rendered window first.
  useEffect(
    () =>
      onShowRef((ref) => {
        const index = rowOfRef(rowsRef.current, ref);
        if (index < 0) return false;
        virtualizer.scrollToIndex(index, { align: "center" });
        return true;
      }),
    [virtualizer],
  );
  const items = virtualizer.getVirtualItems();
  return (
    <ul
      ref={listRef}
      style={{
        height: virtualizer.getTotalSize(),
        position: "relative",
        listStyle: "none",
        padding: 0,
        margin: 0,
      }}
    >
      {items.map((virtual) => {
        const row = rows[virtual.index];
        if (!row) return null;
        return (
          <li
            key={virtual.key}
            data-index={virtual.index}
            ref={virtualizer.measureElement}
            style={{
              position: "absolute",
              top: 0,
              left: 0,
              width: "100%",
              transform: `translateY(${virtual.start - virtualizer.options.scrollMargin}px)`,
            }}
          >
            <TreeRow
              row={row}
              editor={usesEditor(row) ? editor : null}
              flagged={flagged}
              yearList={yearList}
            />
          </li>
        );
      })}
    </ul>
  );
}
