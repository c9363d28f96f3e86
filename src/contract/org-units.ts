/** Organisational units' management routes: requests and answers, shared by the API and the web app. */
import { z } from "zod";
import { UNIT_KINDS } from "../domain/org-units.js";
import { katottgSchema } from "./community.js";

export const unitKind = z.enum(UNIT_KINDS);
const unitId = z.number().int().min(1).max(2_147_483_647);
const unitName = z.string().trim().min(1).max(300);

export const unitOverview = z.object({
  id: z.number().int(),
  katottg: z.string(),
  name: z.string(),
  kind: unitKind,
  parentId: z.number().int().nullable(),
  projects: z.number().int(),
  users: z.number().int(),
});
export const unitsOverview = z.object({
  units: z.array(unitOverview),
  similar: z.array(z.tuple([z.number().int(), z.number().int()])),
});
export type UnitsOverview = z.infer<typeof unitsOverview>;

export const unitsOverviewQuery = z.object({ katottg: katottgSchema.optional() });
export const unitParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
/** What to change: any of name, kind and parent (null: a top-level unit). */
export const updateUnitBody = z
  .object({ name: unitName, kind: unitKind, parentId: unitId.nullable() })
  .partial()
  .refine((body) => Object.keys(body).length > 0, "Вкажіть, що змінити: name, kind або parentId");
export const createUnitBody = z.object({
  katottg: katottgSchema,
  name: unitName,
  /** Omitted: guessed from the name. */
  kind: unitKind.optional(),
  parentId: unitId.nullable().optional(),
});
export const mergeUnitBody = z.object({ into: unitId });
export const orgUnit = z.object({
  id: z.number().int(),
  katottg: z.string(),
  name: z.string(),
  kind: unitKind,
  parentId: z.number().int().nullable(),
});
export type OrgUnitView = z.infer<typeof orgUnit>;
export type OrgUnit = OrgUnitView;
export const orgUnitQuery = z.object({ katottg: katottgSchema.optional() });
