import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { dataPackage, tableSchema, toCsv } from "../../src/opendata/datapackage.js";
import { fieldDictionaryMarkdown } from "../../src/opendata/dictionary.js";
import { RESOURCES } from "../../src/opendata/fields.js";

describe("field dictionary", () => {
  it("docs/open-data.md is the dictionary generated from fields.ts", async () => {
    expect(await readFile("docs/open-data.md", "utf8")).toBe(fieldDictionaryMarkdown());
  });

  it("documents every exported CSV column under its resource, with a type and a description", async () => {
    const doc = await readFile("docs/open-data.md", "utf8");
    for (const resource of RESOURCES) {
      const section = doc.split(`## \`${resource.name}\``)[1]?.split("\n## ")[0] ?? "";
      const header = toCsv(resource, []).trim().split(",");
      expect(header.length).toBeGreaterThan(0);
      for (const column of header) {
        const line = section.split("\n").find((each) => each.startsWith(`| \`${column}\` |`));
        expect(line, `${resource.name}.${column}`).toBeDefined();
        expect(line?.split("|")[4]?.trim().length ?? 0, `${resource.name}.${column}`).toBeGreaterThan(10);
      }
    }
  });

  it("every Table Schema key names a declared field and a declared resource", () => {
    const names = new Set(RESOURCES.map((resource) => resource.name));
    for (const resource of RESOURCES) {
      const schema = tableSchema(resource);
      const fields = new Map(
        RESOURCES.map((each) => [each.name, new Set(each.fields.map((field) => field.name))]),
      );
      const own = fields.get(resource.name) ?? new Set();
      for (const key of schema.primaryKey) expect(own.has(key), `${resource.name} pk ${key}`).toBe(true);
      for (const key of schema.foreignKeys ?? []) {
        expect(names.has(key.reference.resource)).toBe(true);
        for (const field of key.fields) expect(own.has(field)).toBe(true);
        for (const field of key.reference.fields)
          expect(fields.get(key.reference.resource)?.has(field)).toBe(true);
        expect(key.fields.length).toBe(key.reference.fields.length);
      }
      for (const field of schema.fields) {
        expect(["string", "integer", "number", "date", "datetime"]).toContain(field.type);
      }
    }
    const pkg = dataPackage({ modified: "2026-01-01T00:00:00.000Z", baseUrl: "https://example.org" });
    expect(pkg.resources.every((resource) => resource.path.startsWith("https://example.org/api/v1/"))).toBe(
      true,
    );
  });
});
