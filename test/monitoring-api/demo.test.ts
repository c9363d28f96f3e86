import { describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import { DEMO_LOGINS, seedDemo, seedDemoUsers } from "../../src/store/seed.js";
import { listUsers } from "../../src/store/users.js";
import { openTestStore } from "../support/db.js";
import { signIn } from "./support.js";

describe("demo users", () => {
  it("seeds the five demo users once, and an executor signs in and sees its unit's periods", async () => {
    const { store, dispose } = await openTestStore();
    const app = buildApp({ store, webDist: "/nonexistent" });
    try {
      await seedDemo(store);
      expect(await seedDemoUsers(store, "pass-word")).toBe(true);
      expect(await seedDemoUsers(store, "pass-word")).toBe(false);
      expect((await listUsers(store)).map((user) => user.login)).toEqual([...DEMO_LOGINS]);
      const executor = await signIn(app, "executor1", "pass-word");
      const [programme] = (await executor.inject("/api/programmes")).json();
      const periods = (
        await executor.inject(`/api/programmes/${programme.id}/periods?today=2026-07-10`)
      ).json();
      const h1 = periods.find((period: { key: string }) => period.key === "2026-H1");
      expect(h1.units).toHaveLength(1);
      expect(h1.units[0]).toMatchObject({ orgUnitId: executor.user.orgUnitId, state: "overdue" });
      expect(h1.units[0].projects).toBeGreaterThan(0);
    } finally {
      await app.close();
      await dispose();
    }
  });
});
