/**
 * The life cycle of a programme from draft to force and through its amendments (Res. 119; п. 8 of the
 * Regulation on the National Informatization Programme: changes to tasks and projects are agreed again).
 * Pure: the store records each transition with its actor, time, version and document.
 */

export const AGREEMENT_STATES = [
  "draft",
  "submitted",
  "remarks",
  "resubmitted",
  "agreed",
  "approved",
  "in-force",
  "amendment-draft",
] as const;
export type AgreementState = (typeof AGREEMENT_STATES)[number];

export const AGREEMENT_ACTIONS = [
  "submit",
  "return",
  "resubmit",
  "agree",
  "approve",
  "enter-into-force",
  "amend",
  "apply-amendment",
] as const;
export type AgreementAction = (typeof AGREEMENT_ACTIONS)[number];

/** Who takes a step: the community's head (or admin) or a reviewer of the Ministry / an oblast. */
export type Party = "community" | "reviewer";

export interface Step {
  from: readonly AgreementState[];
  to: AgreementState;
  by: Party;
  /** Ukrainian first, English second. */
  label: { uk: string; en: string };
  basis: string;
}

const RES_119 = "постанова КМУ від 02.02.2024 № 119";
const NPI_REGULATION = "Положення про Національну програму інформатизації, п. 8";

export const STEPS: Record<AgreementAction, Step> = {
  submit: {
    from: ["draft", "amendment-draft"],
    to: "submitted",
    by: "community",
    label: { uk: "Подати на погодження", en: "Submit for agreement" },
    basis: `${RES_119}: проєкт програми погоджується з Генеральним державним замовником`,
  },
  return: {
    from: ["submitted", "resubmitted"],
    to: "remarks",
    by: "reviewer",
    label: { uk: "Повернути із зауваженнями", en: "Return with remarks" },
    basis: `${RES_119}: первинна експертиза; лист Мінцифри із зауваженнями`,
  },
  resubmit: {
    from: ["remarks"],
    to: "resubmitted",
    by: "community",
    label: { uk: "Подати повторно", en: "Resubmit" },
    basis: `${RES_119}: доопрацьований проєкт подається повторно`,
  },
  agree: {
    from: ["submitted", "resubmitted"],
    to: "agreed",
    by: "reviewer",
    label: { uk: "Погодити", en: "Agree" },
    basis: `${RES_119}: лист-погодження Мінцифри (поле 4 паспорта)`,
  },
  approve: {
    from: ["agreed"],
    to: "approved",
    by: "community",
    label: { uk: "Затверджено рішенням ради", en: "Approved by the council" },
    basis: `${RES_119}: програма затверджується рішенням ради (поле 3 паспорта)`,
  },
  "enter-into-force": {
    from: ["approved"],
    to: "in-force",
    by: "community",
    label: { uk: "Набрала чинності", en: "In force" },
    basis: `${RES_119}: виконання програми`,
  },
  amend: {
    from: ["in-force"],
    to: "amendment-draft",
    by: "community",
    label: { uk: "Підготувати зміни", en: "Draft an amendment" },
    basis: NPI_REGULATION,
  },
  "apply-amendment": {
    from: ["amendment-draft"],
    to: "in-force",
    by: "community",
    label: { uk: "Внести зміни без погодження", en: "Apply without agreement" },
    basis: `${NPI_REGULATION}: зміни лише текстів не потребують повторного погодження`,
  },
};

/** A reviewer of the Ministry sees and decides on every community; one of an oblast, only on its own. */
export type ReviewerScope = { kind: "ministry" } | { kind: "oblast"; oblast: string };

/** The oblast part of a KATOTTG code: `UA05020030000012345` → `UA05`. */
export function oblastOf(katottg: string): string {
  return /^UA\d{2}/.test(katottg) ? katottg.slice(0, 4) : "";
}

export function reviewerCovers(scope: ReviewerScope, katottg: string): boolean {
  return scope.kind === "ministry" || (oblastOf(katottg) !== "" && oblastOf(katottg) === scope.oblast);
}

export interface Letter {
  number: string;
  /** ISO date. */
  date: string;
}

export interface CouncilDecision {
  title: string;
  number: string;
  date: string;
}

/** What a step needs besides the state: the facts the store has gathered for this request. */
export interface StepContext {
  /** Remarks written on the version under review and not yet sent (return). */
  newRemarks: number;
  /** Remarks of the last return that the community has not answered yet (resubmit). */
  unansweredRemarks: number;
  letter?: Letter;
  decision?: CouncilDecision;
  /** The amendment changes tasks, projects or their money (see `amendmentNeedsAgreement`). */
  amendmentNeedsAgreement?: boolean;
}

