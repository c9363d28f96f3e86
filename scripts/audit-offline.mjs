#!/usr/bin/env node
// Checks the production dependency tree against a local copy of the GitHub Advisory Database
// (github/advisory-database, OSV JSON), for when `npm audit` cannot reach an advisory endpoint.
//
//   node scripts/audit-offline.mjs <advisory-dir> [--tree <npm-ls.json>]
//
// <advisory-dir>: the database checkout, or any directory of OSV JSON files (searched recursively).
// --tree: the output of `npm ls --omit=dev --all --json`; without it npm is run here.
// Prints every finding; exits 1 when one is HIGH or CRITICAL, 2 on a usage error or a directory without npm advisories.

import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import semver from "semver";

const BLOCKING = new Set(["HIGH", "CRITICAL"]);
const NPM_ECOSYSTEM = /"ecosystem":\s*"npm"/;

function parseArgs(argv) {
  const args = { dir: undefined, tree: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--tree") args.tree = argv[++i];
    else args.dir = argv[i];
  }
  return args;
}

function readTree(treeFile) {
  if (treeFile) return JSON.parse(readFileSync(treeFile, "utf8"));
  try {
    return JSON.parse(execFileSync("npm", ["ls", "--omit=dev", "--all", "--json"], { encoding: "utf8" }));
  } catch (error) {
    // npm ls exits 1 on peer or extraneous problems but still prints the tree.
    if (error.stdout) return JSON.parse(error.stdout);
    throw error;
  }
}

/** name → version → the first dependency path that reaches it ("a > b > c"). */
function installedPackages(tree) {
  const found = new Map();
  const walk = (node, path) => {
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      if (!child.version) continue;
      const versions = found.get(name) ?? new Map();
      found.set(name, versions);
      if (versions.has(child.version)) continue;
      const childPath = [...path, name];
      versions.set(child.version, childPath.join(" > "));
      walk(child, childPath);
    }
  };
  walk(tree, []);
  return found;
}

function* jsonFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* jsonFiles(full);
    else if (entry.name.endsWith(".json")) yield full;
  }
}

/** npm advisories for the packages we have: name → [{ advisory, affected }]. */
function loadAdvisories(dir, names) {
  const byName = new Map();
  let files = 0;
  for (const file of jsonFiles(dir)) {
    const text = readFileSync(file, "utf8");
    if (!NPM_ECOSYSTEM.test(text)) continue;
    const advisory = JSON.parse(text);
    if (advisory.withdrawn) continue;
    files++;
    for (const affected of advisory.affected ?? []) {
      const pkg = affected.package ?? {};
      if (pkg.ecosystem !== "npm" || !names.has(pkg.name)) continue;
      const list = byName.get(pkg.name) ?? [];
      list.push({ advisory, affected });
      byName.set(pkg.name, list);
    }
  }
  return { byName, files };
}

function introducedVersion(value) {
  return value === "0" ? "0.0.0-0" : value;
}

/** OSV range evaluation: events in version order switch "affected" on (introduced) and off (fixed, last_affected). */
function inRange(version, range) {
  if (range.type !== "SEMVER" && range.type !== "ECOSYSTEM") return false;
  const bound = (event) =>
    event.introduced !== undefined
      ? introducedVersion(event.introduced)
      : (event.fixed ?? event.last_affected);
  const events = [...range.events]
    .filter((event) => semver.valid(bound(event)))
    .sort((a, b) => semver.compare(bound(a), bound(b)));
  let affected = false;
  for (const event of events) {
    if (event.introduced !== undefined && semver.gte(version, introducedVersion(event.introduced))) {
      affected = true;
    } else if (event.fixed !== undefined && semver.gte(version, event.fixed)) affected = false;
    else if (event.last_affected !== undefined && semver.gt(version, event.last_affected)) affected = false;
  }
  return affected;
}

function isAffected(version, affected) {
  if ((affected.versions ?? []).includes(version)) return true;
  return (affected.ranges ?? []).some((range) => inRange(version, range));
}

function fixedVersions(affected) {
  return (affected.ranges ?? []).flatMap((range) => range.events.flatMap((event) => event.fixed ?? []));
}

function findings(packages, advisories) {
  const result = [];
  for (const [name, versions] of packages) {
    for (const [version, path] of versions) {
      for (const { advisory, affected } of advisories.get(name) ?? []) {
        if (!semver.valid(version) || !isAffected(version, affected)) continue;
        const severity = String(advisory.database_specific?.severity ?? "UNKNOWN").toUpperCase();
        result.push({
          name,
          version,
          path,
          severity,
          id: advisory.id,
          summary: advisory.summary ?? "",
          fixed: fixedVersions(affected),
        });
      }
    }
  }
  return result;
}

/** The checkout's commit, when <advisory-dir> is the top of a git checkout. */
function databaseCommit(dir) {
  const git = (...args) =>
    execFileSync("git", ["-C", dir, ...args], { encoding: "utf8", stdio: "pipe" }).trim();
  try {
    if (realpathSync(git("rev-parse", "--show-toplevel")) !== realpathSync(dir)) return "not a git checkout";
    return `commit ${git("rev-parse", "HEAD")}`;
  } catch {
    return "not a git checkout";
  }
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.dir) {
    console.error("usage: node scripts/audit-offline.mjs <advisory-dir> [--tree <npm-ls.json>]");
    return 2;
  }
  const packages = installedPackages(readTree(args.tree));
  const versionCount = [...packages.values()].reduce((sum, versions) => sum + versions.size, 0);
  const { byName, files } = loadAdvisories(args.dir, new Set(packages.keys()));
  console.log(`advisory database: ${args.dir} (${databaseCommit(args.dir)}), ${files} npm advisories`);
  if (files === 0) {
    console.error("no npm advisory in that directory: nothing was checked");
    return 2;
  }
  console.log(`production tree: ${packages.size} packages, ${versionCount} package versions`);
  const found = findings(packages, byName);
  for (const f of found) {
    const fix = f.fixed.length > 0 ? `fixed in ${f.fixed.join(", ")}` : "no fixed version";
    console.log(`${f.severity}\t${f.name}@${f.version}\t${f.id}\t${f.summary}\t(${fix}; via ${f.path})`);
  }
  const blocking = found.filter((f) => BLOCKING.has(f.severity));
  console.log(`${found.length} findings, ${blocking.length} high or critical`);
  return blocking.length > 0 ? 1 : 0;
}

process.exitCode = main();
