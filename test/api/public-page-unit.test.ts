import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import type { Programme } from "../../src/domain/model.js";
import { formatAmount, type MoneyUnit } from "../../src/domain/money.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { directionTotals, programmeTotals } from "../../src/domain/totals.js";
import type { Store } from "../../src/store/index.js";
import { openTestStore } from "../support/db.js";

const TEMPLATE =
  '<!doctype html><html lang="uk"><head><title>Програма</title></head><body><div id="root"></div></body></html>';
const NBSP = /[\u00a0\u202f]/g;

function programmeIn(unit: MoneyUnit, katottg: string): Programme {
  const programme = demoProgramme();
  return { ...programme, unit, community: { ...programme.community, katottg } };
}

describe("the server-rendered public page of a programme not in thousands", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let webDist: string;
  const hryvnias = programmeIn("uah", "UA05020010000000011");
  const millions = programmeIn("million", "UA05020010000000012");

  /** The first screen the server puts inside the app's root, with plain spaces. */
  async function firstScreen(programme: Programme): Promise<string> {
    const { katottg } = programme.community;
    const page = await app.inject(`/p/${katottg}/${programme.period.from}-${programme.period.to}`);
    expect(page.statusCode).toBe(200);
    const html = page.body.replace(NBSP, " ");
    return html.slice(html.indexOf('<div id="root"'), html.indexOf("</body>"));
  }

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    for (const programme of [hryvnias, millions]) {
      const { programmeId } = await store.saveImport({ programme, findings: [] }, { name: "p", sha256: "p" });
      await store.setStatus(programmeId, "published");
    }
    webDist = await mkdtemp(path.join(tmpdir(), "infoprog-web-"));
    await writeFile(path.join(webDist, "index.html"), TEMPLATE);
    await writeFile(path.join(webDist, "public.html"), TEMPLATE);
    await mkdir(path.join(webDist, "assets"));
    app = buildApp({ store, webDist });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await dispose();
    await rm(webDist, { recursive: true, force: true });
  });

  it.each([
    ["«грн»", hryvnias, "грн"],
    ["«млн грн»", millions, "млн грн"],
  ] as const)(
    "writes a %s programme's totals and directions in its own unit",
    async (_, programme, label) => {
      const root = await firstScreen(programme);
      const inUnit = (kopecks: number) =>
        `${formatAmount(kopecks, programme.unit).replace(NBSP, " ")} ${label}<`;
      expect(root).toContain(`<b>${inUnit(programmeTotals(programme).total)}`);
      for (const direction of programme.directions)
        expect(root).toContain(inUnit(directionTotals(direction).total));
      expect(root).not.toContain("тис. грн");
    },
  );
});
