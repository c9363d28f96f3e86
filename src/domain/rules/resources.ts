import type { ByYear, DeclaredFunding, Finding, FundingRow, Programme, SourceKind } from "../model.js";
import { ref } from "../model.js";
import type { Kopecks, MoneyUnit } from "../money.js";
import type { Totals, Unsplit } from "../totals.js";
import { compareAmounts, type Facts, factsOf, finding, type Mismatch, money, rowName } from "./common.js";
import { hasTaskTable } from "./passport-funding.js";

const CODE = "resources.mismatch";

interface Amounts {
  total: Kopecks | null;
  byYear: ByYear;
}

/** What a row of the resources table is compared with: the sums of the projects, field 10. */
interface Counterpart {
  /** «сума заходів», «у паспорті (поле 10)» */
  name: string;
  amounts: Amounts;
  /** Compared year by year too: the projects' sums always, field 10 where it states years. */
  byYear: boolean;
  unsplit?: Kopecks;
}

/** Field 10's amounts for the row's source (or its total), where field 10 states any. */
function passportSide(funding: DeclaredFunding, source: SourceKind): Amounts | null {
  const amounts =
    source === "total"
      ? { total: funding.total, byYear: funding.byYear }
      : { total: funding.bySource[source] ?? null, byYear: funding.bySourceByYear[source] ?? {} };
  return amounts.total === null && Object.keys(amounts.byYear).length === 0 ? null : amounts;
}

/**
 * The projects' sums for the row's source (or all of them); null for a source when some of the
 * table's money names no single source (it may be any source's).
 */
function tasksSide(source: SourceKind, computed: Totals, unsplit: Unsplit): Counterpart | null {
  if (source === "total")
    return { name: "сума заходів", amounts: computed, byYear: true, unsplit: unsplit.total };
  const unassigned = (["mixed", "unspecified"] as SourceKind[]).some(
    (kind) => (computed.bySource[kind] ?? 0) !== 0,
  );
  if (unassigned) return null;
  return {
    name: "сума заходів",
    amounts: { total: computed.bySource[source] ?? 0, byYear: computed.bySourceByYear[source] ?? {} },
    byYear: true,
    unsplit: unsplit.bySource[source] ?? 0,
  };
}

/** The rows compared: the total and each single source's («кілька джерел», an unknown label: not). */
const COMPARED = new Set<SourceKind>(["total", "local", "state", "oblast", "district", "other"]);

function counterparts(programme: Programme, row: FundingRow, facts: Facts): Counterpart[] {
  const out: Counterpart[] = [];
  if (!COMPARED.has(row.source)) return out;
  if (hasTaskTable(facts)) {
    const tasks = tasksSide(row.source, facts.totals(), facts.unsplit());
    if (tasks) out.push(tasks);
  }
  const passport = passportSide(programme.passport.funding, row.source);
  if (passport)
    out.push({
      name: "у паспорті (поле 10)",
      amounts: passport,
      byYear: Object.keys(passport.byYear).length > 0,
    });
  return out;
}

/** The row's amounts that differ from the counterpart's: its total, and its years where both state them. */
function mismatchesWith(row: FundingRow, other: Counterpart): Mismatch[] {
  const byYear = other.byYear ? row.byYear : {};
  const declared = { total: other.amounts.total === null ? null : row.total, byYear };
  const computed = { total: other.amounts.total ?? 0, byYear: other.amounts.byYear, unsplit: other.unsplit };
  return compareAmounts(declared, computed);
}

interface DifferingCell {
  declared: Kopecks;
  /** What each counterpart states for it: «сума заходів — 500,0 тис. грн». */
  said: string[];
}

/** The row's cells that differ from any counterpart, by cell («усього», «2027 рік»). */
function differingCells(row: FundingRow, others: Counterpart[], unit: MoneyUnit): Map<string, DifferingCell> {
  const cells = new Map<string, DifferingCell>();
  for (const other of others) {
    for (const mismatch of mismatchesWith(row, other)) {
      const cell = cells.get(mismatch.what) ?? { declared: mismatch.declared, said: [] };
      cell.said.push(`${other.name} — ${money(mismatch.computed, unit)}`);
      cells.set(mismatch.what, cell);
    }
  }
  return cells;
}

/**
 * `resources.mismatch`: a table of the programme's funding by source and year of its own («Ресурсне
 * забезпечення Програми», `Programme.resources`) against the projects' sums and passport field 10, the
 * same amounts stated three times. One finding per cell that differs, at its row's line, naming the
 * row, the year (or «усього») and what each side states.
 */
export function checkResources(programme: Programme, facts = factsOf(programme)): Finding[] {
  return (programme.resources ?? []).flatMap((row) => {
    const cells = differingCells(row, counterparts(programme, row, facts), programme.unit);
    return [...cells].map(([what, cell]) => {
      const message =
        `Таблиця ресурсного забезпечення, рядок ${rowName(row)}, ${what}: зазначено ` +
        `${money(cell.declared, programme.unit)}, а ${cell.said.join(", ")}.`;
      return finding(CODE, message, row.line, ref.programme());
    });
  });
}
