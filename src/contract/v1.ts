/**
 * The open-data room (/api/v1): filtered pages and CSV of every resource, the data package, the
 * targeted-programmes list, and the community comparison and national overview (see national.ts).
 */
import { z } from "zod";
import { CATEGORY_IDS } from "../domain/classify/index.js";
import { SOURCE_KINDS } from "../domain/model.js";
import { fileResponse, MEDIA_TYPES } from "./common.js";
import { katottgListSchema } from "./community.js";
import { compareCommunity } from "./national.js";

/** The most rows one JSON page holds. */
export const MAX_PAGE = 1000;

const year = z.coerce.number().int().min(1000).max(9999);
export const filterQuery = z.object({
  katottg: katottgListSchema.optional().describe("Коди КАТОТТГ через кому"),
  oblast: z.string().optional().describe("Область, як у полі oblast: «Вінницька область»"),
  year: year
    .optional()
    .describe(
      "Рік: програми, чий строк його охоплює; для funding — рік рядка, для reports — рік звітного періоду",
    ),
  direction: z.string().optional().describe("Частина назви напряму, без урахування регістру"),
  source: z.enum(SOURCE_KINDS).optional(),
  category: z.enum(CATEGORY_IDS).optional(),
});
export const pageQuery = filterQuery.extend({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(100),
  after: z.string().optional().describe("Курсор наступної сторінки з поля next"),
});
const cell = z.union([z.string(), z.number(), z.null()]);
export const openRowSchema = z.record(z.string(), cell);
export const pageSchema = z.object({ data: z.array(openRowSchema), next: z.string().nullable() });
export const compareQuery = z.object({
  katottg: katottgListSchema.pipe(z.array(z.string()).min(2).max(10)),
});
export const compareAnswer = z.object({ communities: z.array(compareCommunity) });
export const nationalQuery = z.object({
  year,
  oblast: z.string().min(1).optional().describe("Огляд однієї області: «Вінницька область»"),
});

/** A Frictionless Data Package descriptor (its resources and their schemas). */
export const dataPackageSchema = z.looseObject({
  name: z.string(),
  resources: z.array(z.looseObject({ name: z.string(), path: z.string() })),
});

export const CSV_FILE = fileResponse("CSV (UTF-8)", [MEDIA_TYPES.csv]);
export const ZIP_FILE = fileResponse("ZIP: datapackage.json і CSV усіх наборів", [MEDIA_TYPES.zip]);
export const ANNUAL_FILE_PUBLIC = fileResponse("Річний звіт: DOCX, XLSX або JSON", [
  MEDIA_TYPES.docx,
  MEDIA_TYPES.xlsx,
  MEDIA_TYPES.json,
]);
