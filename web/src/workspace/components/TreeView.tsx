import { Badge, Box, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { memo, useMemo } from "react";
import { type Direction, type Item, type Programme, years } from "../../../../src/domain/model.js";
import { itemTotals } from "../../../../src/domain/totals.js";
import { useI18n } from "../../i18n/index.js";
import { formatDeadline, formatMoney } from "../../lib/format.js";
import { withKeys } from "../../lib/keys.js";
import { domIdOfRef, itemDomId } from "../../lib/refs.js";
import { addItem } from "../../lib/treeOps.js";
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
  flagged: ReadonlySet<string>;
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
}: NodeProps) {
  const { lang } = useI18n();
  const hasChildren = item.children.length > 0;
  const total = hasChildren ? itemTotals(item).total : null;
  return (
    <Box component="li" style={{ listStyle: "none" }}>
      <Paper
        id={itemDomId(item.id)}
        tabIndex={-1}
        className="tree-item"
        withBorder
        style={flagged.has(item.id) ? { borderLeftColor: "var(--mantine-color-red-8)" } : undefined}
      >
        {editor ? (
          <Stack gap={6}>
            <Group justify="space-between" align="flex-start">
              <Text fw={700}>{item.number}</Text>
              <ItemToolbar item={item} editor={editor} position={{ index, count, nested }} />
            </Group>
            <ItemFields item={item} editor={editor} />
          </Stack>
        ) : (
          <ItemSummary item={item} yearList={yearList} />
        )}
        {total !== null && (
          <Badge variant="light" color="gray.8" mt={6} tt="none">
            Σ {formatMoney(total, lang)}
          </Badge>
        )}
      </Paper>
      {hasChildren && (
        <ItemList items={item.children} nested yearList={yearList} editor={editor} flagged={flagged} />
      )}
    </Box>
  );
});

function ItemList({
  items,
  nested,
  ...rest
}: { items: Item[]; nested: boolean } & Pick<NodeProps, "yearList" | "editor" | "flagged">) {
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
}: { direction: Direction; index: number } & Pick<NodeProps, "yearList" | "editor" | "flagged">) {
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

/** A set that keeps its identity while its content stays the same, so memoised nodes can skip. */
function useStableSet(values: string[]): ReadonlySet<string> {
  const key = [...values].sort().join("\n");
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the content
  return useMemo(() => new Set(values), [key]);
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
  const flaggedSet = useStableSet(flagged);
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
          flagged={flaggedSet}
        />
      ))}
    </Stack>
  );
}
