import { defineConfig } from "vitest/config";

/** End-to-end tests: npx vitest run --config test/e2e/vitest.e2e.config.ts */
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: "forks",
  },
});
