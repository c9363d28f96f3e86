import cliProgress from "cli-progress";
import type { Command } from "commander";
import { generateNation } from "../domain/synthetic/index.js";
import { openStore, PROGRAMME_STATUSES, type ProgrammeStatus } from "../store/index.js";
import { loadProgrammes } from "../store/loader.js";

export interface GenerateOptions {
  seed: string;
  communities: string;
  batch: string;
  status: string;
}

function positive(value: string, what: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 1) throw new Error(`${what}: потрібне ціле додатне число`);
  return number;
}

async function generateCommand(options: GenerateOptions): Promise<void> {
  const communities = positive(options.communities, "--communities");
  const seed = Number(options.seed);
  if (!Number.isSafeInteger(seed)) throw new Error("--seed: потрібне ціле число");
  if (!(PROGRAMME_STATUSES as readonly string[]).includes(options.status)) {
    throw new Error(`--status: одне з ${PROGRAMME_STATUSES.join(", ")}`);
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: "Генерування [{bar}] {value}/{total} програм, {eta_formatted}",
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const store = await openStore();
  const started = performance.now();
  bar.start(communities, 0);
  try {
    const result = await loadProgrammes(store.kysely(), generateNation({ seed, communities }), {
      batchSize: positive(options.batch, "--batch"),
      status: options.status as ProgrammeStatus,
      sourceName: `synthetic seed ${seed}`,
      onBatch: (loaded, skipped) => bar.update(loaded + skipped),
    });
    bar.stop();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `Завантажено ${result.loaded} програм, пропущено вже наявних ${result.skipped}; ${seconds} с.\n`,
    );
  } finally {
    bar.stop();
    await store.close();
  }
}

/** `infoprog generate --seed 1 --communities 1469`: a synthetic nation into the store, published. */
export function registerGenerate(program: Command): void {
  program
    .command("generate")
    .option("--seed <n>", "зерно генератора", "1")
    .option("--communities <n>", "кількість громад (в Україні 1469)", "1469")
    .option("--batch <n>", "програм в одній транзакції", "50")
    .option("--status <status>", "статус програм", "published")
    .description("згенерувати синтетичні програми громад країни й завантажити їх у базу даних")
    .action(generateCommand);
}
