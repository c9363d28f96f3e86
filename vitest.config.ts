import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // On PostgreSQL (DATABASE_URL): a migrated template database that every test database copies.
    globalSetup: ["test/support/pg-template.ts"],
    // Many files wait on LibreOffice, a CLI child or the database: on two cores Vitest's default (cores − 1)
    // leaves one core idle through those waits.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
