import type { Programme } from "../../../src/domain/model.js";
import { programmeTotals } from "../../../src/domain/totals.js";
import { validateProgramme } from "../../../src/domain/validate.js";
import {
  ApiError,
  api,
  type ListQuery,
  type ProgrammeDetail,
  type ProgrammeStatus,
  type ProgrammeSummary,
  type VersionInfo,
} from "../lib/api.js";

/** Where the workspace gets its data: the API, or an in-memory demo when the API is not running. */
export interface DataSource {
  demo: boolean;
  list(query: ListQuery): Promise<ProgrammeSummary[]>;
  get(id: string, version?: number): Promise<ProgrammeDetail>;
  save(id: string, programme: Programme): Promise<void>;
  setStatus(id: string, status: string): Promise<void>;
}

const apiSource: DataSource = {
  demo: false,
  list: api.list,
  get: api.get,
  save: async (id, programme) => {
    await api.save(id, programme);
  },
  setStatus: async (id, status) => {
    await api.setStatus(id, status);
  },
};

async function demoSource(): Promise<DataSource> {
  const { demoProgramme } = await import("../../../src/store/demo.js");
  const versions: { programme: Programme; info: VersionInfo }[] = [];
  const addVersion = (programme: Programme, kind: string) =>
    versions.push({
      programme: structuredClone(programme),
      info: {
        version: versions.length + 1,
        createdAt: new Date().toISOString(),
        kind,
        sourceName: "demo",
        note: null,
      },
    });
  addVersion(demoProgramme(), "import");
  let status: ProgrammeStatus = "draft";
  const detail = (version?: number): ProgrammeDetail => {
    const entry = versions[(version ?? versions.length) - 1] ?? versions[versions.length - 1];
    if (!entry) throw new ApiError(404, "not found");
    const programme = structuredClone(entry.programme);
    const findings = validateProgramme(programme);
    const totals = programmeTotals(programme);
    const summary: ProgrammeSummary = {
      id: "demo",
      katottg: programme.community.katottg,
      communityName: programme.community.name,
      title: programme.title,
      periodFrom: programme.period.from,
      periodTo: programme.period.to,
      status,
      totalKopecks: totals.total,
      versions: versions.length,
      errors: findings.filter((f) => f.severity === "error").length,
      warnings: findings.filter((f) => f.severity === "warning").length,
      updatedAt: versions.at(-1)?.info.createdAt ?? "",
    };
    return { summary, programme, findings, totals, versions: versions.map((each) => each.info) };
  };
  return {
    demo: true,
    list: async () => [detail().summary],
    get: async (_id, version) => detail(version),
    save: async (_id, programme) => {
      addVersion(programme, "edit");
    },
    setStatus: async (_id, next) => {
      status = next as ProgrammeStatus;
    },
  };
}

let resolved: Promise<DataSource> | null = null;

/** Probes the API once; a network error or a gateway error (the dev proxy with no API) means demo. */
export function dataSource(): Promise<DataSource> {
  resolved ??= fetch("/api/programmes", { headers: { accept: "application/json" } })
    .then((response) => {
      const json = response.headers.get("content-type")?.includes("application/json");
      return response.ok && json ? apiSource : demoSource();
    })
    .catch(() => demoSource());
  return resolved;
}
