import { SegmentedControl } from "@mantine/core";
import { useI18n } from "../i18n/index.js";
import type { Lang } from "../lib/format.js";

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t("app.language")}
      value={lang}
      onChange={(value) => setLang(value as Lang)}
      data={[
        { value: "uk", label: "УКР" },
        { value: "en", label: "ENG" },
      ]}
    />
  );
}
