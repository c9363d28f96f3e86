/** Files attached to executor reports: requests and answers, shared by the API and the web app. */
import { z } from "zod";

const INT4_MAX = 2_147_483_647;

export const attachmentInfo = z.object({
  id: z.uuid(),
  reportId: z.string(),
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type AttachmentInfo = z.infer<typeof attachmentInfo>;

export const reportFileParams = z.object({
  id: z.coerce.number().int().min(1).max(INT4_MAX),
  rid: z.uuid(),
});
export const attachmentParams = reportFileParams.extend({ aid: z.uuid() });

/** The form field the file travels in (multipart/form-data). */
export const ATTACHMENT_FIELD = "file";
