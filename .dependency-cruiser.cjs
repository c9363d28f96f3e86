/**
 * The rooms' import rules (docs/architecture.md), checked by `npm run lint` and so by CI.
 * Type-only imports count too (@swc/core parses the TypeScript): a type from another room is still a dependency on it.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      comment: "No import cycle in src/: a cycle means two files that can only be understood together.",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "domain-is-pure",
      comment:
        "src/domain holds pure functions: nothing of the app outside src/domain (not even a type), no I/O, only zod.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { pathNot: ["^src/domain/", "^node_modules/zod/"] },
    },
    {
      name: "import-never-imports-export",
      comment: "Readers and writers meet only in src/template and src/domain.",
      severity: "error",
      from: { path: "^src/import/" },
      to: { path: "^src/export/" },
    },
    {
      name: "export-never-imports-import",
      severity: "error",
      from: { path: "^src/export/" },
      to: { path: "^src/import/" },
    },
    {
      name: "only-store-speaks-sql",
      comment: "Kysely and the database drivers are the store's alone (migrations are part of it).",
      severity: "error",
      from: { path: "^(src|web)/", pathNot: "^src/store/" },
      to: { path: "^node_modules/(kysely|pg|pg-[^/]+|@electric-sql/pglite)/" },
    },
    {
      name: "web-sees-only-contract-and-domain",
      comment: "The browser app knows the server only through src/contract (and the pure src/domain).",
      severity: "error",
      from: { path: "^web/" },
      to: { path: "^src/", pathNot: "^src/(contract|domain)/" },
    },
    {
      name: "contract-imports-only-domain",
      severity: "error",
      from: { path: "^src/contract/" },
      to: { path: "^src/", pathNot: "^src/(contract|domain)/" },
    },
    {
      name: "pdfjs-only-as-the-server-pdf-reader",
      comment:
        "PDF.js runs only in the PDF reader, on the server, as its core parser (pdf.mjs and its worker module, loaded in-process): no viewer, annotation layer or scripting (docs/security.md, «Dependency audit»).",
      severity: "error",
      from: { path: "^(src|web)/" },
      to: {
        path: "^node_modules/pdfjs-dist/",
        pathNot: "^node_modules/pdfjs-dist/legacy/build/pdf(\\.worker)?\\.mjs$",
      },
    },
    {
      name: "pdfjs-reader-stays-in-src-import-pdf",
      severity: "error",
      from: { path: "^(src|web)/", pathNot: "^src/import/pdf/" },
      to: { path: "^node_modules/pdfjs-dist/" },
    },
    {
      name: "no-unresolvable",
      severity: "error",
      from: { path: "^(src|web)/" },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    includeOnly: "^(src|web/src|node_modules)/",
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".d.ts"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
