import { SOURCE_LABELS_UK, type SourceKind } from "../../../src/domain/model.js";
import { SOURCE_LABELS_EN } from "../i18n/en.js";
import type { Lang } from "../lib/format.js";

export function sourceLabels(lang: Lang): Record<SourceKind, string> {
  return lang === "en" ? SOURCE_LABELS_EN : SOURCE_LABELS_UK;
}
