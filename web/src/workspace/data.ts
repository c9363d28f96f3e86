import type { ProjectEditAnswer } from "../../../src/contract/project-edit.js";
import type { Programme } from "../../../src/domain/model.js";
import type { ProjectFields } from "../../../src/domain/project-edit.js";
import { programmeTotals } from "../../../src/domain/totals.js";
import { validateProgramme } from "../../../src/domain/validate.js";
import {
  ApiError,
  api,
  auth,
  type ListQuery,
  type ProgrammeDetail,
  type ProgrammeStatus,
  type ProgrammeSummary,
  type SessionUser,
  setCsrfToken,
  type VersionInfo,
} from "../lib/api.js";

/** Where the workspace gets its data: the API, or an in-memory demo when the API is not running. */
export interface DataSource {
  demo: boolean;
  list(query: ListQuery): Promise<ProgrammeSummary[]>;
  get(id: string, version?: number): Promise<ProgrammeDetail>;
  /** The whole programme, edited on `baseVersion` (a newer stored version refuses it: 409). */
  save(id: string, programme: Programme, baseVersion?: number): Promise<void>;
  /** One project's own fields edited on `baseVersion` (PATCH); absent: `save` the whole programme. */
  saveProject?(
    id: string,
    itemId: string,
    project: ProjectFields,
    baseVersion: number,
  ): Promise<ProjectEditAnswer>;
  /** `reason`: required by the API to publish a programme with error findings. */
  setStatus(id: string, status: string, reason?: string): Promise<void>;
}

const apiSource: DataSource = {
  demo: false,
  list: api.list,
  get: api.get,
  save: async (id, programme, baseVersion) => {
    await api.save(id, programme, baseVersion);
  },
  saveProject: api.saveProject,
  setStatus: async (id, status, reason) => {
    await api.setStatus(id, status, reason);
  },
};

async function demoSource(): Promise<DataSource> {
  const { demoProgramme } = await import("../../../src/domain/synthetic/demo.js");
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

export type Session =
  | { mode: "api"; source: DataSource; user: SessionUser | null }
  | { mode: "demo"; source: DataSource }
  | { mode: "signin" };

export const signedIn = (user: SessionUser | null): Session => ({ mode: "api", source: apiSource, user });

async function answersJson(url: string): Promise<boolean> {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  return response.ok && Boolean(response.headers.get("content-type")?.includes("application/json"));
}

/**
 * Asks the API who is signed in. 401: sign in. An API without sign-in (404 for /api/auth/me) is
 * used as it is. No API at all (network or gateway error, the dev proxy alone): the in-memory demo.
 */
export async function probeSession(): Promise<Session> {
  try {
    const me = await auth.me();
    setCsrfToken(me.csrfToken);
    return signedIn(me.user);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return { mode: "signin" };
    if (
      error instanceof ApiError &&
      error.status === 404 &&
      (await answersJson("/api/programmes").catch(() => false))
    ) {
      return signedIn(null);
    }
    return { mode: "demo", source: await demoSource() };
  }
}
