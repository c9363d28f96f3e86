/**
 * Reporting deadlines on the page users land on: for each programme of the user's community, the
 * period being reported now and its due day, with a link to the report form (executors) or to the
 * reporting page (heads). Executors report by the 5th of the month after the period and on the year
 * by 31 January; the head's annual reports are due by 1 March.
 */
import { Alert, Anchor, List, Stack, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import type { ReportingPeriod } from "../../../src/domain/monitoring/periods.js";
import { api, type SessionUser } from "../lib/api.js";
import { formatDate } from "../lib/format.js";
import { monitoringPath, navigate, reportsPath } from "../lib/router.js";
import { currentPeriod, reportingApi } from "./reportingApi.js";
import { periodLabel, useReportingText } from "./text.js";

interface Deadline {
  programmeId: string;
  title: string;
  period: ReportingPeriod;
}

const MAX_PROGRAMMES = 5;

export function ReportingDeadlines({ user }: { user: SessionUser }) {
  const { rt, lang } = useReportingText();
  const [deadlines, setDeadlines] = useState<Deadline[]>([]);
  const today = new Date().toISOString().slice(0, 10);

  useEffect(() => {
    if (user.role !== "executor" && user.role !== "head") return;
    let alive = true;
    (async () => {
      const programmes = await api.list();
      const found: Deadline[] = [];
      for (const programme of programmes.slice(0, MAX_PROGRAMMES)) {
        const period = currentPeriod(await reportingApi.periods(programme.id), today);
        if (period) found.push({ programmeId: programme.id, title: programme.title, period });
      }
      if (alive) setDeadlines(found);
    })().catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [user, today]);

  if (deadlines.length === 0) return null;
  return (
    <Alert color="blue" mb="md" title={rt("report.deadlines")} data-testid="reporting-deadlines">
      <Stack gap={4}>
        <List size="sm">
          {deadlines.map((deadline) => {
            const href =
              user.role === "executor"
                ? reportsPath(deadline.programmeId, deadline.period.key)
                : monitoringPath(deadline.programmeId);
            return (
              <List.Item key={deadline.programmeId}>
                {rt("report.deadlineLine", {
                  programme: deadline.title,
                  period: periodLabel(rt, deadline.period.key),
                  date: formatDate(deadline.period.dueDate, lang),
                })}{" "}
                <Anchor
                  href={href}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate(href);
                  }}
                >
                  {rt("report.open")} →
                </Anchor>
              </List.Item>
            );
          })}
        </List>
        <Text size="xs">{rt("report.rules")}</Text>
      </Stack>
    </Alert>
  );
}
