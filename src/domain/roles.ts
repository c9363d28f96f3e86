/**
 * The roles of the staff workspace (who may do what is in src/api/access.ts):
 * - admin: everything; head: everything of their community (approves, edits, reports);
 * - executor: reads the programme, writes only its own unit's reports;
 * - controller (council commission): read-only, drafts included.
 * The public needs no role: it reads only published data.
 */
export const ROLES = ["admin", "head", "executor", "controller"] as const;
export type Role = (typeof ROLES)[number];
