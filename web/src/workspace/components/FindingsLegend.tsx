import { Stack, Text } from "@mantine/core";
import type { Finding } from "../../../../src/domain/model.js";
import { useI18n } from "../../i18n/index.js";
import { legendEntries } from "../../lib/ruleLegend.js";

/** What each code among the findings means, from the rule table (docs/rules.md is the same table). */
export function FindingsLegend({ findings }: { findings: Finding[] }) {
  const { lang, t } = useI18n();
  const entries = legendEntries(findings, lang);
  if (entries.length === 0) return null;
  return (
    <details style={{ marginTop: 8 }}>
      <summary>
        <Text component="span" size="sm">
          {t("findings.legend")}
        </Text>
      </summary>
      <Stack gap={6} component="dl" m={0} mt={6} data-testid="findings-legend">
        {entries.map((entry) => (
          <div key={entry.code}>
            <Text component="dt" size="sm" fw={600}>
              {entry.code} · {t(entry.severity === "error" ? "findings.error" : "findings.warning")} ·{" "}
              {t("findings.count", { n: entry.count })}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {entry.message}
            </Text>
            <Text component="dd" size="xs" c="dimmed" m={0}>
              {t("findings.appliesTo")}: {entry.appliesTo}. {t("findings.basis")}: {entry.basis}
            </Text>
          </div>
        ))}
      </Stack>
    </details>
  );
}
