/**
 * Who may call which route. Every API route has a rule here (or a prefix rule, or a route-level
 * `config.access` marker); a route without one is refused to everybody but the admin, and the access
 * matrix test fails for it.
 *
 * - admin: everything; head: everything of their community (approves, edits, reports);
 * - executor: reads the programme, reads and writes only its own unit's reports (checked per report);
 * - controller (council commission): read-only, drafts included;
 * - reviewer (Ministry / oblast): reads every community, writes only remarks and decisions (/api/agreement);
 * - public: no session — only published data (/api/public, /api/v1).
 */
import { ROLES, type Role } from "../domain/roles.js";

export type AccessRule = "public" | readonly Role[];

/** Everybody signed in. */
export const SIGNED_IN: readonly Role[] = ROLES;
/** Those who change a programme and its settings. */
export const STAFF: readonly Role[] = ["admin", "head"];
/** Those who write executor reports (an executor only for its unit). */
export const REPORTERS: readonly Role[] = ["admin", "head", "executor"];
export const ADMIN: readonly Role[] = ["admin"];

/** Route-level markers other route files may set as `config: { access: "staff" }`. */
const MARKERS: Record<string, AccessRule> = {
  public: "public",
  staff: STAFF,
  "signed-in": SIGNED_IN,
  admin: ADMIN,
};

/** "METHOD url" as Fastify registers it → rule. */
export const ACCESS: Record<string, AccessRule> = {
  "GET /api/health": "public",
  "POST /api/auth/login": "public",
  "POST /api/auth/logout": SIGNED_IN,
  "GET /api/auth/me": SIGNED_IN,
  "GET /api/me/reminders": SIGNED_IN,
  "GET /api/me/notifications": SIGNED_IN,

  "GET /api/programmes": SIGNED_IN,
  "GET /api/programmes/:id": SIGNED_IN,
  "GET /api/programmes/:id/versions": SIGNED_IN,
  "GET /api/programmes/:id/diff": SIGNED_IN,
  "PUT /api/programmes/:id": STAFF,
  // The head only of the programme's own community (checkCommunity in auth.ts: 403 to another's).
  "PATCH /api/programmes/:id/projects/:itemId": STAFF,
  "POST /api/programmes/:id/status": STAFF,
  "POST /api/validate": SIGNED_IN,
  "POST /api/import": STAFF,
  "POST /api/import/url": STAFF,
  "GET /api/programmes/:id/export.:format": SIGNED_IN,

  "GET /api/programmes/:id/periods": SIGNED_IN,
  "GET /api/programmes/:id/settings": SIGNED_IN,
  "PUT /api/programmes/:id/settings": STAFF,
  "GET /api/programmes/:id/item-units": SIGNED_IN,
  "PUT /api/programmes/:id/item-units": STAFF,
  "GET /api/programmes/:id/reports": SIGNED_IN,
  "POST /api/programmes/:id/reports": REPORTERS,
  "GET /api/programmes/:id/reports/:rid": SIGNED_IN,
  "PUT /api/programmes/:id/reports/:rid": REPORTERS,
  "POST /api/programmes/:id/reports/:rid/submit": REPORTERS,
  "POST /api/programmes/:id/reports/:rid/corrections": REPORTERS,
  // Files of a report: written by those who write it, read also by the council commission.
  "GET /api/programmes/:id/reports/:rid/attachments": [...REPORTERS, "controller"],
  "GET /api/programmes/:id/reports/:rid/attachments/:aid": [...REPORTERS, "controller"],
  "POST /api/programmes/:id/reports/:rid/attachments": REPORTERS,
  "DELETE /api/programmes/:id/reports/:rid/attachments/:aid": REPORTERS,
  "GET /api/programmes/:id/dashboard": ["admin", "head", "controller"],
  "GET /api/programmes/:id/reports/annual/:year/:form": ["admin", "head", "controller"],
  "GET /api/programmes/:id/audit": ["admin", "head", "controller"],
  "POST /api/programmes/:id/reports/:rid/return": STAFF,
  "GET /api/programmes/:id/periods/:periodKey/reminders": ["admin", "head", "controller"],
  "POST /api/programmes/:id/periods/:periodKey/reminders": STAFF,
  "GET /api/programmes/:id/annual-reports": ["admin", "head", "controller"],
  "POST /api/programmes/:id/annual-reports/:year/submit": STAFF,
  "GET /api/v1/programmes/:id/annual/:year/:form": "public",

  "GET /api/agreement/queue": ["admin", "reviewer"],
  "GET /api/agreement/:id": SIGNED_IN,
  "POST /api/agreement/:id/steps": ["admin", "head", "reviewer"],
  "POST /api/agreement/:id/remarks": ["admin", "reviewer"],
  "POST /api/agreement/:id/remarks/:rid/answer": STAFF,
  "GET /api/agreement/:id/expertise": ["admin", "head", "controller", "reviewer"],
  "GET /api/agreement/:id/expertise.docx": ["admin", "head", "controller", "reviewer"],
  "GET /api/agreement/:id/letter.docx": ["admin", "head", "controller", "reviewer"],

  "GET /api/org-units": SIGNED_IN,
  // A head manages their own community's units and users (scoped in the routes; no admins by a head).
  "POST /api/org-units": STAFF,
  "GET /api/users": STAFF,
  "POST /api/users": STAFF,
  // A head invites into their own community (checked in the route); the invitee has no session yet.
  "POST /api/invitations": STAFF,
  "GET /api/invitations": STAFF,
  "GET /api/invitations/:token": "public",
  "POST /api/invitations/:token/accept": "public",
};

const PUBLIC_PREFIXES = ["/api/public/", "/api/v1/", "/api/docs"];

/** The rule of a route; undefined when it has none (refused to all but the admin). */
export function accessRule(method: string, url: string, marker?: unknown): AccessRule | undefined {
  if (typeof marker === "string" && marker in MARKERS) return MARKERS[marker];
  const verb = method === "HEAD" ? "GET" : method;
  const exact = ACCESS[`${verb} ${url}`];
  if (exact) return exact;
  if (PUBLIC_PREFIXES.some((prefix) => url.startsWith(prefix)) && (verb === "GET" || verb === "HEAD")) {
    return "public";
  }
  if (!url.startsWith("/api")) return "public";
  return undefined;
}

export function allows(rule: AccessRule | undefined, role: Role | undefined): boolean {
  if (rule === "public") return true;
  if (role === undefined) return false;
  if (rule === undefined) return role === "admin";
  return rule.includes(role);
}

export const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
