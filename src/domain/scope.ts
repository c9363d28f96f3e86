/**
 * Which communities a user may read and write: the one rule every route applies (src/api/auth.ts for
 * routes addressed by a programme id, the routes themselves where the community comes in the body).
 * Which *kinds* of write a role may make (a controller none, an executor only its unit's reports) is
 * decided per route by its access rule (src/api/access.ts); this decides *where*.
 *
 * - A user bound to a community (katottg set) reads and writes only that community — whatever the role,
 *   a community's admin included.
 * - A user bound to no community has what its role's entry in UNBOUND gives it: the platform admin
 *   reads and writes every community; a role added here as "read" (a Ministry or oblast reviewer)
 *   reads every community and writes none. Any other role without a community reaches nothing.
 */

/** What scoping needs to know of a user. */
export interface ScopedActor {
  role: string;
  katottg: string | null;
}

/** What a role gives a user bound to no community. */
export const UNBOUND: Readonly<Record<string, "read-write" | "read">> = {
  admin: "read-write",
  reviewer: "read",
};

/** Every community ("*"), the one community, or none (null). */
export type CommunityScope = "*" | string | null;

export function readScope(actor: ScopedActor): CommunityScope {
  if (actor.katottg !== null) return actor.katottg;
  return UNBOUND[actor.role] ? "*" : null;
}

export function writeScope(actor: ScopedActor): CommunityScope {
  if (actor.katottg !== null) return actor.katottg;
  return UNBOUND[actor.role] === "read-write" ? "*" : null;
}

/** `katottg`: the community key (a KATOTTG code, or "name:…" for a programme without one). */
export function canReadCommunity(actor: ScopedActor, katottg: string): boolean {
  const scope = readScope(actor);
  return scope === "*" || scope === katottg;
}

export function canWriteCommunity(actor: ScopedActor, katottg: string): boolean {
  const scope = writeScope(actor);
  return scope === "*" || scope === katottg;
}

/** Whether the user may create users and communities bound to no community (platform admins). */
export function canManagePlatform(actor: ScopedActor): boolean {
  return writeScope(actor) === "*";
}
