/**
 * Configuration: every environment variable is read through src/config.ts (parsed once with zod, typed,
 * with defaults) and listed in the README's configuration table.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, configFrom, ENV_SCHEMA } from "../../src/config.js";

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe("configuration", () => {
  it("is read from the environment only in src/config.ts", async () => {
    const readers: string[] = [];
    for (const file of await sourceFiles("src")) {
      if (file === path.join("src", "config.ts")) continue;
      const text = await readFile(file, "utf8");
      if (/process\.env\b/.test(text)) readers.push(file);
    }
    expect(readers).toEqual([]);
  });

  it("lists every variable in the README's configuration table", async () => {
    const readme = await readFile("README.md", "utf8");
    const table = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("## Running it for real"));
    const listed = new Set([...table.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((match) => match[1]));
    expect(Object.keys(ENV_SCHEMA.shape).filter((name) => !listed.has(name))).toEqual([]);
  });

  it("has a default for everything, and an empty variable counts as unset", () => {
    const defaults = configFrom({});
    expect(defaults).toMatchObject({
      database: { url: undefined, dataDir: "./data/pglite" },
      listen: { port: 3000, host: "127.0.0.1" },
      publicUrl: "http://127.0.0.1:3000",
      trustProxy: false,
      secureCookie: "when-https",
      demo: { enabled: true, password: "demo" },
      limits: { bodyBytes: 1024 * 1024, uploadsPerMinute: 60, loginAttemptsPerMinute: 10 },
    });
    expect(configFrom({ DATABASE_URL: "", PORT: "" })).toEqual(defaults);
    expect(configFrom({ HOST: "0.0.0.0", PORT: "8080" }).publicUrl).toBe("http://localhost:8080");
  });

  it("parses and checks each kind of value", () => {
    const parsed = configFrom({
      INFOPROG_PUBLIC_URL: "https://prog.example.gov.ua/infoprog/",
      INFOPROG_TRUST_PROXY: "loopback, 10.0.0.0/8",
      INFOPROG_DEMO: "no",
      INFOPROG_BODY_LIMIT_BYTES: "2097152",
    });
    expect(parsed.publicUrl).toBe("https://prog.example.gov.ua/infoprog");
    expect(parsed.secureCookie).toBe("always");
    expect(parsed.trustProxy).toEqual(["loopback", "10.0.0.0/8"]);
    expect(parsed.demo.enabled).toBe(false);
    expect(parsed.limits.bodyBytes).toBe(2 * 1024 * 1024);
    expect(configFrom({ INFOPROG_TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(configFrom({ INFOPROG_TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(configFrom({ INFOPROG_SECURE_COOKIE: "1" }).secureCookie).toBe("always");
    expect(
      configFrom({ INFOPROG_PUBLIC_URL: "https://x.example", INFOPROG_SECURE_COOKIE: "0" }).secureCookie,
    ).toBe("never");
    for (const bad of [
      { PORT: "http" },
      { PORT: "70000" },
      { INFOPROG_DEMO: "maybe" },
      { INFOPROG_PUBLIC_URL: "ftp://x.example" },
      { INFOPROG_PUBLIC_URL: "not a url" },
      { INFOPROG_UPLOADS_PER_MINUTE: "0" },
      { LOG_LEVEL: "loud" },
    ]) {
      const [name] = Object.keys(bad);
      expect(() => configFrom(bad), JSON.stringify(bad)).toThrow(ConfigError);
      expect(() => configFrom(bad)).toThrow(name);
    }
  });
});
