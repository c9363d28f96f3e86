import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import type { Finding, Programme } from "../../../src/domain/model.js";
import { changeBetween, projectFields, totalsAfterProjectEdit } from "../../../src/domain/project-edit.js";
import { programmeTotals, type Totals } from "../../../src/domain/totals.js";
import { validateProgramme } from "../../../src/domain/validate.js";
import type { MessageKey } from "../i18n/index.js";
import { FieldErrorStore, useInvalidCount } from "../lib/fieldErrorStore.js";
import { canRedo, canUndo, createHistory, pushState, redo, undo } from "../lib/history.js";
import { itemDomId } from "../lib/refs.js";
import type { TreeEditor } from "./components/editorTypes.js";

const findingKey = (finding: Finding) => `${finding.code}|${finding.location.ref}|${finding.message}`;

/** The same findings in the same order (what the findings panel and the tree's flags show of them). */
function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  return (
    a.length === b.length &&
    a.every((finding, i) => {
      const other = b[i];
      return (
        other !== undefined &&
        finding.code === other.code &&
        finding.severity === other.severity &&
        finding.message === other.message &&
        finding.location.ref === other.location.ref &&
        finding.location.line === other.location.line
      );
    })
  );
}

/** Findings the validator cannot reproduce (the importer's own, about the source document). */
function importOnlyFindings(original: Programme, findings: Finding[]): Finding[] {
  const reproducible = new Set(validateProgramme(original).map(findingKey));
  return findings.filter((finding) => !reproducible.has(findingKey(finding)));
}

/**
 * The totals of the programme shown, kept from state to state: one project's edit (or its undo)
 * moves them by that project's rows alone; any other change sums the programme again.
 */
function useLiveTotals(
  programme: Programme,
  original: Programme,
  originalTotals: Totals | undefined,
): Totals {
  const last = useRef<{ programme: Programme; totals: Totals } | null>(null);
  return useMemo(() => {
    const previous = last.current;
    let totals: Totals;
    if (previous?.programme === programme) totals = previous.totals;
    else if (programme === original && originalTotals) totals = originalTotals;
    else {
      const change = previous ? changeBetween(previous.programme, programme) : { kind: "other" as const };
      totals =
        previous && change.kind === "project"
          ? totalsAfterProjectEdit(previous.totals, projectFields(change.before), projectFields(change.after))
          : programmeTotals(programme);
    }
    last.current = { programme, totals };
    return totals;
  }, [programme, original, originalTotals]);
}

/**
 * Editing state of one programme: undo history, field errors, live findings and totals. Opening a
 * programme or entering edit mode validates and sums nothing: the server's findings and totals stand
 * until the first edit. Findings the validator cannot reproduce (the importer's own, about the source
 * document) are kept as given.
 */
export function useProgrammeEditor(
  original: Programme,
  originalFindings: Finding[],
  originalTotals?: Totals,
) {
  const [history, setHistory] = useState(() => createHistory(original));
  const [historyOf, setHistoryOf] = useState(original);
  const fieldErrors = useMemo(() => new FieldErrorStore<MessageKey>(), []);
  const invalidCount = useInvalidCount(fieldErrors);
  const [focusId, setFocusId] = useState<string | null>(null);

  // A programme loaded or just saved starts its history in the render that shows it: reset in an
  // effect, every save of a large programme rendered the whole workspace a second time.
  if (historyOf !== original) {
    setHistoryOf(original);
    setHistory(createHistory(original));
  }
  useEffect(() => {
    if (original) fieldErrors.clear();
  }, [original, fieldErrors]);

  const importOnly = useRef<{ original: Programme; findings: Finding[] } | null>(null);
  const programme = history.present;
  // Validation of a large programme takes a while: typing stays responsive, findings follow.
  const checked = useDeferredValue(programme);
  // Back at the loaded state (just saved, or every edit undone): its findings at once, without
  // validating the state the deferred value still holds.
  const atOriginal = programme === original;
  // Findings equal to the ones shown keep their array: an edit that changes no finding (most amounts),
  // and the save after it, render neither the findings panel nor the tree's flags again.
  const shown = useRef<Finding[] | null>(null);
  const findings = useMemo(() => {
    let next: Finding[];
    if (atOriginal || checked === original) next = originalFindings;
    else {
      if (importOnly.current?.original !== original) {
        importOnly.current = { original, findings: importOnlyFindings(original, originalFindings) };
      }
      next = [...importOnly.current.findings, ...validateProgramme(checked)];
    }
    if (shown.current && shown.current !== next && sameFindings(shown.current, next)) return shown.current;
    shown.current = next;
    return next;
  }, [atOriginal, checked, original, originalFindings]);
  const totals = useLiveTotals(programme, original, originalTotals);

  const latest = useRef(history.present);
  latest.current = history.present;
  const current = useCallback(() => latest.current, []);

  const commit = useCallback((next: Programme, coalesceKey?: string, focusItemId?: string | null) => {
    setHistory((current) => pushState(current, next, coalesceKey ?? null));
    if (focusItemId) setFocusId(focusItemId);
  }, []);

  useEffect(() => {
    if (!focusId) return;
    const frame = requestAnimationFrame(() => document.getElementById(itemDomId(focusId))?.focus());
    setFocusId(null);
    return () => cancelAnimationFrame(frame);
  }, [focusId]);

  const editor: TreeEditor = useMemo(
    () => ({ errors: fieldErrors, commit, current }),
    [fieldErrors, commit, current],
  );

  return {
    programme,
    findings,
    totals,
    editor,
    dirty: programme !== original,
    valid: invalidCount === 0,
    canUndo: canUndo(history),
    canRedo: canRedo(history),
    undo: () => setHistory(undo),
    redo: () => setHistory(redo),
  };
}
