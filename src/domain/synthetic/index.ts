export * from "./funding.js";
export * from "./generate.js";
export * from "./geography.js";
export * from "./prng.js";
export * from "./reports.js";
export * from "./templates.js";
