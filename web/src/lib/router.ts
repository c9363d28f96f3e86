import { useSyncExternalStore } from "react";

/** The workspace's routes; a tiny history-API router, so no router dependency. */
export type Route =
  | { name: "list" }
  | { name: "import" }
  | { name: "programme"; id: string; tab: string | null }
  | { name: "monitoring"; id: string }
  | { name: "agreement"; id: string }
  | { name: "agreementQueue" }
  | { name: "reports"; id: string }
  | { name: "compare" }
  | { name: "national" }
  | { name: "units" }
  | { name: "invite"; token: string }
  | { name: "notFound" };

/** Open-data pages, and the invitee's page: reachable without signing in. */
export function isOpenRoute(route: Route): boolean {
  return route.name === "compare" || route.name === "national" || route.name === "invite";
}

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, "") || "/";
  if (path === "/") return { name: "list" };
  if (path === "/import") return { name: "import" };
  if (path === "/compare") return { name: "compare" };
  if (path === "/national") return { name: "national" };
  if (path === "/units") return { name: "units" };
  if (path === "/agreement") return { name: "agreementQueue" };
  const invite = /^\/invite\/([A-Za-z0-9_-]+)$/.exec(path);
  if (invite?.[1]) return { name: "invite", token: invite[1] };
  const agreement = /^\/agreement\/(\d+)$/.exec(path);
  if (agreement?.[1]) return { name: "agreement", id: agreement[1] };
  const monitoring = /^\/monitoring\/([^/]+)$/.exec(path);
  if (monitoring?.[1]) return { name: "monitoring", id: decodeURIComponent(monitoring[1]) };
  const reports = /^\/reports\/([^/]+)$/.exec(path);
  if (reports?.[1]) return { name: "reports", id: decodeURIComponent(reports[1]) };
  const programme = /^\/programmes\/([^/]+)(?:\/([a-z]+))?$/.exec(path);
  if (programme?.[1])
    return { name: "programme", id: decodeURIComponent(programme[1]), tab: programme[2] ?? null };
  return { name: "notFound" };
}

/** `/p/<katottg>/<from>-<to>` → the public page's key; null when the path is something else. */
export function parsePublicPath(pathname: string): { katottg: string; from: number; to: number } | null {
  const match = /^\/p\/([^/]+)\/(\d{4})-(\d{4})\/?$/.exec(pathname);
  if (!match?.[1]) return null;
  return { katottg: decodeURIComponent(match[1]), from: Number(match[2]), to: Number(match[3]) };
}

export function programmePath(id: string, tab?: string): string {
  return `/programmes/${encodeURIComponent(id)}${tab ? `/${tab}` : ""}`;
}

export function agreementPath(id: string): string {
  return `/agreement/${encodeURIComponent(id)}`;
}

export function monitoringPath(id: string): string {
  return `/monitoring/${encodeURIComponent(id)}`;
}

/** The executor's report form of a programme (the link of the reminder e-mails). */
export function reportsPath(id: string, periodKey?: string): string {
  return `/reports/${encodeURIComponent(id)}${periodKey ? `?period=${encodeURIComponent(periodKey)}` : ""}`;
}

export function publicPath(katottg: string, from: number, to: number): string {
  return `/p/${encodeURIComponent(katottg)}/${from}-${to}`;
}

const listeners = new Set<() => void>();

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, "", path);
  else history.pushState(null, "", path);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** The query string ("?year=2026"), following navigate() and the back button like usePathname. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search);
}
