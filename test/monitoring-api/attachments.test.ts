/**
 * Files attached to executor reports over HTTP: uploaded as multipart, typed by content (PDF, DOCX, ODT,
 * JPEG, PNG and nothing else), size-limited before the body is read (and only after sign-in), scoped to
 * the executor's unit and community, downloadable by the head and the executor, locked with the report.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit, monitoringDb } from "../../src/store/audit.js";
import { docxWithBody, makeZip } from "../formats/zip.js";
import { type Client, userClient } from "./support.js";
import { CULTURE, DIGITAL, romnyScene, type Scene, unitProjects } from "./year.js";

const LIMIT = 64 * 1024;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const BOUNDARY = "----infoprog-test-boundary";

function multipart(name: string, bytes: Uint8Array, field = "file") {
  const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`;
  return {
    headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
    payload: Buffer.concat([Buffer.from(head, "utf8"), bytes, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]),
  };
}

describe("files attached to executor reports", () => {
  let scene: Scene;
  let otherHead: Client;
  let reportUrl: string;
  const saved = process.env.INFOPROG_ATTACHMENT_LIMIT_BYTES;

  async function upload(client: Client, name: string, bytes: Uint8Array, url = `${reportUrl}/attachments`) {
    return client.inject({ method: "POST", url, ...multipart(name, bytes) });
  }

  beforeAll(async () => {
    process.env.INFOPROG_ATTACHMENT_LIMIT_BYTES = String(LIMIT);
    scene = await romnyScene();
    otherHead = await userClient(scene.app, scene.store, "head-elsewhere", "head", {
      katottg: "UA99000000000000002",
    });
    const [item] = unitProjects(scene, DIGITAL, CULTURE, 2026);
    const created = await scene.executor1.inject({
      method: "POST",
      url: `/api/programmes/${scene.programmeId}/reports`,
      payload: { itemId: item?.id, periodKey: "2026-H1", status: "in-progress", actual: [] },
    });
    expect(created.statusCode).toBe(201);
    reportUrl = `/api/programmes/${scene.programmeId}/reports/${created.json().id}`;
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.INFOPROG_ATTACHMENT_LIMIT_BYTES;
    else process.env.INFOPROG_ATTACHMENT_LIMIT_BYTES = saved;
    await scene.dispose();
  });

  it("stores a contract and the head, the controller and the executor download it as it was", async () => {
    const stored = await upload(scene.executor1, "Договір № 15.pdf", PDF);
    expect(stored.statusCode).toBe(201);
    expect(stored.json()).toMatchObject({
      name: "Договір № 15.pdf",
      contentType: "application/pdf",
      size: PDF.length,
    });
    const { id } = stored.json() as { id: string };
    for (const client of [scene.head, scene.controller, scene.executor1]) {
      const file = await client.inject({ method: "GET", url: `${reportUrl}/attachments/${id}` });
      expect(file.statusCode).toBe(200);
      expect(file.rawPayload.equals(PDF)).toBe(true);
      expect(file.headers["content-type"]).toBe("application/pdf");
      expect(file.headers["content-disposition"]).toContain(
        `filename*=UTF-8''${encodeURIComponent("Договір № 15.pdf")}`,
      );
    }
    const listed = await scene.head.inject({ method: "GET", url: `${reportUrl}/attachments` });
    expect(listed.json()).toHaveLength(1);
    const audit = await listAudit(monitoringDb(scene.store), { entity: "executor_report" });
    expect(audit.some((entry) => entry.action === "attach")).toBe(true);
  });

  it("tells the type by content: a PNG named .pdf is a PNG, DOCX and ODT pass, text and other archives do not", async () => {
    const png = await upload(scene.executor1, "фото.pdf", PNG);
    expect(png.json().contentType).toBe("image/png");
    const docx = await upload(scene.executor1, "акт", docxWithBody("<w:p/>"));
    expect(docx.json().contentType).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    const odt = makeZip([
      { name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.text") },
      { name: "content.xml", data: Buffer.from("<office:document-content/>") },
    ]);
    expect((await upload(scene.executor1, "акт.odt", odt)).json().contentType).toBe(
      "application/vnd.oasis.opendocument.text",
    );
    for (const [name, bytes] of [
      ["script.pdf", Buffer.from("<script>alert(1)</script>")],
      ["program.pdf", Buffer.from("MZ\x90\x00\x03\x00\x00\x00")],
      ["archive.docx", makeZip([{ name: "readme.txt", data: Buffer.from("x") }])],
      ["empty.pdf", Buffer.alloc(0)],
    ] as const) {
      const refused = await upload(scene.executor1, name, bytes);
      expect(refused.statusCode, name).toBe(415);
    }
  });

  it("refuses a file over the limit by its declared length, and a stranger before that", async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(LIMIT + 32 * 1024, 0x20)]);
    const before = (await scene.head.inject({ method: "GET", url: `${reportUrl}/attachments` })).json()
      .length;
    const refused = await upload(scene.executor1, "big.pdf", big);
    expect(refused.statusCode).toBe(413);
    expect(refused.json().error).toMatch(/Завеликий файл: найбільше 64 КБ/);
    const streamed = await upload(
      scene.executor1,
      "big.pdf",
      Buffer.concat([PDF, Buffer.alloc(LIMIT, 0x20)]),
    );
    expect(streamed.statusCode).toBe(413);
    const anonymous = await scene.app.inject({
      method: "POST",
      url: `${reportUrl}/attachments`,
      ...multipart("big.pdf", big),
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await scene.head.inject({ method: "GET", url: `${reportUrl}/attachments` })).json()).toHaveLength(
      before,
    );
  });

  it("keeps other units and other communities out", async () => {
    const [file] = (await scene.head.inject({ method: "GET", url: `${reportUrl}/attachments` })).json();
    const one = `${reportUrl}/attachments/${file.id}`;
    expect((await scene.executor2.inject({ method: "GET", url: one })).statusCode).toBe(403);
    expect((await upload(scene.executor2, "x.pdf", PDF)).statusCode).toBe(403);
    expect((await otherHead.inject({ method: "GET", url: one })).statusCode).toBe(404);
    expect((await upload(otherHead, "x.pdf", PDF)).statusCode).toBe(404);
    expect((await scene.controller.inject({ method: "DELETE", url: one })).statusCode).toBe(403);
  });

  it("removes a file from a draft, and locks the files with the submitted report", async () => {
    const files = (await scene.head.inject({ method: "GET", url: `${reportUrl}/attachments` })).json();
    const last = `${reportUrl}/attachments/${files.at(-1).id}`;
    expect((await scene.executor1.inject({ method: "DELETE", url: last })).statusCode).toBe(204);
    expect((await scene.executor1.inject({ method: "GET", url: last })).statusCode).toBe(404);
    expect((await scene.executor1.inject({ method: "POST", url: `${reportUrl}/submit` })).statusCode).toBe(
      200,
    );
    const first = `${reportUrl}/attachments/${files[0].id}`;
    expect((await upload(scene.executor1, "late.pdf", PDF)).statusCode).toBe(409);
    expect((await scene.executor1.inject({ method: "DELETE", url: first })).statusCode).toBe(409);
    expect((await scene.head.inject({ method: "GET", url: first })).statusCode).toBe(200);
    expect((await scene.head.inject({ method: "GET", url: `${reportUrl}/attachments` })).json()).toHaveLength(
      files.length - 1,
    );
  });

  it("carries the files of a submitted report over to its correction, and keeps the original's", async () => {
    const kept = (await scene.head.inject({ method: "GET", url: `${reportUrl}/attachments` })).json();
    const corrected = await scene.executor1.inject({
      method: "POST",
      url: `${reportUrl}/corrections`,
      payload: { status: "done", actual: [], text: "виправлено" },
    });
    expect(corrected.statusCode).toBe(201);
    const correctionUrl = `/api/programmes/${scene.programmeId}/reports/${corrected.json().id}`;
    const carried = (await scene.head.inject({ method: "GET", url: `${correctionUrl}/attachments` })).json();
    const names = (list: { name: string; sha256: string }[]) => list.map((each) => [each.name, each.sha256]);
    expect(names(carried)).toEqual(names(kept));
    const first = await scene.head.inject({
      method: "GET",
      url: `${correctionUrl}/attachments/${carried[0].id}`,
    });
    expect(first.rawPayload.equals(PDF)).toBe(true);
    expect((await scene.head.inject({ method: "GET", url: `${reportUrl}/attachments` })).json()).toEqual(
      kept,
    );
  });
});
