import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type.
type AnyDb = Kysely<any>;

/**
 * A programme published with open error findings carries the head's written reason; the public page
 * shows it as a note. Null when the programme was published without errors (or is not published).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("programmes").addColumn("publish_note", "text").execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable("programmes").dropColumn("publish_note").execute();
}
