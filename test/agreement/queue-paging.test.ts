/**
 * The reviewers' queue pages by (updated_at, id) with the time as stored, in microseconds: programmes
 * updated within one millisecond are each listed once, none repeated or skipped between pages.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { agreementQueue } from "../../src/store/agreement.js";
import type { Store } from "../../src/store/index.js";
import { openTestStore } from "../support/db.js";

let store: Store;
let dispose: () => Promise<void>;
const ids: number[] = [];

beforeAll(async () => {
  ({ store, dispose } = await openTestStore());
  for (let n = 1; n <= 4; n += 1) {
    const programme = structuredClone(demoProgramme());
    programme.community = { name: `Громада ${n}`, katottg: `UA9${n}000000000000001` };
    const { programmeId } = await store.saveImport(
      { programme, findings: [] },
      { name: `${n}`, sha256: `${n}` },
    );
    ids.push(programmeId);
  }
  // Reversed microseconds within one millisecond: the id order and the time order disagree.
  await sql`update programmes set agreement_state = 'submitted',
    updated_at = timestamptz '2026-12-01 10:00:00.123000+00' + (${ids.length} - id) * interval '1 microsecond'`.execute(
    store.kysely(),
  );
});
afterAll(async () => dispose());

it("walks the queue one row a page, each programme once, in the order of their time", async () => {
  const seen: number[] = [];
  let after: { updatedAt: string; id: number } | undefined;
  for (let page = 0; page < ids.length + 1; page += 1) {
    const [last] = await agreementQueue(store, { limit: 1, after });
    if (!last) break;
    seen.push(last.programmeId);
    after = { updatedAt: last.updatedAt, id: last.programmeId };
  }
  expect(seen).toEqual([...ids].reverse());
});
