/** Import from a URL (`POST /api/import/url`): the request, and where the imported document came from. */
import { z } from "zod";

export const MAX_IMPORT_URL_LENGTH = 2048;

export const importUrlBody = z.object({
  /** The council's published document, http or https. */
  url: z.string().trim().min(1).max(MAX_IMPORT_URL_LENGTH),
  /** Only read the document and return the preview; nothing is stored. */
  dryRun: z.boolean().optional(),
  /** The unit of the task table's amounts as the user accepts it (see `amount.unit-suspect`). */
  unit: z.enum(["uah", "thousand", "million"]).optional(),
  /** Store a new version even when the programme read is identical to the latest version. */
  saveIdentical: z.boolean().optional(),
});
export type ImportUrlBody = z.infer<typeof importUrlBody>;

/** The document fetched: the address after redirects, and the file name the importer was given. */
export const importedFrom = z.object({ url: z.string(), name: z.string() });
export type ImportedFrom = z.infer<typeof importedFrom>;
