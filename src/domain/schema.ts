/**
 * The zod schema of the programme model, for input that comes from outside (the API, the web app's
 * editor). Pure and structural: money is integer kopecks within the safe range, years are 4-digit
 * keys; whether the sums agree is the validator's job, not the schema's.
 */
import { z } from "zod";
import { type Item, type Programme, SECTION_KEYS, SOURCE_KINDS } from "./model.js";

export const kopecksSchema = z.int().meta({ description: "Сума в копійках (ціле число)" });
export const yearKeySchema = z.string().regex(/^\d{4}$/, "Рік має бути чотиризначним");
const yearSchema = z.int().min(1000).max(9999);
const lineSchema = z.int().nonnegative();

export const sourceKindSchema = z.enum(SOURCE_KINDS);
export const byYearSchema = z.record(yearKeySchema, kopecksSchema);

export const fundingRowSchema = z.object({
  source: sourceKindSchema,
  label: z.string(),
  byYear: byYearSchema,
  total: kopecksSchema,
  totalPrinted: z.boolean().optional(),
  note: z.string().optional(),
  spans: z
    .record(z.string().regex(/^\d{4}-\d{4}$/, "Роки мають бути як 2026-2027"), kopecksSchema)
    .optional(),
  line: lineSchema,
});

export const deadlineSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("years"),
    from: yearSchema,
    to: yearSchema,
    years: z.array(yearSchema).min(2).optional(),
  }),
  z.object({ kind: z.literal("programme"), from: yearSchema.optional(), to: yearSchema.optional() }),
  z.object({ kind: z.literal("quarter"), quarter: z.literal([1, 2, 3, 4]), year: yearSchema }),
  z.object({ kind: z.literal("text") }),
]);

export const itemSchema: z.ZodType<Item> = z
  .object({
    id: z.string(),
    number: z.string(),
    title: z.string(),
    executors: z.array(z.string()),
    deadline: deadlineSchema.nullable(),
    deadlineText: z.string(),
    funding: z.array(fundingRowSchema),
    expectedResult: z.string(),
    get children() {
      return z.array(itemSchema);
    },
    line: lineSchema,
  })
  .meta({ id: "Item" });

export const directionSchema = z.object({
  number: z.string(),
  title: z.string(),
  items: z.array(itemSchema),
  declaredTotals: z.array(fundingRowSchema),
  line: lineSchema,
});

export const passportSchema = z.object({
  fields: z.array(
    z.object({ number: z.int().min(1).max(10), label: z.string(), value: z.string(), line: lineSchema }),
  ),
  funding: z.object({
    total: kopecksSchema.nullable(),
    byYear: byYearSchema,
    bySource: z.partialRecord(sourceKindSchema, kopecksSchema),
    bySourceByYear: z.partialRecord(sourceKindSchema, byYearSchema),
    line: lineSchema,
  }),
});

export const indicatorSchema = z.object({
  number: z.string(),
  direction: z.string(),
  name: z.string(),
  unit: z.string(),
  formula: z.string(),
  baseline: z.string(),
  targets: z.record(yearKeySchema, z.string()),
  dynamics: z.string(),
  line: lineSchema,
});

export const monitoringVariableSchema = z.object({
  number: z.string(),
  name: z.string(),
  unit: z.string(),
  source: z.string(),
  baseline: z.string(),
  values: z.record(yearKeySchema, z.string()),
  line: lineSchema,
});

export const sectionSchema = z.object({
  key: z.enum(SECTION_KEYS),
  title: z.string(),
  text: z.string(),
  line: lineSchema,
});

export const programmeSchema: z.ZodType<Programme> = z
  .object({
    title: z.string(),
    community: z.object({ name: z.string(), katottg: z.string() }),
    period: z.object({ from: yearSchema, to: yearSchema }),
    unit: z.enum(["million", "thousand", "uah"]),
    passport: passportSchema,
    sections: z.array(sectionSchema),
    directions: z.array(directionSchema),
    declaredTotals: z.array(fundingRowSchema),
    indicators: z.array(indicatorSchema),
    monitoring: z.array(monitoringVariableSchema).optional(),
    resources: z.array(fundingRowSchema).optional(),
  })
  .meta({ id: "Programme" });

export const findingSchema = z
  .object({
    code: z.string(),
    severity: z.enum(["error", "warning"]),
    message: z.string(),
    location: z.object({ line: lineSchema, ref: z.string() }),
  })
  .meta({ id: "Finding" });
