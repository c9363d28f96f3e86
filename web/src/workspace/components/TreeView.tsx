import { Badge, Box, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { memo } from "react";
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

interface ItemProps {
  programme: Programme;
  item: Item;
  depth: number;
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

const ItemNode = memo(function ItemNode({ programme, item, depth, editor, flagged }: ItemProps) {
  const { lang } = useI18n();
  const yearList = years(programme.period);
  const hasChildren = item.children.length > 0;
  const total = hasChildren ? itemTotals(item).total : null;
  return (
    <Box component="li" style={{ listStyle: "none" }}>
      <Paper
        id={itemDomId(item.id)}
        tabIndex={-1}
        className="tree-item"
        withBorder
        style={flagged.has(item.id) ? { borderLeftColor: "var(--mantine-color-red-7)" } : undefined}
      >
        {editor ? (
          <Stack gap={6}>
            <Group justify="space-between" align="flex-start">
              <Text fw={700}>{item.number}</Text>
              <ItemToolbar programme={programme} item={item} editor={editor} />
            </Group>
            <ItemFields programme={programme} item={item} editor={editor} />
          </Stack>
        ) : (
          <ItemSummary item={item} yearList={yearList} />
        )}
        {total !== null && (
          <Badge variant="light" color="gray" mt={6} tt="none">
            Σ {formatMoney(total, lang)}
          </Badge>
        )}
      </Paper>
      {hasChildren && (
        <ul className="tree-children" style={{ padding: 0 }}>
          {item.children.map((child) => (
            <ItemNode
              key={child.id}
              programme={programme}
              item={child}
              depth={depth + 1}
              editor={editor}
              flagged={flagged}
            />
          ))}
        </ul>
      )}
    </Box>
  );
});

function DirectionBlock({
  programme,
  direction,
  index,
  editor,
  flagged,
}: {
  programme: Programme;
  direction: Direction;
  index: number;
  editor: TreeEditor | null;
  flagged: ReadonlySet<string>;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby={`${domIdOfRef(`direction:${direction.number}`)}-h`}>
      <Title order={3} size="h4" id={`${domIdOfRef(`direction:${direction.number}`)}-h`} mb="xs">
        <span id={domIdOfRef(`direction:${direction.number}`)} tabIndex={-1}>
          {direction.number}. {direction.title}
        </span>
      </Title>
      {direction.items.length === 0 && <Text c="dimmed">{t("tree.empty")}</Text>}
      <ul style={{ padding: 0, margin: 0 }}>
        {direction.items.map((item) => (
          <ItemNode
            key={item.id}
            programme={programme}
            item={item}
            depth={0}
            editor={editor}
            flagged={flagged}
          />
        ))}
      </ul>
      {editor && (
        <Button
          variant="light"
          size="xs"
          mb="md"
          onClick={() => {
            const result = addItem(programme, { directionIndex: index });
            editor.commit(result.programme, undefined, result.id);
          }}
        >
          + {t("edit.add")}
        </Button>
      )}
    </section>
  );
}

/** The direction → task → project tree; editable when an editor is given. */
export function TreeView({
  programme,
  editor,
  flagged,
}: {
  programme: Programme;
  editor: TreeEditor | null;
  flagged: ReadonlySet<string>;
}) {
  const { t } = useI18n();
  if (programme.directions.length === 0) return <Text>{t("tree.noDirections")}</Text>;
  return (
    <Stack gap="lg">
      {withKeys(programme.directions, (d) => d.number).map(({ key, value: direction, index }) => (
        <DirectionBlock
          key={key}
          programme={programme}
          direction={direction}
          index={index}
          editor={editor}
          flagged={flagged}
        />
      ))}
    </Stack>
  );
}
