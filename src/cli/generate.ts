import type { Command } from "commander";
import type { ProgrammeStatus } from "../store/index.js";

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
  // Loaded here, not at the top: other commands start without the database and the generator.
  const [
    { default: cliProgress },
    { generateNation },
    { openStore, PROGRAMME_STATUSES },
    { loadProgrammes },
  ] = await Promise.all([
    import("cli-progress"),
    import("../domain/synthetic/index.js"),
    import("../store/index.js"),
    import("../store/loader.js"),
  ]);
  const communities = positive(options.communities, "--communities");
  const seed = Number(options.seed);
  if (!Number.isSafeInteger(seed)) throw new Error("--seed: потрібне ціле число");
  if (!(PROGRAMME_STATUSES as readonly string[]).includes(options.status)) {
    throw new Error(`--status: одне з ${PROGRAMME_STATUSES.join(", ")}`);
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: "Генерування [{bar}] {value}/{total} програм, {reports} звітів виконавців, {eta_formatted}",
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const store = await openStore();
  const started = performance.now();
  bar.start(communities, 0, { reports: 0 });
  let reports = 0;
  try {
    const result = await loadProgrammes(store.kysely(), generateNation({ seed, communities }), {
      batchSize: positive(options.batch, "--batch"),
      status: options.status as ProgrammeStatus,
      sourceName: `synthetic seed ${seed}`,
      onBatch: (loaded, skipped, loadedReports) => {
        reports = loadedReports;
        bar.update(loaded + skipped, { reports });
      },
    });
    bar.stop();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `Завантажено ${result.loaded} програм, пропущено вже наявних ${result.skipped}; звітів виконавців: ${reports}; ${seconds} с.\n`,
    );
  } finally {
    bar.stop();
    await store.close();
  }
}

/**
 * `infoprog generate --seed 1 --communities 1469`: a synthetic nation into the store, published, with
 * the executors' reports of each programme's first two years.
 */
export function registerGenerate(program: Command): void {
  program
    .command("generate")
    .option("--seed <n>", "зерно генератора", "1")
    .option("--communities <n>", "кількість громад (в Україні 1469)", "1469")
    .option("--batch <n>", "програм в одній транзакції", "100")
    .option("--status <status>", "статус програм", "published")
    .description(
      "згенерувати синтетичні програми громад країни зі звітами виконавців за два роки й завантажити їх у базу даних",
    )
    .action(generateCommand);
}
