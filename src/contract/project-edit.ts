/**
 * One project changed on its own (PATCH /api/programmes/:id/projects/:itemId): the request carries the
 * project's own fields and the version they were edited from; the answer only what changed. Shared by
 * the API and the web app.
 */
import { z } from "zod";
import { deadlineSchema, findingSchema, fundingRowSchema } from "../domain/schema.js";
import { totalsSchema } from "./programmes.js";

/** An item's id: "d<direction>.<position>…", 1-based. */
export const projectIdSchema = z
  .string()
  .regex(/^d\d{1,4}(\.\d{1,4}){1,12}$/, "Невідомий ідентифікатор проєкту");

export const projectFieldsSchema = z.object({
  number: z.string().max(50),
  title: z.string().max(5000),
  executors: z.array(z.string().max(1000)).max(100),
  deadline: deadlineSchema.nullable(),
  deadlineText: z.string().max(1000),
  funding: z.array(fundingRowSchema).max(100),
  expectedResult: z.string().max(10000),
  line: z.int().min(0),
});

export const projectEditBody = z.object({
  /** The version the edit was made on; another version meanwhile answers 409 (or use If-Match → 412). */
  baseVersion: z.int().min(1).optional(),
  project: projectFieldsSchema,
  note: z.string().max(1000).optional(),
});
export type ProjectEditBody = z.infer<typeof projectEditBody>;

export const projectEditAnswer = z.object({
  programmeId: z.int(),
  /** The new version; also in the ETag header. */
  version: z.int(),
  /** Who saved it (the caller's display name), as the version list shows it. */
  author: z.string().nullable(),
  project: projectFieldsSchema.extend({ id: z.string() }),
  /** The programme's totals computed on the server from the new version. */
  totals: totalsSchema,
  findings: z.object({ added: z.array(findingSchema), removed: z.array(findingSchema) }),
  errors: z.int(),
  warnings: z.int(),
});
export type ProjectEditAnswer = z.infer<typeof projectEditAnswer>;

/** 409/412: the programme has a newer version than the edit was made on. */
export const versionConflictSchema = z.object({ error: z.string(), latestVersion: z.int() });
