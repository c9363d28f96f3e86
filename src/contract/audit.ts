/** The programme audit log route's query and page, shared by the API route and the web app. */
import { z } from "zod";

export const AUDIT_PAGE_LIMIT = { default: 100, max: 1000 } as const;

export const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_LIMIT.max).default(AUDIT_PAGE_LIMIT.default),
  /** The `next` of the previous page: entries after this one. */
  after: z
    .string()
    .regex(/^\d{1,15}$/, { message: "курсор сторінки — поле next попередньої сторінки" })
    .optional(),
});

export const auditRecord = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.number().int().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

/** Oldest first; `next` is null on the last page. */
export const auditPage = z.object({ data: z.array(auditRecord), next: z.string().nullable() });
export type AuditPage = z.infer<typeof auditPage>;
