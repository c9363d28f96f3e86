import type { Programme } from "../../../../src/domain/model.js";
import type { MessageKey } from "../../i18n/index.js";
import type { FieldErrorStore } from "../../lib/fieldErrorStore.js";

/** Errors of fields whose text could not be put into the model; Save is disabled while any exists. */
export type FieldErrors = FieldErrorStore<MessageKey>;

/** Stable across renders: tree nodes keep it as a prop without re-rendering. */
export interface TreeEditor {
  errors: FieldErrors;
  /** The latest programme, read when an edit happens (so tree nodes need not re-render for it). */
  current(): Programme;
  /** Records a new state; edits with the same coalesce key (typing in one field) undo together. */
  commit(next: Programme, coalesceKey?: string, focusItemId?: string | null): void;
}
