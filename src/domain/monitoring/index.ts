/** Monitoring and reporting of programme implementation: pure functions, no I/O. */
export * from "./evaluation.js";
export * from "./forms.js";
export * from "./formula.js";
export * from "./indicators.js";
export * from "./periods.js";
export * from "./reports.js";
export * from "./rollup.js";
export * from "./schema.js";
export * from "./units.js";
export * from "./variables.js";
