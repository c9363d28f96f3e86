/** The benchmark's large programme: the demo programme's funded projects repeated. */
import { allItems, type Item, type Programme } from "../src/domain/model.js";
import { demoProgramme } from "../src/domain/synthetic/demo.js";
import { programmeTotals } from "../src/domain/totals.js";

/** The demo programme's funded projects repeated into `count` projects over its directions. */
export function largeProgramme(count: number): Programme {
  const base = demoProgramme();
  const leaves = allItems(base).filter((item) => item.children.length === 0 && item.funding.length > 0);
  const perDirection = Math.ceil(count / base.directions.length);
  let made = 0;
  const directions = base.directions.map((direction, d) => {
    const items: Item[] = [];
    for (let k = 0; k < perDirection && made < count; k++, made++) {
      const leaf = leaves[made % leaves.length] as Item;
      items.push({
        ...structuredClone(leaf),
        id: `d${d + 1}.${k + 1}`,
        number: `${direction.number}.${k + 1}`,
        title: `${leaf.title} (${made + 1})`,
        children: [],
      });
    }
    return { ...direction, items, declaredTotals: [] };
  });
  const programme: Programme = { ...base, directions, declaredTotals: [] };
  const totals = programmeTotals(programme);
  programme.passport.funding = {
    ...programme.passport.funding,
    total: totals.total,
    byYear: totals.byYear,
    bySource: totals.bySource,
    bySourceByYear: totals.bySourceByYear,
  };
  return programme;
}
