/**
 * The dashboard room: the programme head's view of a year, computed by src/domain/monitoring from
 * the submitted reports (who has not reported, planned vs actual, progress, indicators, evaluation).
 */
import { z } from "zod";
import { REPORT_STATUSES } from "../domain/monitoring/reports.js";
import { sourceKindSchema } from "../domain/schema.js";
import { cadenceSchema } from "./monitoring.js";

export const dashboardQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  today: z.iso.date().optional(),
});

const kopecks = z.int();
const sourceAmounts = z.partialRecord(sourceKindSchema, kopecks);
const PROJECT_STATUSES = [...REPORT_STATUSES, "no-report"] as const;
const projectStatus = z.enum(PROJECT_STATUSES);
/** How many projects have each status (an object with every status, so OpenAPI names them). */
const statusCounts = z.object(
  Object.fromEntries(PROJECT_STATUSES.map((status) => [status, z.int()])) as Record<
    (typeof PROJECT_STATUSES)[number],
    z.ZodInt
  >,
);
const share = z.number().nullable();

const missingReport = z.object({
  itemId: z.string(),
  number: z.string(),
  title: z.string(),
  executors: z.array(z.string()),
  periodKey: z.string(),
  dueDate: z.string(),
  overdue: z.boolean(),
  /** The names of the units that execute the project. */
  units: z.array(z.string()),
});

const amounts = z.object({
  planned: sourceAmounts,
  plannedTotal: kopecks,
  actual: sourceAmounts,
  actualTotal: kopecks,
});

const groupRollup = amounts.extend({
  progress: z.number().nullable(),
  weight: z.number(),
  statusCounts,
  projectCount: z.int(),
});

const projectRollup = amounts.extend({
  itemId: z.string(),
  number: z.string(),
  title: z.string(),
  executors: z.array(z.string()),
  directionIndex: z.int(),
  status: projectStatus,
  progress: z.number(),
  weight: z.number(),
});

const indicatorStatus = z.enum(["reached", "not-reached", "no-data"]);

const evaluation = z.object({
  year: z.int(),
  implementation: z.object({
    projects: z.int(),
    done: z.int(),
    doneOnTime: z.int(),
    behindSchedule: z.int(),
    shareDone: share,
    shareDoneOnTime: share,
    reportsDue: z.int(),
    reportsOnTime: z.int(),
    shareReportsOnTime: share,
  }),
  funding: z.object({
    planned: kopecks,
    actual: kopecks,
    share,
    bySource: z.array(z.object({ source: sourceKindSchema, planned: kopecks, actual: kopecks, share })),
  }),
  effectiveness: z.object({
    progress: z.number().nullable(),
    statusCounts,
  }),
  indicators: z.object({
    total: z.int(),
    reached: z.int(),
    notReached: z.int(),
    noData: z.int(),
    shareReached: share,
    items: z.array(
      z.object({
        index: z.int(),
        name: z.string(),
        target: z.string(),
        actual: z.string().nullable(),
        status: indicatorStatus,
      }),
    ),
  }),
});

export const dashboardSchema = z.object({
  year: z.int(),
  /** The unit the programme's document prints amounts in: the dashboard shows its amounts in it. */
  moneyUnit: z.enum(["uah", "thousand", "million"]),
  today: z.string(),
  cadence: cadenceSchema,
  notReported: z.array(missingReport),
  overdue: z.array(missingReport),
  projects: z.array(projectRollup),
  directions: z.array(groupRollup.extend({ index: z.int(), number: z.string(), title: z.string() })),
  programme: groupRollup,
  years: z.array(amounts.extend({ year: z.int(), progress: z.number().nullable() })),
  indicators: z.array(
    z.object({
      index: z.int(),
      number: z.string(),
      name: z.string(),
      unit: z.string(),
      baseline: z.string(),
      target: z.string(),
      actual: z.string().nullable(),
      status: indicatorStatus,
    }),
  ),
  evaluation,
});
export type Dashboard = z.infer<typeof dashboardSchema>;
