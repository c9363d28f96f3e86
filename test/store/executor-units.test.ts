/**
 * Units from an imported programme's executors: a person named as an executor stays the executor's
 * text and becomes no unit; the project is the unit's named beside them or by their post, or no unit's.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { allItems, type Item } from "../../src/domain/model.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { createExecutorUnits } from "../../src/store/executor-units.js";
import type { Store } from "../../src/store/index.js";
import { itemUnitsOf } from "../../src/store/monitoring.js";
import { ensureOrgUnit, listOrgUnits } from "../../src/store/users.js";
import { openTestStore } from "../support/db.js";

let store: Store;
let dispose: () => Promise<void>;

beforeEach(async () => {
  ({ store, dispose } = await openTestStore());
});

afterEach(() => dispose());

/** The demo programme, its first three projects executed as given. */
function programmeWith(executors: string[][]) {
  const programme = demoProgramme();
  const leaves = allItems(programme).filter((item) => item.children.length === 0);
  leaves.forEach((item: Item, index) => {
    item.executors = executors[index] ?? ["Відділ цифрового розвитку"];
  });
  return { programme, leaves };
}

describe("executors mapped to units on import", () => {
  it("creates no unit for a person: the project is the unit's named beside them or by their post, or none's", async () => {
    const { programme, leaves } = programmeWith([
      ["Іваненко І.І."],
      ["Відділ освіти", "начальник відділу Петренко П.П."],
      ["І. І. Іваненко", "Фінансове управління"],
      ["головний спеціаліст сектору цифровізації Коваль К.К."],
    ]);
    const katottg = programme.community.katottg ?? "";
    const { programmeId } = await store.saveImport({ programme, findings: [] }, { name: "demo", sha256: "" });
    const { created } = await createExecutorUnits(store, programmeId, katottg, programme, null);
    const names = created.map((unit) => unit.name);
    expect(names).toEqual(
      expect.arrayContaining(["Відділ освіти", "Фінансове управління", "Сектор цифровізації"]),
    );
    expect(names.filter((name) => /Іваненко|Петренко|Коваль/.test(name))).toEqual([]);
    const units = await listOrgUnits(store, katottg);
    const byId = new Map(units.map((unit) => [unit.id, unit.name]));
    const links = await itemUnitsOf(store, programmeId, programme, katottg);
    const unitsOf = (item: Item | undefined) =>
      links.filter((link) => link.itemId === item?.id).map((link) => byId.get(link.orgUnitId));
    expect(unitsOf(leaves[0])).toEqual([]);
    expect(unitsOf(leaves[1])).toEqual(["Відділ освіти"]);
    expect(unitsOf(leaves[2])).toEqual(["Фінансове управління"]);
    expect(unitsOf(leaves[3])).toEqual(["Сектор цифровізації"]);
    expect(leaves[0]?.executors).toEqual(["Іваненко І.І."]);
  });

  it("does not link a person to a unit that an earlier import named after them", async () => {
    const { programme, leaves } = programmeWith([["Іваненко І.І."]]);
    const katottg = programme.community.katottg ?? "";
    await ensureOrgUnit(store, katottg, "Іваненко І.І.");
    const { programmeId } = await store.saveImport({ programme, findings: [] }, { name: "demo", sha256: "" });
    await createExecutorUnits(store, programmeId, katottg, programme, null);
    const links = await itemUnitsOf(store, programmeId, programme, katottg);
    expect(links.filter((link) => link.itemId === leaves[0]?.id)).toEqual([]);
  });
});
