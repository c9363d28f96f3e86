import type { Programme } from "../../../../src/domain/model.js";
import type { MessageKey } from "../../i18n/index.js";

/** Errors of fields whose text could not be put into the model; Save is disabled while any exists. */
export type FieldErrors = ReadonlyMap<string, MessageKey>;
export type SetFieldError = (key: string, error: MessageKey | null) => void;

export interface TreeEditor {
  errors: FieldErrors;
  /** Stable across renders. */
  setFieldError: SetFieldError;
  /** Records a new state; edits with the same coalesce key (typing in one field) undo together. */
  commit(next: Programme, coalesceKey?: string, focusItemId?: string | null): void;
}
