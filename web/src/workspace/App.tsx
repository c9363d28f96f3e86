import { Alert, Anchor, AppShell, Burger, Container, Group, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { MouseEvent } from "react";
import { useI18n } from "../i18n/index.js";
import { navigate, parseRoute, usePathname } from "../lib/router.js";
import { LanguageSwitch } from "../shared/LanguageSwitch.js";
import type { DataSource } from "./data.js";
import { ImportPage } from "./ImportPage.js";
import { ListPage } from "./ListPage.js";
import { ProgrammePage } from "./ProgrammePage.js";
import { useAsync } from "./useAsync.js";

function NavLink({ href, label, active }: { href: string; label: string; active: boolean }) {
  return (
    <Anchor
      href={href}
      c={active ? undefined : "dark"}
      fw={active ? 700 : 500}
      aria-current={active ? "page" : undefined}
      onClick={(event: MouseEvent) => {
        event.preventDefault();
        navigate(href);
      }}
    >
      {label}
    </Anchor>
  );
}

function Page({ source }: { source: DataSource }) {
  const { t } = useI18n();
  const route = parseRoute(usePathname());
  switch (route.name) {
    case "list":
      return <ListPage source={source} />;
    case "import":
      return <ImportPage />;
    case "programme":
      return <ProgrammePage id={route.id} source={source} />;
    default:
      return <Text>{t("programme.notFound")}</Text>;
  }
}

export function App({ loadSource }: { loadSource: () => Promise<DataSource> }) {
  const { t } = useI18n();
  const route = parseRoute(usePathname());
  const [opened, { toggle }] = useDisclosure(false);
  const [source] = useAsync(loadSource, []);
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <AppShell.Header>
        <Container size="xl" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group gap="lg" wrap="nowrap">
              <Text fw={800} component="span">
                {t("app.title")}
              </Text>
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t("nav.main")} />
              <Group component="nav" aria-label={t("nav.main")} gap="md" visibleFrom="sm">
                <NavLink
                  href="/"
                  label={t("nav.list")}
                  active={route.name === "list" || route.name === "programme"}
                />
                <NavLink href="/import" label={t("nav.import")} active={route.name === "import"} />
              </Group>
            </Group>
            <LanguageSwitch />
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="xl" component="main" id="main" tabIndex={-1}>
          {opened && (
            <Group component="nav" aria-label={t("nav.main")} gap="md" hiddenFrom="sm" mb="md">
              <NavLink href="/" label={t("nav.list")} active={route.name === "list"} />
              <NavLink href="/import" label={t("nav.import")} active={route.name === "import"} />
            </Group>
          )}
          {source.status === "ready" && source.value.demo && (
            <Alert color="yellow" mb="md" role="status">
              {t("app.demo")}
            </Alert>
          )}
          {source.status === "ready" ? <Page source={source.value} /> : <Text>{t("common.loading")}</Text>}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
