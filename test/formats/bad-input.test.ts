/**
 * The list of bad input, end to end: each is posted to the API with the real importer, and
 * each must be refused with a clear message in Ukrainian (422) while nothing is stored.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import { fetchDocument, URL_MESSAGES } from "../../src/import/fetch-url.js";
import { LIMIT_MESSAGES } from "../../src/import/limits.js";
import { PDF_MESSAGES } from "../../src/import/pdf/load.js";
import { CONVERSION_MESSAGES, sofficePath } from "../../src/import/soffice.js";
import type { Store } from "../../src/store/index.js";
import { type Client, userClient } from "../monitoring-api/support.js";
import { openTestStore } from "../support/db.js";
import { allowTestLoopback, startUrlServer, type UrlServer } from "../support/url-server.js";
import { alive, hangingSoffice } from "./fake-soffice.js";
import { pagesPdf, pdf, stream } from "./pdf-builder.js";

const scratch = mkdtempSync(path.join(tmpdir(), "infoprog-bad-input-"));
const saved = {
  soffice: process.env.INFOPROG_SOFFICE,
  timeout: process.env.INFOPROG_SOFFICE_TIMEOUT_SECONDS,
};
afterEach(() => {
  for (const [name, value] of [
    ["INFOPROG_SOFFICE", saved.soffice],
    ["INFOPROG_SOFFICE_TIMEOUT_SECONDS", saved.timeout],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const CYRILLIC = /[А-ЯІЇЄҐа-яіїєґ]{4}/;

function encryptedPdf(): Uint8Array {
  const hex = (byte: string) => `<${byte.repeat(32)}>`;
  const id = "<0123456789abcdef0123456789abcdef>";
  return pagesPdf(
    1,
    [`<< /Filter /Standard /V 1 /R 2 /O ${hex("ab")} /U ${hex("cd")} /P -4 >>`],
    `/Encrypt 4 0 R /ID [${id} ${id}]`,
  );
}

function pdfBomb(): Uint8Array {
  const nested = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
  return pdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources 5 0 R >>",
    stream("", Buffer.from("BT ET")),
    `<< /Deep ${nested} >>`,
  ]);
}

/** An OLE file that says it is a Word document and is not one. */
function brokenDoc(): Uint8Array {
  const bytes = new Uint8Array(4096).fill(0x41);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  bytes.set(Buffer.from("WordDocument", "utf16le"), 1024);
  return bytes;
}

const RTF = "{\\rtf1\\ansi\\deff0 \\pard Programa\\par}";

describe("bad input: a clear Ukrainian refusal, nothing stored", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let admin: Client;
  let site: UrlServer;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    site = await startUrlServer({
      "/programa.pdf": (_request, response) =>
        response.writeHead(302, { location: "http://172.20.0.5/programa.pdf" }).end(),
    });
    const fetchForTests = (url: string) => fetchDocument(url, { allowAddress: allowTestLoopback });
    app = buildApp({ store, webDist: "/nonexistent", fetchDocument: fetchForTests });
    await app.ready();
    // The platform admin may save any community's programme: a refusal can only come from the input.
    admin = await userClient(app, store, "bad-input-admin", "admin");
  });
  afterAll(async () => {
    await Promise.all([app.close(), site.close()]);
    await dispose();
    rmSync(scratch, { recursive: true, force: true });
  });

  async function upload(bytes: Uint8Array, name: string): Promise<string> {
    const response = await admin.inject({
      method: "POST",
      url: `/api/import?name=${name}`,
      payload: Buffer.from(bytes),
      headers: { "content-type": "application/octet-stream" },
    });
    expect(response.statusCode).toBe(422);
    const { error } = response.json() as { error: string };
    expect(error).toMatch(CYRILLIC);
    expect(await store.listProgrammes()).toEqual([]);
    return error;
  }

  it("an encrypted PDF", async () => {
    expect(await upload(encryptedPdf(), "secret.pdf")).toBe(PDF_MESSAGES.encrypted);
  });

  it("a PDF of 500 pages", async () => {
    expect(await upload(pagesPdf(500), "long.pdf")).toBe(LIMIT_MESSAGES.pdfPages);
  });

  it("a PDF bomb (objects nested 200 000 deep)", async () => {
    expect(await upload(pdfBomb(), "bomb.pdf")).toMatch(/^PDF .+ \/ /);
  }, 60_000);

  it.skipIf(!sofficePath())(
    "a DOC that LibreOffice cannot open",
    async () => {
      expect(await upload(brokenDoc(), "broken.doc")).toBe(CONVERSION_MESSAGES.failed);
    },
    180_000,
  );

  it("LibreOffice hanging past its timeout (killed)", async () => {
    const { program, pidFile } = hangingSoffice(scratch);
    process.env.INFOPROG_SOFFICE = program;
    process.env.INFOPROG_SOFFICE_TIMEOUT_SECONDS = "2";
    expect(await upload(Buffer.from(RTF), "programa.rtf")).toBe(CONVERSION_MESSAGES.timeout(2));
    const pid = Number(readFileSync(pidFile, "utf8"));
    await expect.poll(() => alive(pid), { timeout: 5000 }).toBe(false);
  }, 30_000);

  it("a URL that redirects to a private address", async () => {
    const response = await admin.inject({
      method: "POST",
      url: "/api/import/url",
      payload: { url: site.url("/programa.pdf") },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual({ error: URL_MESSAGES.privateAddress("172.20.0.5") });
    expect(await store.listProgrammes()).toEqual([]);
  });
});
