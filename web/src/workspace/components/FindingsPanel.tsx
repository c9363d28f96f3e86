import { Group, Stack, Text, Title, UnstyledButton } from "@mantine/core";
import { memo } from "react";
import type { Finding } from "../../../../src/domain/model.js";
import { useI18n } from "../../i18n/index.js";
import { Pill } from "../../shared/Pill.js";
import { FindingsLegend } from "./FindingsLegend.js";

/**
 * Validator findings; each one is a button that jumps to the place it concerns. Memoised: entering or
 * leaving edit mode does not render every finding again.
 */
export const FindingsPanel = memo(function FindingsPanel({
  findings,
  onJump,
}: {
  findings: Finding[];
  onJump: (ref: string) => void;
}) {
  const { t } = useI18n();
  const errors = findings.filter((finding) => finding.severity === "error").length;
  return (
    <section aria-labelledby="findings-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="findings-heading">
          {t("programme.findings")}
        </Title>
        <Group gap={4}>
          <Pill tone={errors ? "error" : "neutral"}>{t("programme.errors", { n: errors })}</Pill>
          <Pill tone={findings.length - errors ? "warning" : "neutral"}>
            {t("programme.warnings", { n: findings.length - errors })}
          </Pill>
        </Group>
      </Group>
      {findings.length === 0 && <Text>{t("programme.noFindings")}</Text>}
      <Stack
        gap={6}
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: "none", maxHeight: "60vh", overflowY: "auto" }}
        aria-live="polite"
      >
        {findings.map((finding, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id; the list is rebuilt on each change
          <li key={index}>
            <UnstyledButton
              onClick={() => onJump(finding.location.ref)}
              p="xs"
              w="100%"
              style={{
                borderLeft: `4px solid var(--mantine-color-${finding.severity === "error" ? "red-8" : "yellow-7"})`,
                background: "var(--mantine-color-gray-0)",
                borderRadius: 4,
              }}
            >
              <Text size="sm">{finding.message}</Text>
              <Text size="xs" c="dimmed">
                {t(finding.severity === "error" ? "findings.error" : "findings.warning")} · {finding.code}
                {finding.location.line > 0 && ` · ${t("findings.line", { n: finding.location.line })}`}
              </Text>
              {/* The name is the visible text (WCAG 2.5.3), and where the button leads. */}
              <span className="visually-hidden">{t("findings.jump")}</span>
            </UnstyledButton>
          </li>
        ))}
      </Stack>
      <FindingsLegend findings={findings} />
    </section>
  );
});
