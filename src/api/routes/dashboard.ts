import type { z } from "zod";
import { errorSchema, idParams } from "../../contract/common.js";
import { dashboardQuery, dashboardSchema } from "../../contract/dashboard.js";
import type { Programme } from "../../domain/model.js";
import {
  evaluateYear,
  indicatorActualForYear,
  indicatorStatus,
  latestEffective,
  missingReports,
  rollupProgramme,
  rollupYear,
} from "../../domain/monitoring/index.js";
import type { ExecutorReport } from "../../domain/monitoring/reports.js";
import type { Store } from "../../store/index.js";
import {
  domainReport,
  getCadence,
  itemUnitsOf,
  listReports,
  programmePeriods,
} from "../../store/monitoring.js";
import { listOrgUnits } from "../../store/users.js";
import { HttpError } from "../errors.js";
import { requireProgramme } from "../require-programme.js";
import type { ZodApp } from "../zod-provider.js";
import { type Clock, todayOf } from "./monitoring.js";

function indicatorsOf(programme: Programme, reports: ExecutorReport[], year: number) {
  const effective = latestEffective(reports);
  return programme.indicators.map((indicator, index) => {
    const actual = indicatorActualForYear(indicator, index, effective, year);
    return {
      index,
      number: indicator.number,
      name: indicator.name,
      unit: indicator.unit,
      baseline: indicator.baseline,
      target: indicator.targets[String(year)] ?? "",
      actual,
      status: indicatorStatus(indicator, actual, year),
    };
  });
}

export async function dashboardRoutes(app: ZodApp, options: { store: Store; clock?: Clock }) {
  const { store } = options;
  const clock = options.clock ?? (() => new Date());
  app.get<{ Params: z.infer<typeof idParams>; Querystring: z.infer<typeof dashboardQuery> }>(
    "/:id/dashboard",
    {
      schema: {
        tags: ["monitoring"],
        summary: "Панель керівника програми: неподані й прострочені звіти, план/факт, прогрес, індикатори",
        params: idParams,
        querystring: dashboardQuery,
        response: { 200: dashboardSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const stored = await requireProgramme(store, request.params.id);
      const { programme } = stored;
      const today = todayOf(request.query, clock);
      const year = request.query.year ?? Number(today.slice(0, 4));
      if (year < programme.period.from || year > programme.period.to)
        throw new HttpError(400, "Рік поза періодом програми");
      const reports = (await listReports(store, stored.summary.id, { submittedOnly: true })).map(
        domainReport,
      );
      const links = await itemUnitsOf(store, stored.summary.id, programme, stored.summary.katottg);
      const unitNames = new Map(
        (await listOrgUnits(store, stored.summary.katottg)).map((unit) => [unit.id, unit.name]),
      );
      const periods = (await programmePeriods(store, stored.summary.id, programme)).filter(
        (period) => period.year === year && period.start <= today,
      );
      const notReported = periods
        .flatMap((period) => missingReports(programme, reports, period, today))
        .map((missing) => ({
          ...missing,
          units: links
            .filter((link) => link.itemId === missing.itemId)
            .map((link) => unitNames.get(link.orgUnitId) ?? ""),
        }));
      const rollup = rollupYear(programme, reports, year);
      const cadence = await getCadence(store, stored.summary.id);
      return {
        year,
        moneyUnit: programme.unit,
        today,
        cadence,
        notReported,
        overdue: notReported.filter((missing) => missing.overdue),
        projects: rollup.projects.map(({ reports: _reports, ...project }) => project),
        directions: rollup.directions,
        programme: rollup.programme,
        years: rollupProgramme(programme, reports).map((each) => ({
          year: each.year,
          planned: each.programme.planned,
          plannedTotal: each.programme.plannedTotal,
          actual: each.programme.actual,
          actualTotal: each.programme.actualTotal,
          progress: each.programme.progress,
        })),
        indicators: indicatorsOf(programme, reports, year),
        evaluation: evaluateYear(programme, reports, year, { cadence, today }),
      };
    },
  );
}
