import { TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import type { Kopecks } from "../../../../src/domain/money.js";
import { useI18n } from "../../i18n/index.js";
import { amountToInput, parseAmountInput } from "../../lib/amountInput.js";
import { useFieldError } from "../../lib/fieldErrorStore.js";
import { useMoney } from "../../shared/money.js";
import type { FieldErrors } from "./editorTypes.js";

interface Props {
  label: string;
  kopecks: Kopecks;
  fieldKey: string;
  errors: FieldErrors;
  onChange: (kopecks: Kopecks) => void;
}

/**
 * An amount typed the Ukrainian way ("1 774,5") in the programme's unit and stored as kopecks exactly;
 * invalid text never reaches the model.
 */
export function AmountField({ label, kopecks, fieldKey, errors, onChange }: Props) {
  const { t } = useI18n();
  const { unit } = useMoney();
  const [text, setText] = useState(() => amountToInput(kopecks, unit));
  const error = useFieldError(errors, fieldKey);
  const setFieldError = errors.set;

  useEffect(() => {
    // The model changed from outside (undo, redo): show its value unless the text already means it.
    setText((current) => {
      const parsed = parseAmountInput(current, unit);
      return parsed.ok && parsed.kopecks === kopecks ? current : amountToInput(kopecks, unit);
    });
    setFieldError(fieldKey, null);
  }, [kopecks, unit, fieldKey, setFieldError]);

  useEffect(() => () => setFieldError(fieldKey, null), [fieldKey, setFieldError]);

  return (
    <TextInput
      size="xs"
      label={label}
      value={text}
      inputMode="decimal"
      autoComplete="off"
      error={error ? t(error) : undefined}
      styles={{ input: { textAlign: "right", fontVariantNumeric: "tabular-nums" } }}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        const parsed = parseAmountInput(next, unit);
        if (parsed.ok) {
          setFieldError(fieldKey, null);
          if (parsed.kopecks !== kopecks) onChange(parsed.kopecks);
        } else {
          setFieldError(fieldKey, parsed.error);
        }
      }}
    />
  );
}
