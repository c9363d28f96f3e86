/**
 * The roles of the staff workspace (who may do what is in src/api/access.ts):
 * - admin: everything; head: everything of their community (approves, edits, reports);
 * - executor: reads the programme, writes only its own unit's reports;
 * - controller (council commission): read-only, drafts included;
 * - reviewer (the Ministry, or an oblast administration): bound to no community, reads every
 *   community and writes only remarks and agreement decisions (src/domain/agreement/).
 * The public needs no role: it reads only published data.
 */
export const ROLES = ["admin", "head", "executor", "controller", "reviewer"] as const;
export type Role = (typeof ROLES)[number];
