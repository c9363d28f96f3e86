import { Anchor, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { type MouseEvent, useState } from "react";
import type { CommunityHit } from "../../../src/contract/community-search.js";
import { useI18n } from "../i18n/index.js";
import { navigate } from "../lib/router.js";
import { CommunitySearch, useHitDetails } from "../shared/CommunitySearch.js";
import type { Selection } from "./NationalPage.js";
import { nationalPath } from "./nationalData.js";

/**
 * Finding a community on the national view: its oblast and population, the way to its oblast's view,
 * and a button to add it to the comparison (the same selection as the tables' ticks).
 */
export function NationalSearch({
  apiBase,
  year,
  selection,
}: {
  apiBase: string;
  year: number | null;
  selection: Selection;
}) {
  const { t } = useI18n();
  const details = useHitDetails();
  const [found, setFound] = useState<CommunityHit | null>(null);
  const chosen = found !== null && selection.chosen.some((each) => each.katottg === found.katottg);
  const oblastHref = found?.oblast ? nationalPath({ year, oblast: found.oblast }) : null;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <CommunitySearch
          apiBase={apiBase}
          onPick={setFound}
          pickText={t("search.show")}
          pickLabel={(hit) => t("search.showLabel", { name: hit.name })}
        />
        {found && (
          <Stack gap={4} data-testid="national-found">
            <Text fw={700}>{found.name}</Text>
            <Text size="sm">{details(found)}</Text>
            <Group gap="sm">
              {oblastHref && found.oblast && (
                <Anchor
                  href={oblastHref}
                  onClick={(event: MouseEvent) => {
                    event.preventDefault();
                    navigate(oblastHref);
                  }}
                >
                  {t("national.openFoundOblast", { oblast: found.oblast })}
                </Anchor>
              )}
              <Button
                size="xs"
                variant={chosen ? "filled" : "light"}
                aria-pressed={chosen}
                onClick={() => selection.toggle({ katottg: found.katottg, name: found.name })}
              >
                {t("search.add", { name: found.name })}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
