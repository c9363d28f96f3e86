/**
 * The agreement flow over HTTP, as its users go through it: the head submits, a reviewer finds the
 * draft in the national queue, reads the automatic expertise, writes two remarks and returns it; the
 * head answers (one with a change, one with an explanation) and resubmits; the reviewer agrees and the
 * letter downloads; field 4 is filled; the council's decision fills field 3; in force, an amendment of
 * money needs a new agreement while a text edit does not. And who may not do what.
 */
import type { FastifyInstance } from "fastify";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import { allItems, type Programme } from "../../src/domain/model.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { setReviewOblast } from "../../src/store/agreement.js";
import type { Store } from "../../src/store/index.js";
import { type Client, userClient } from "../monitoring-api/support.js";
import { openTestStore } from "../support/db.js";

const A = "UA99000000000000001";
const B = "UA98000000000000002";

function programmeOf(katottg: string, name: string): Programme {
  const programme = structuredClone(demoProgramme());
  programme.community = { name, katottg };
  return programme;
}

describe("agreement with the Ministry over the API", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let id = 0;
  let idB = 0;
  let head: Client;
  let headB: Client;
  let controller: Client;
  let ministry: Client;
  let oblastB: Client;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    ({ programmeId: id } = await store.saveImport(
      { programme: programmeOf(A, "Громада А"), findings: [] },
      { name: "a", sha256: "a" },
    ));
    ({ programmeId: idB } = await store.saveImport(
      { programme: programmeOf(B, "Громада Б"), findings: [] },
      { name: "b", sha256: "b" },
    ));
    app = buildApp({ store, webDist: "/nonexistent", loginAttemptsPerMinute: 1000 });
    await app.ready();
    head = await userClient(app, store, "head-a", "head", { katottg: A });
    headB = await userClient(app, store, "head-b", "head", { katottg: B });
    controller = await userClient(app, store, "controller-a", "controller", { katottg: A });
    ministry = await userClient(app, store, "reviewer-ministry", "reviewer");
    oblastB = await userClient(app, store, "reviewer-oblast-b", "reviewer");
    await setReviewOblast(store, oblastB.user.id, "UA98");
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  const step = (client: Client, programmeId: number, body: object) =>
    client.inject({ method: "POST", url: `/api/agreement/${programmeId}/steps`, payload: body });
  const current = async () => (await head.inject(`/api/programmes/${id}`)).json() as { programme: Programme };
  const put = (client: Client, programme: Programme) =>
    client.inject({ method: "PUT", url: `/api/programmes/${id}`, payload: programme });
  const field = (programme: Programme, number: number) =>
    programme.passport.fields.find((each) => each.number === number)?.value ?? "";

  it("goes from a submitted draft to a programme in force, and through an amendment", async () => {
    expect((await step(head, id, { action: "submit" })).json()).toMatchObject({ state: "submitted" });
    const frozen = await put(head, (await current()).programme);
    expect(frozen.statusCode).toBe(409);

    const queue = (await ministry.inject("/api/agreement/queue")).json();
    expect(queue.data.map((row: { programmeId: number }) => row.programmeId)).toEqual([id]);
    expect((await oblastB.inject("/api/agreement/queue")).json().data).toEqual([]);

    const expertise = await ministry.inject(`/api/agreement/${id}/expertise`);
    expect(expertise.statusCode).toBe(200);
    expect(expertise.json().checklist.length).toBeGreaterThan(5);
    const docx = await ministry.inject(`/api/agreement/${id}/expertise.docx`);
    expect(docx.headers["content-type"]).toContain("wordprocessingml");

    const remark = (body: object) =>
      ministry.inject({ method: "POST", url: `/api/agreement/${id}/remarks`, payload: body });
    const onHead = (
      await remark({ ref: "passport:7", text: "Керівник програми має бути не нижче заступника голови" })
    ).json();
    const onIndicator = (await remark({ ref: "indicator:0", text: "Обґрунтуйте базове значення" })).json();
    expect(
      (await step(oblastB, id, { action: "agree", letter: { number: "1", date: "2026-03-12" } })).statusCode,
    ).toBe(403);
    expect((await step(ministry, id, { action: "return" })).json()).toMatchObject({ state: "remarks" });

    expect((await step(head, id, { action: "resubmit" })).statusCode).toBe(409);
    const edited = (await current()).programme;
    const seven = edited.passport.fields.find((each) => each.number === 7);
    if (seven) seven.value = "Заступник міського голови з питань діяльності виконавчих органів";
    expect((await put(head, edited)).statusCode).toBe(200);
    const answer = (remarkId: number, body: object) =>
      head.inject({ method: "POST", url: `/api/agreement/${id}/remarks/${remarkId}/answer`, payload: body });
    expect(
      (await answer(onHead.id, { kind: "changed", text: "Змінено керівника" })).json().answer.version,
    ).toBeGreaterThan(onHead.version);
    expect(
      (await answer(onIndicator.id, { kind: "explained", text: "Дані звіту за 2025 рік" })).json().answer
        .version,
    ).toBeNull();
    expect((await step(head, id, { action: "resubmit" })).json()).toMatchObject({ state: "resubmitted" });

    expect(
      (
        await step(ministry, id, { action: "agree", letter: { number: "1234/1.2", date: "2026-03-12" } })
      ).json(),
    ).toMatchObject({ state: "agreed" });
    expect(field((await current()).programme, 4)).toContain("від 12.03.2026 № 1234/1.2");
    const letter = await head.inject(
      `/api/agreement/${id}/letter.docx?communityLetter=${encodeURIComponent("від 01.03.2026 № 01-15/77")}`,
    );
    expect(letter.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(letter.rawPayload)).file("word/document.xml")?.async("string");
    expect(xml).toContain("1234/1.2");
    expect(xml).toContain("Громада А");
    expect(xml).toContain("01-15/77");

    const decision = { title: "Рішення 45 сесії міської ради", number: "56", date: "2026-04-24" };
    expect((await step(head, id, { action: "approve", decision })).json()).toMatchObject({
      state: "approved",
    });
    expect(field((await current()).programme, 3)).toBe("Рішення 45 сесії міської ради від 24.04.2026 № 56");
    expect((await step(head, id, { action: "enter-into-force" })).json()).toMatchObject({
      state: "in-force",
    });

    expect((await step(head, id, { action: "amend" })).json()).toMatchObject({ state: "amendment-draft" });
    const texts = (await current()).programme;
    for (const section of texts.sections) section.text += " Уточнено.";
    expect((await put(head, texts)).statusCode).toBe(200);
    expect((await step(head, id, { action: "apply-amendment" })).json()).toMatchObject({ state: "in-force" });

    expect((await step(head, id, { action: "amend" })).statusCode).toBe(200);
    const money = (await current()).programme;
    const row = allItems(money)
      .flatMap((item) => item.funding)
      .find((each) => each.total > 0);
    if (!row) throw new Error("no money in the demo");
    const year = Object.keys(row.byYear)[0] ?? "";
    row.byYear[year] = (row.byYear[year] ?? 0) + 100_000;
    row.total += 100_000;
    expect((await put(head, money)).statusCode).toBe(200);
    const refused = await step(head, id, { action: "apply-amendment" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toContain("нового погодження");
    expect((await step(head, id, { action: "submit" })).json()).toMatchObject({ state: "submitted" });

    const events = (await head.inject(`/api/agreement/${id}`))
      .json()
      .events.map((each: { action: string }) => each.action);
    expect(events).toEqual([
      "submit",
      "return",
      "resubmit",
      "agree",
      "approve",
      "enter-into-force",
      "amend",
      "apply-amendment",
      "amend",
      "submit",
    ]);
  });

  it("a reviewer cannot edit a programme; a head cannot see another community's remarks; a controller decides nothing", async () => {
    expect(
      (await ministry.inject({ method: "PUT", url: `/api/programmes/${idB}`, payload: demoProgramme() }))
        .statusCode,
    ).toBe(403);
    expect((await headB.inject(`/api/agreement/${id}`)).statusCode).toBe(404);
    expect((await headB.inject(`/api/agreement/${id}/expertise`)).statusCode).toBe(404);
    expect((await step(headB, id, { action: "submit" })).statusCode).toBe(404);
    expect((await step(controller, idB, { action: "submit" })).statusCode).toBe(403);
    expect((await controller.inject(`/api/agreement/${id}`)).json().steps).toEqual([]);
    expect((await head.inject("/api/agreement/queue")).statusCode).toBe(403);
    const ownRemark = await head.inject({
      method: "POST",
      url: `/api/agreement/${idB}/remarks`,
      payload: { ref: "programme", text: "x" },
    });
    expect(ownRemark.statusCode).toBe(403);
  });

  it("an oblast reviewer decides only on its oblast's drafts", async () => {
    expect((await step(headB, idB, { action: "submit" })).statusCode).toBe(200);
    expect(
      (await oblastB.inject("/api/agreement/queue"))
        .json()
        .data.map((row: { programmeId: number }) => row.programmeId),
    ).toEqual([idB]);
    const agreed = await step(oblastB, idB, { action: "agree", letter: { number: "7", date: "2026-05-01" } });
    expect(agreed.json()).toMatchObject({ state: "agreed" });
  });
});
