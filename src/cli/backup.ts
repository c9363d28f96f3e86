import path from "node:path";
import type { Command } from "commander";
import type { BackupSummary } from "../store/backup.js";
import type { Store } from "../store/index.js";

/** Opens the configured database (DATABASE_URL or INFOPROG_DATA_DIR), migrated, for one job. */
async function withDatabase(work: (store: Store) => Promise<BackupSummary>) {
  // Loaded here, not at the top: other commands start without the database.
  const { openStore } = await import("../store/index.js");
  const store = await openStore();
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

async function run(action: () => Promise<string>): Promise<void> {
  try {
    process.stdout.write(`${await action()}\n`);
  } catch (error) {
    const { BackupError } = await import("../store/backup.js");
    if (!(error instanceof BackupError)) throw error;
    process.stderr.write(`infoprog: ${error.message}\n`);
    process.exitCode = 2;
  }
}

async function backupCommand(file: string): Promise<void> {
  await run(async () => {
    const target = path.resolve(file);
    const { backupDatabase } = await import("../store/backup.js");
    const summary = await withDatabase((store) => backupDatabase(store.kysely(), target));
    return `Резервну копію збережено: ${target} (таблиць: ${summary.tables}, рядків: ${summary.rows}).`;
  });
}

async function restoreCommand(file: string, options: { force?: boolean }): Promise<void> {
  await run(async () => {
    const { restoreDatabase } = await import("../store/backup.js");
    const summary = await withDatabase((store) =>
      restoreDatabase(store.kysely(), path.resolve(file), { force: options.force }),
    );
    return `Відновлено з резервної копії: таблиць — ${summary.tables}, рядків — ${summary.rows}.`;
  });
}

/** `infoprog backup FILE` and `infoprog restore FILE [--force]`, for PGlite and PostgreSQL alike. */
export function registerBackup(program: Command): void {
  program
    .command("backup")
    .argument("<file>", "файл резервної копії (.jsonl.gz)")
    .description("зберегти всі дані бази в переносний файл (gzip, JSON-рядки)")
    .action(backupCommand);
  program
    .command("restore")
    .argument("<file>", "файл резервної копії")
    .option("--force", "замінити дані непорожньої бази")
    .description("відновити дані з резервної копії в порожню базу (однією транзакцією)")
    .action(restoreCommand);
}
