/**
 * On PGlite, programme lists and details are read from the database once per data generation: a read
 * with no write since answers from memory without taking the one connection, and any write (a new
 * version, a status, a row of another table the answer joins) is seen by the next read — also a write
 * that lands while a read waits for the connection. Every answer is the caller's own copy.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { validateProgramme } from "../../src/domain/validate.js";
import { createSession, deleteSession, findSession } from "../../src/store/auth.js";
import type { Store } from "../../src/store/index.js";
import { observeConnectionTurns } from "../../src/store/pglite-dialect.js";
import { createUser } from "../../src/store/users.js";
import { openDemoStore } from "../support/db.js";

const onPglite = !process.env.DATABASE_URL;

/** How many turns of PGlite's connection `work` took. */
async function turnsOf(work: () => Promise<unknown>): Promise<number> {
  let turns = 0;
  observeConnectionTurns(() => turns++);
  try {
    await work();
  } finally {
    observeConnectionTurns(undefined);
  }
  return turns;
}

describe("programme reads kept per data generation", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let programmeId: number;
  beforeAll(async () => {
    ({ store, dispose, programmeId } = await openDemoStore());
  });
  afterAll(async () => dispose());

  it.runIf(onPglite)("answers a repeated list and detail without the connection", async () => {
    const list = await store.listProgrammes();
    const detail = await store.getProgramme(programmeId);
    expect(await turnsOf(() => store.listProgrammes())).toBe(0);
    expect(await turnsOf(() => store.getProgramme(programmeId))).toBe(0);
    expect(await store.listProgrammes()).toEqual(list);
    expect(await store.getProgramme(programmeId)).toEqual(detail);
    // Another filter, or another version, is another read.
    expect(await turnsOf(() => store.listProgrammes({ status: "published" }))).toBeGreaterThan(0);
    expect(await turnsOf(() => store.getProgramme(programmeId, 1))).toBeGreaterThan(0);
  });

  it("gives every caller its own copy", async () => {
    const first = await store.getProgramme(programmeId);
    const list = await store.listProgrammes();
    if (!first || !list[0]) throw new Error("not stored");
    first.programme.title = "changed by a caller";
    first.versions.pop();
    list[0].title = "changed by a caller";
    const again = await store.getProgramme(programmeId);
    expect(again?.programme.title).toBe(demoProgramme().title);
    expect(again?.versions).toHaveLength(first.versions.length + 1);
    expect((await store.listProgrammes())[0]?.title).not.toBe("changed by a caller");
  });

  it("sees a new version, a status and a write to a joined table", async () => {
    await store.listProgrammes();
    await store.getProgramme(programmeId);
    const programme = { ...demoProgramme(), title: "Після редагування" };
    const saved = await store.saveEdit(programmeId, programme, validateProgramme(programme));
    expect((await store.getProgramme(programmeId))?.version.version).toBe(saved?.version);
    expect((await store.listProgrammes())[0]?.title).toBe("Після редагування");
    await store.setStatus(programmeId, "published");
    expect((await store.getProgramme(programmeId))?.summary.status).toBe("published");
    expect((await store.listProgrammes())[0]?.status).toBe("published");
    await sql`update communities set name = 'Перейменована громада'`.execute(store.kysely());
    expect((await store.listProgrammes())[0]?.communityName).toBe("Перейменована громада");
    expect((await store.getProgramme(programmeId))?.summary.communityName).toBe("Перейменована громада");
  });

  it("sees a write that lands while the read waits for the connection", async () => {
    const before = await store.getProgramme(programmeId);
    if (!before) throw new Error("not stored");
    const programme = { ...demoProgramme(), title: "Записано під час читання" };
    // The write takes the connection first; the reads queue behind its transaction.
    const writing = store.saveEdit(programmeId, programme, validateProgramme(programme));
    const reading = Promise.all([store.getProgramme(programmeId), store.listProgrammes()]);
    const [saved] = await Promise.all([writing, reading]);
    const after = await store.getProgramme(programmeId);
    expect(after?.version.version).toBe(saved?.version);
    expect(after?.programme.title).toBe("Записано під час читання");
    expect((await store.listProgrammes())[0]?.latestVersion).toBe(saved?.version);
  });

  it("finds a session once per generation, and sees its user changed, its logout and its expiry", async () => {
    const user = await createUser(store, {
      login: "reader",
      password: "reader-password-1",
      displayName: "Читач",
      role: "admin",
    });
    const session = await createSession(store, user);
    expect((await findSession(store, session.token))?.user.displayName).toBe("Читач");
    if (onPglite) expect(await turnsOf(() => findSession(store, session.token))).toBe(0);
    await sql`update users set display_name = 'Читачка' where id = ${user.id}`.execute(store.kysely());
    expect((await findSession(store, session.token))?.user.displayName).toBe("Читачка");
    const expiry = new Date(session.expiresAt);
    expect(await findSession(store, session.token, new Date(expiry.getTime() + 1))).toBeUndefined();
    await deleteSession(store, session.token);
    expect(await findSession(store, session.token)).toBeUndefined();
  });
});