export type StepResult = { ok: true; to: AgreementState } | { ok: false; reason: { uk: string; en: string } };

const refuse = (uk: string, en: string): StepResult => ({ ok: false, reason: { uk, en } });

/** Whether `action` may be taken from `state` by `party`, and the state it leads to. */
export function takeStep(
  state: AgreementState,
  action: AgreementAction,
  party: Party,
  context: StepContext,
): StepResult {
  const step = STEPS[action];
  if (step.by !== party) {
    return party === "reviewer"
      ? refuse("Рецензент пише лише зауваження і рішення.", "A reviewer writes only remarks and decisions.")
      : refuse("Це рішення ухвалює рецензент.", "This decision is the reviewer's.");
  }
  if (!step.from.includes(state)) {
    return refuse(
      `Дія «${step.label.uk}» неможлива у стані «${STATE_LABELS[state].uk}».`,
      `"${step.label.en}" is not possible in state "${STATE_LABELS[state].en}".`,
    );
  }
  const missing = missingFor(action, context);
  return missing ?? { ok: true, to: step.to };
}

function missingFor(action: AgreementAction, context: StepContext): StepResult | null {
  if (action === "return" && context.newRemarks === 0) {
    return refuse("Повернути можна лише із зауваженнями.", "A draft is returned only with remarks.");
  }
  if (action === "resubmit" && context.unansweredRemarks > 0) {
    return refuse(
      `Не відповіли на зауваження: ${context.unansweredRemarks}.`,
      `Remarks left unanswered: ${context.unansweredRemarks}.`,
    );
  }
  if (action === "agree" && !isLetter(context.letter)) {
    return refuse("Потрібні номер і дата листа-погодження.", "The letter's number and date are required.");
  }
  if (action === "approve" && !isDecision(context.decision)) {
    return refuse(
      "Потрібні назва, номер і дата рішення ради.",
      "The decision's title, number and date are required.",
    );
  }
  if (action === "apply-amendment" && context.amendmentNeedsAgreement !== false) {
    return refuse(
      "Зміни завдань, проєктів чи обсягів потребують нового погодження: подайте їх на погодження.",
      "Changes to tasks, projects or amounts need a new agreement: submit them.",
    );
  }
  return null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isLetter(letter: Letter | undefined): letter is Letter {
  return !!letter && letter.number.trim() !== "" && ISO_DATE.test(letter.date);
}

function isDecision(decision: CouncilDecision | undefined): decision is CouncilDecision {
  return (
    !!decision &&
    decision.title.trim() !== "" &&
    decision.number.trim() !== "" &&
    ISO_DATE.test(decision.date)
  );
}

/** A version once submitted is frozen: it is never edited, only followed by a new version. */
export function isFrozen(state: AgreementState): boolean {
  return state !== "draft" && state !== "amendment-draft";
}

/** The community edits its programme as a draft, an amendment, or to answer remarks (a new version). */
export function isEditable(state: AgreementState): boolean {
  return state === "draft" || state === "amendment-draft" || state === "remarks";
}

export const STATE_LABELS: Record<AgreementState, { uk: string; en: string }> = {
  draft: { uk: "Чернетка", en: "Draft" },
  submitted: { uk: "Подано на погодження", en: "Submitted for agreement" },
  remarks: { uk: "Повернуто із зауваженнями", en: "Returned with remarks" },
  resubmitted: { uk: "Подано повторно", en: "Resubmitted" },
  agreed: { uk: "Погоджено", en: "Agreed" },
  approved: { uk: "Затверджено радою", en: "Approved by the council" },
  "in-force": { uk: "Чинна", en: "In force" },
  "amendment-draft": { uk: "Проєкт змін", en: "Amendment drafted" },
};

/** «Лист Мінцифри від 12.03.2026 № 1234/1.2» for passport field 4. */
export function field4Text(letter: Letter): string {
  return `Лист Міністерства цифрової трансформації України від ${dotted(letter.date)} № ${letter.number.trim()}`;
}

/** «Рішення … від 24.04.2026 № 56» for passport field 3. */
export function field3Text(decision: CouncilDecision): string {
  return `${decision.title.trim()} від ${dotted(decision.date)} № ${decision.number.trim()}`;
}

function dotted(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}.${month}.${year}`;
}

/** An edit of a programme whose current version is under review or agreed (see `isFrozen`). */
export class ProgrammeFrozenError extends Error {
  constructor(readonly state: AgreementState) {
    super(
      `Програму у стані «${STATE_LABELS[state].uk}» не редагують: ` +
        (state === "in-force" ? "спершу підготуйте зміни (проєкт змін)." : "дочекайтеся рішення рецензента."),
    );
  }
}
