/** Organisational units' management routes: requests and answers, shared by the API and the web app. */
import { z } from "zod";
import { katottgSchema } from "./community.js";

export const unitOverview = z.object({
  id: z.number().int(),
  katottg: z.string(),
  name: z.string(),
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
export const renameUnitBody = z.object({ name: z.string().trim().min(1).max(300) });
export const mergeUnitBody = z.object({ into: z.number().int().min(1).max(2_147_483_647) });
export const orgUnit = z.object({ id: z.number().int(), katottg: z.string(), name: z.string() });
export const orgUnitBody = z.object({ katottg: katottgSchema, name: z.string().trim().min(1) });
export const orgUnitQuery = z.object({ katottg: katottgSchema.optional() });
export type OrgUnit = z.infer<typeof orgUnit>;
