import { describe, expect, it } from "vitest";
import { amendmentNeedsAgreement, checkAmendment } from "../../src/domain/agreement/amendment.js";
import {
  AGREEMENT_ACTIONS,
  AGREEMENT_STATES,
  type AgreementState,
  field3Text,
  field4Text,
  isFrozen,
  reviewerCovers,
  STEPS,
  type StepContext,
  takeStep,
} from "../../src/domain/agreement/lifecycle.js";
import { allItems } from "../../src/domain/model.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";

const ready: StepContext = {
  newRemarks: 2,
  unansweredRemarks: 0,
  letter: { number: "1234/1.2", date: "2026-03-12" },
  decision: { title: "Рішення 45 сесії міської ради", number: "56", date: "2026-04-24" },
  amendmentNeedsAgreement: false,
};

describe("the programme's life cycle", () => {
  it("walks draft → submitted → remarks → resubmitted → agreed → approved → in force → amendment → in force", () => {
    const path: [string, "community" | "reviewer"][] = [
      ["submit", "community"],
      ["return", "reviewer"],
      ["resubmit", "community"],
      ["agree", "reviewer"],
      ["approve", "community"],
      ["enter-into-force", "community"],
      ["amend", "community"],
      ["apply-amendment", "community"],
    ];
    let state: AgreementState = "draft";
    const visited: AgreementState[] = [state];
    for (const [action, party] of path) {
      const result = takeStep(state, action as (typeof AGREEMENT_ACTIONS)[number], party, ready);
      if (!result.ok) throw new Error(`${action} from ${state}: ${result.reason.en}`);
      state = result.to;
      visited.push(state);
    }
    expect(visited).toEqual([
      "draft",
      "submitted",
      "remarks",
      "resubmitted",
      "agreed",
      "approved",
      "in-force",
      "amendment-draft",
      "in-force",
    ]);
  });

  it("lets a reviewer only return and agree, and the community never decide for the reviewer", () => {
    for (const action of AGREEMENT_ACTIONS) {
      const own = STEPS[action].by;
      const other = own === "reviewer" ? "community" : "reviewer";
      const from = STEPS[action].from[0] as AgreementState;
      expect(takeStep(from, action, own, ready).ok).toBe(true);
      expect(takeStep(from, action, other, ready).ok).toBe(false);
    }
    expect(AGREEMENT_ACTIONS.filter((action) => STEPS[action].by === "reviewer")).toEqual([
      "return",
      "agree",
    ]);
  });

  it("refuses every step from a state it does not start from", () => {
    for (const action of AGREEMENT_ACTIONS) {
      for (const state of AGREEMENT_STATES.filter((each) => !STEPS[action].from.includes(each))) {
        expect(takeStep(state, action, STEPS[action].by, ready).ok).toBe(false);
      }
    }
  });

  it("needs remarks to return, answers to resubmit, a letter to agree, a decision to approve", () => {
    expect(takeStep("submitted", "return", "reviewer", { ...ready, newRemarks: 0 }).ok).toBe(false);
    expect(takeStep("remarks", "resubmit", "community", { ...ready, unansweredRemarks: 1 }).ok).toBe(false);
    expect(
      takeStep("submitted", "agree", "reviewer", { ...ready, letter: { number: "", date: "2026-03-12" } }).ok,
    ).toBe(false);
    expect(
      takeStep("submitted", "agree", "reviewer", { ...ready, letter: { number: "1", date: "12.03.2026" } })
        .ok,
    ).toBe(false);
    expect(takeStep("agreed", "approve", "community", { ...ready, decision: undefined }).ok).toBe(false);
    expect(
      takeStep("amendment-draft", "apply-amendment", "community", { ...ready, amendmentNeedsAgreement: true })
        .ok,
    ).toBe(false);
  });

  it("freezes every version from submission on; drafts stay editable", () => {
    expect(AGREEMENT_STATES.filter((state) => !isFrozen(state))).toEqual(["draft", "amendment-draft"]);
  });

  it("writes fields 4 and 3 from the letter and the decision", () => {
    expect(field4Text({ number: "1234/1.2", date: "2026-03-12" })).toBe(
      "Лист Міністерства цифрової трансформації України від 12.03.2026 № 1234/1.2",
    );
    expect(field3Text({ title: "Рішення 45 сесії міської ради", number: "56", date: "2026-04-24" })).toBe(
      "Рішення 45 сесії міської ради від 24.04.2026 № 56",
    );
  });

  it("a Ministry reviewer covers every community; an oblast reviewer only the oblast's codes", () => {
    expect(reviewerCovers({ kind: "ministry" }, "UA59000000000000001")).toBe(true);
    expect(reviewerCovers({ kind: "oblast", oblast: "UA59" }, "UA59020030000012345")).toBe(true);
    expect(reviewerCovers({ kind: "oblast", oblast: "UA59" }, "UA05020030000012345")).toBe(false);
    expect(reviewerCovers({ kind: "oblast", oblast: "UA59" }, "")).toBe(false);
  });
});

describe("amendment.needs-agreement", () => {
  it("a project's amount needs a new agreement; a change of texts only does not", () => {
    const before = structuredClone(demoProgramme());
    const texts = structuredClone(demoProgramme());
    for (const section of texts.sections) section.text += " Уточнено.";
    expect(amendmentNeedsAgreement(before, texts)).toBe(false);
    expect(checkAmendment(before, texts)).toEqual([]);

    const money = structuredClone(demoProgramme());
    const project = allItems(money).find((each) => each.funding.some((row) => row.total > 0));
    const funded = project?.funding.find((row) => row.total > 0);
    if (!project || !funded) throw new Error("demo has no funded project");
    const year = Object.keys(funded.byYear)[0] ?? "";
    funded.byYear[year] = (funded.byYear[year] ?? 0) + 100_000;
    funded.total += 100_000;
    const [found] = checkAmendment(before, money);
    expect(found?.code).toBe("amendment.needs-agreement");
    expect(found?.message).toContain(`змінено обсяги заходу ${project.number}`);
    expect(found?.location.ref).toBe(`item:${project.id}`);
  });

  it("so do a new executor and a changed indicator target", () => {
    const before = structuredClone(demoProgramme());
    const executors = structuredClone(demoProgramme());
    const first = allItems(executors)[0];
    if (first) first.executors = [...first.executors, "Новий відділ"];
    expect(amendmentNeedsAgreement(before, executors)).toBe(true);
    const targets = structuredClone(demoProgramme());
    const indicator = targets.indicators[0];
    if (!indicator) throw new Error("demo has no indicator");
    indicator.targets = { ...indicator.targets, [String(targets.period.to)]: "999" };
    expect(checkAmendment(before, targets)[0]?.message).toContain("змінено індикатори");
  });
});
