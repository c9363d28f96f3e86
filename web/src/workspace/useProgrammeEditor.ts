import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Finding, Programme } from "../../../src/domain/model.js";
import { programmeTotals } from "../../../src/domain/totals.js";
import { validateProgramme } from "../../../src/domain/validate.js";
import type { MessageKey } from "../i18n/index.js";
import { FieldErrorStore, useInvalidCount } from "../lib/fieldErrorStore.js";
import { canRedo, canUndo, createHistory, pushState, redo, undo } from "../lib/history.js";
import { itemDomId } from "../lib/refs.js";
import type { TreeEditor } from "./components/editorTypes.js";

const findingKey = (finding: Finding) => `${finding.code}|${finding.location.ref}|${finding.message}`;

/**
 * Editing state of one programme: undo history, field errors, live findings and totals. Findings
 * the validator cannot reproduce (the importer's own, about the source document) are kept as given.
 */
export function useProgrammeEditor(original: Programme, originalFindings: Finding[]) {
  const [history, setHistory] = useState(() => createHistory(original));
  const fieldErrors = useMemo(() => new FieldErrorStore<MessageKey>(), []);
  const invalidCount = useInvalidCount(fieldErrors);
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    setHistory(createHistory(original));
    fieldErrors.clear();
  }, [original, fieldErrors]);

  const importOnly = useMemo(() => {
    const reproducible = new Set(validateProgramme(original).map(findingKey));
    return originalFindings.filter((finding) => !reproducible.has(findingKey(finding)));
  }, [original, originalFindings]);

  const programme = history.present;
  const findings = useMemo(
    () => (programme === original ? originalFindings : [...importOnly, ...validateProgramme(programme)]),
    [programme, original, originalFindings, importOnly],
  );
  const totals = useMemo(() => programmeTotals(programme), [programme]);

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
