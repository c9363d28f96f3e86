export * from "./categories.js";
export * from "./classify.js";
export * from "./evaluate.js";
export * from "./normalize.js";
export * from "./overrides.js";
export * from "./reattach.js";
export * from "./rules.js";
