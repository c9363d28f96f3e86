import { Button, Group, Loader, Paper, Stack, Text, TextInput } from "@mantine/core";
import { useEffect, useId, useState } from "react";
import type { CommunityHit, CommunitySearchAnswer } from "../../../src/contract/community-search.js";
import { isKatottg } from "../../../src/domain/katottg.js";
import { useI18n } from "../i18n/index.js";
import { localeOf } from "../lib/format.js";

const DEBOUNCE_MS = 250;

async function searchCommunities(
  apiBase: string,
  query: string,
  signal: AbortSignal,
): Promise<CommunityHit[]> {
  const response = await fetch(`${apiBase}/api/v1/communities/search?q=${encodeURIComponent(query)}`, {
    signal,
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return ((await response.json()) as CommunitySearchAnswer).data;
}

/** "Сумська область · населення 54 264", or what is unknown said so. */
export function useHitDetails(): (hit: CommunityHit) => string {
  const { t, lang } = useI18n();
  return (hit) =>
    [
      hit.oblast ?? t("search.oblastUnknown"),
      hit.population === null
        ? t("search.populationUnknown")
        : t("search.population", { count: hit.population.toLocaleString(localeOf(lang)) }),
    ].join(" · ");
}

/**
 * A search box for communities with a published programme, by name (GET /api/v1/communities/search):
 * typos, any apostrophe, Latin letters. Each hit is a button; a typed KATOTTG code can be picked too.
 */
export function CommunitySearch({
  apiBase = "",
  onPick,
  pickText,
  pickLabel,
}: {
  apiBase?: string;
  onPick: (hit: CommunityHit) => void;
  /** A hit's button: its text, and its accessible name (which should contain the text). */
  pickText: string;
  pickLabel: (hit: CommunityHit) => string;
}) {
  const { t } = useI18n();
  const details = useHitDetails();
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<CommunityHit[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const resultsId = useId();
  const trimmed = query.trim();
  const code = trimmed.toUpperCase();

  useEffect(() => {
    if (trimmed === "" || isKatottg(code)) {
      setHits(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      searchCommunities(apiBase, trimmed, controller.signal)
        .then((found) => {
          setHits(found);
          setError(null);
        })
        .catch((caught: unknown) => {
          if (!controller.signal.aborted) setError(caught instanceof Error ? caught.message : String(caught));
        })
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false);
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [apiBase, trimmed, code]);

  function pick(hit: CommunityHit) {
    onPick(hit);
    setQuery("");
    setHits(null);
  }

  return (
    <Stack gap="xs">
      <TextInput
        type="search"
        label={t("search.label")}
        description={t("search.hint")}
        placeholder={t("search.placeholder")}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        rightSection={loading ? <Loader size="xs" /> : null}
        aria-controls={resultsId}
      />
      <div id={resultsId} aria-live="polite">
        {error && (
          <Text c="red" size="sm">
            {t("common.error")}: {error}
          </Text>
        )}
        {isKatottg(code) && (
          <Button
            variant="light"
            size="xs"
            onClick={() => pick({ katottg: code, name: code, oblast: null, population: null })}
          >
            {t("search.addCode", { code })}
          </Button>
        )}
        {hits && hits.length === 0 && <Text size="sm">{t("search.nothing", { query: trimmed })}</Text>}
        {hits && hits.length > 0 && (
          <Paper
            withBorder
            p="xs"
            component="ul"
            aria-label={t("search.results")}
            style={{ listStyle: "none", margin: 0 }}
          >
            {hits.map((hit) => (
              <li key={hit.katottg}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <div>
                    <Text fw={600}>{hit.name}</Text>
                    <Text size="sm" c="dimmed">
                      {details(hit)}
                    </Text>
                  </div>
                  <Button size="xs" variant="light" aria-label={pickLabel(hit)} onClick={() => pick(hit)}>
                    {pickText}
                  </Button>
                </Group>
              </li>
            ))}
          </Paper>
        )}
      </div>
    </Stack>
  );
}
