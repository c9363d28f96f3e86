import { Alert, Anchor, AppShell, Box, Burger, Button, Container, Group, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { lazy, type MouseEvent, Suspense, useEffect, useState } from "react";
import { AgreementPage, QueuePage } from "../agreement/AgreementPage.js";
import { ComparePage } from "../compare/ComparePage.js";
import { useI18n } from "../i18n/index.js";
import { auth, canEdit, onUnauthorized, type SessionUser } from "../lib/api.js";
import { isOpenRoute, navigate, parseRoute, type Route, usePathname } from "../lib/router.js";
import { DashboardPage } from "../monitoring/DashboardPage.js";
import { ExecutorReportPage } from "../reporting/ExecutorReportPage.js";
import { HeadReportingPage } from "../reporting/HeadReportingPage.js";
import { ReportingDeadlines } from "../reporting/ReportingDeadlines.js";
import { LanguageSwitch } from "../shared/LanguageSwitch.js";
import { InvitePage } from "../units/InvitePage.js";
import { UnitsPage } from "../units/UnitsPage.js";
import { type DataSource, type Session, signedIn } from "./data.js";
import { ImportPage } from "./ImportPage.js";
import { ListPage } from "./ListPage.js";
import { LoginPage } from "./LoginPage.js";
import { ProgrammePage } from "./ProgrammePage.js";

const NationalPage = lazy(() =>
  import("../national/NationalPage.js").then((m) => ({ default: m.NationalPage })),
);

function NavLink({ href, label, active }: { href: string; label: string; active: boolean }) {
  return (
    <Anchor
      href={href}
      c={active ? undefined : "dark"}
      fw={active ? 700 : 500}
      size="sm"
      style={{ whiteSpace: "nowrap" }}
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

/** Pages of open data, shown with or without a session. */
function OpenPage({ route }: { route: Route }) {
  const { t } = useI18n();
  if (route.name === "invite") return <InvitePage token={route.token} />;
  if (route.name === "national")
    return (
      <Suspense fallback={<Text>{t("common.loading")}</Text>}>
        <NationalPage />
      </Suspense>
    );
  return (
    <ComparePage initialCodes={new URLSearchParams(window.location.search).get("katottg")?.split(",")} />
  );
}

function Page({
  source,
  route,
  editable,
  user,
}: {
  source: DataSource;
  route: Route;
  editable: boolean;
  user: SessionUser | null;
}) {
  const { t } = useI18n();
  switch (route.name) {
    case "units":
      return editable && user ? <UnitsPage me={user} /> : <Text>{t("login.forbidden")}</Text>;
    case "list":
      return (
        <>
          {user && !source.demo && <ReportingDeadlines user={user} />}
          <ListPage source={source} editable={editable} />
        </>
      );
    case "reports":
      return <ExecutorReportPage programmeId={route.id} user={user} />;
    case "import":
      return editable ? <ImportPage /> : <Text>{t("login.forbidden")}</Text>;
    case "programme":
      return <ProgrammePage id={route.id} source={source} editable={editable} />;
    case "monitoring":
      // An executor's link to the monitoring of a programme opens their report form.
      if (user?.role === "executor") return <ExecutorReportPage programmeId={route.id} user={user} />;
      return (
        <>
          {/* The dashboard's tables are wider than a phone: they scroll inside, the page does not. */}
          <Box style={{ overflowX: "auto" }}>
            <DashboardPage programmeId={Number(route.id)} />
          </Box>
          {user && <HeadReportingPage programmeId={route.id} />}
        </>
      );
    case "agreement":
      return <AgreementPage id={Number(route.id)} reviewer={user?.role === "reviewer"} />;
    case "agreementQueue":
      return <QueuePage />;
    default:
      return <Text>{t("programme.notFound")}</Text>;
  }
}

function NavLinks({ route, editable, reviewer }: { route: Route; editable: boolean; reviewer: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <NavLink href="/" label={t("nav.list")} active={route.name === "list" || route.name === "programme"} />
      {editable && <NavLink href="/import" label={t("nav.import")} active={route.name === "import"} />}
      {editable && <NavLink href="/units" label={t("nav.units")} active={route.name === "units"} />}
      <NavLink href="/compare" label={t("nav.compare")} active={route.name === "compare"} />
      <NavLink href="/national" label={t("nav.national")} active={route.name === "national"} />
      {reviewer && (
        <NavLink href="/agreement" label={t("nav.agreement")} active={route.name === "agreementQueue"} />
      )}
    </>
  );
}

function UserMenu({ user, onSignOut }: { user: SessionUser; onSignOut: () => void }) {
  const { t } = useI18n();
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" visibleFrom="xl" style={{ whiteSpace: "nowrap" }}>
        {user.displayName}
      </Text>
      <Button variant="default" size="xs" onClick={onSignOut}>
        {t("login.logout")}
      </Button>
    </Group>
  );
}

/** The staff workspace: header with navigation, sign-in when needed, the routed page. */
export function App({ probe }: { probe: () => Promise<Session> }) {
  const { t } = useI18n();
  const route = parseRoute(usePathname());
  const [opened, { toggle }] = useDisclosure(false);
  const [session, setSession] = useState<Session | null>(null);

  useEffect(() => {
    probe().then(setSession);
    return onUnauthorized(() => setSession({ mode: "signin" }));
  }, [probe]);

  const user = session?.mode === "api" ? session.user : null;
  const editable = session?.mode === "demo" || (session?.mode === "api" && canEdit(session.user));
  const signOut = async () => {
    await auth.logout().catch(() => undefined);
    setSession({ mode: "signin" });
  };

  return (
    <AppShell header={{ height: 56 }} padding="md">
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <AppShell.Header>
        <Container size="xl" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group gap="lg" wrap="nowrap">
              <Text fw={800} component="span" style={{ whiteSpace: "nowrap" }}>
                {t("app.title")}
              </Text>
              <Burger opened={opened} onClick={toggle} hiddenFrom="lg" size="sm" aria-label={t("nav.main")} />
              <Group component="nav" aria-label={t("nav.main")} gap="md" wrap="nowrap" visibleFrom="lg">
                <NavLinks
                  route={route}
                  editable={editable}
                  reviewer={user?.role === "reviewer" || user?.role === "admin"}
                />
              </Group>
            </Group>
            <Group gap="sm" wrap="nowrap">
              {user && <UserMenu user={user} onSignOut={signOut} />}
              <LanguageSwitch />
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="xl" component="main" id="main" tabIndex={-1}>
          {opened && (
            <Group component="nav" aria-label={t("nav.main")} gap="md" hiddenFrom="lg" mb="md">
              <NavLinks
                route={route}
                editable={editable}
                reviewer={user?.role === "reviewer" || user?.role === "admin"}
              />
            </Group>
          )}
          {session?.mode === "demo" && (
            <Alert color="yellow" mb="md" role="status">
              {t("app.demo")}
            </Alert>
          )}
          {isOpenRoute(route) && <OpenPage route={route} />}
          {!isOpenRoute(route) && session === null && <Text>{t("common.loading")}</Text>}
          {!isOpenRoute(route) && session?.mode === "signin" && (
            <LoginPage onSignedIn={(me) => setSession(signedIn(me.user))} />
          )}
          {!isOpenRoute(route) && (session?.mode === "api" || session?.mode === "demo") && (
            <Page source={session.source} route={route} editable={editable} user={user} />
          )}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
