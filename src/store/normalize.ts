import type { Insertable } from "kysely";
import { autoCategories, autoCategoryOf } from "../domain/classify/index.js";
import { type FundingRow, type Item, type Programme, walkItems } from "../domain/model.js";
import { findProject } from "../domain/project-edit.js";
import type { DirectionsTable, FundingRowsTable, IndicatorsTable, ItemsTable } from "./schema.js";

export interface NormalizedRows {
  directions: Insertable<DirectionsTable>[];
  items: Insertable<ItemsTable>[];
  fundingRows: Insertable<FundingRowsTable>[];
  indicators: Insertable<IndicatorsTable>[];
}

interface RowOwner {
  programmeId: number;
  itemId: string | null;
  direction: string | null;
}

/** One row for the total (year null) and one per printed year. */
function fundingRows(row: FundingRow, owner: RowOwner): Insertable<FundingRowsTable>[] {
  const base = {
    programme_id: owner.programmeId,
    item_id: owner.itemId,
    direction: owner.direction,
    source: row.source,
    label: row.label,
  };
  return [
    { ...base, year: null, amount_kopecks: row.total },
    ...Object.entries(row.byYear).map(([year, amount]) => ({
      ...base,
      year: Number(year),
      amount_kopecks: amount,
    })),
  ];
}

function itemRows(
  items: Item[],
  context: { programmeId: number; directionPosition: number; parentId: string | null; depth: number },
  out: NormalizedRows,
): void {
  items.forEach((item, index) => {
    out.items.push({
      programme_id: context.programmeId,
      id: item.id,
      parent_id: context.parentId,
      direction_position: context.directionPosition,
      number: item.number,
      title: item.title,
      executors: item.executors,
      deadline: item.deadline === null ? null : JSON.stringify(item.deadline),
      expected_result: item.expectedResult,
      depth: context.depth,
      position: index + 1,
    });
    for (const row of item.funding) {
      out.fundingRows.push(
        ...fundingRows(row, { programmeId: context.programmeId, itemId: item.id, direction: null }),
      );
    }
    itemRows(item.children, { ...context, parentId: item.id, depth: context.depth + 1 }, out);
  });
}

/** The latest version's programme as rows of the query tables. */
export function normalizeProgramme(programmeId: number, programme: Programme): NormalizedRows {
  const out: NormalizedRows = { directions: [], items: [], fundingRows: [], indicators: [] };
  programme.directions.forEach((direction, index) => {
    const position = index + 1;
    out.directions.push({
      programme_id: programmeId,
      position,
      number: direction.number,
      title: direction.title,
    });
    itemRows(direction.items, { programmeId, directionPosition: position, parentId: null, depth: 0 }, out);
    for (const row of direction.declaredTotals) {
      out.fundingRows.push(...fundingRows(row, { programmeId, itemId: null, direction: direction.number }));
    }
  });
  for (const row of programme.declaredTotals) {
    out.fundingRows.push(...fundingRows(row, { programmeId, itemId: null, direction: null }));
  }
  const categories = autoCategories(programme);
  for (const row of out.items) row.category = categories.get(row.id) ?? null;
  programme.indicators.forEach((indicator, index) => {
    out.indicators.push({
      programme_id: programmeId,
      position: index + 1,
      number: indicator.number,
      direction: indicator.direction,
      name: indicator.name,
      unit: indicator.unit,
      baseline: indicator.baseline,
      targets: JSON.stringify(indicator.targets),
    });
  });
  return out;
}

type ItemFields = Omit<
  Insertable<ItemsTable>,
  "programme_id" | "id" | "parent_id" | "direction_position" | "depth" | "position"
>;

/**
 * One item's own row fields (its place in the tree aside) and funding rows, for an edit of that item
 * alone, with the automatic categories of the items below it (a project's label reads its task's title).
 */
export function normalizeItem(
  programmeId: number,
  programme: Programme,
  itemId: string,
):
  | {
      fields: ItemFields;
      fundingRows: Insertable<FundingRowsTable>[];
      below: { id: string; category: string | null }[];
    }
  | undefined {
  const item = findProject(programme, itemId);
  if (!item) return undefined;
  const category = (id: string) => autoCategoryOf(programme, id) ?? null;
  return {
    fields: {
      number: item.number,
      title: item.title,
      executors: item.executors,
      deadline: item.deadline === null ? null : JSON.stringify(item.deadline),
      expected_result: item.expectedResult,
      category: category(itemId),
    },
    fundingRows: item.funding.flatMap((row) => fundingRows(row, { programmeId, itemId, direction: null })),
    below: [...walkItems(item.children)].map((each) => ({ id: each.id, category: category(each.id) })),
  };
}
