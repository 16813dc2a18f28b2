/**
 * The dependency audit's gate (tools/audit.cjs) on npm audit reports written here (no network):
 * high and critical advisories fail unless allow-listed with a reason; moderate and low are
 * shown, not failed; stale allow-list entries are reported; the committed allow-list is valid.
 */
import * as fs from "fs";
import * as path from "path";

const { judge, advisories } = require("../../tools/audit.cjs") as {
  judge: (report: unknown, allowlist: unknown) => { failures: Array<{ package: string; id: string }>; allowed: unknown[]; below: unknown[]; stale: unknown[] };
  advisories: (report: unknown) => Array<{ package: string; id: string; severity: string }>;
};

// The shape of `npm audit --json` (npm 7 and later): a package's `via` lists advisory objects,
// or the names of packages through which it is affected.
const report = {
  auditReportVersion: 2,
  vulnerabilities: {
    unzipper: { name: "unzipper", severity: "high", via: [{ source: 1001, name: "unzipper", title: "Path traversal", url: "https://github.com/advisories/GHSA-aaaa", severity: "high", range: "<0.12.2" }], range: "<0.12.2" },
    exceljs: { name: "exceljs", severity: "high", via: ["unzipper"], range: "*" },
    tmp: { name: "tmp", severity: "low", via: [{ source: 1002, name: "tmp", title: "Symlink write", url: "https://github.com/advisories/GHSA-bbbb", severity: "low", range: "<=0.2.3" }] },
    leftpad: { name: "leftpad", severity: "critical", via: [{ source: 1003, name: "leftpad", title: "RCE", url: "https://github.com/advisories/GHSA-cccc", severity: "critical", range: "*" }] },
  },
};

test("every advisory is read once, under its own package, not again under the packages that depend on it", () => {
  expect(advisories(report).map((a) => `${a.package} ${a.severity}`)).toEqual(["unzipper high", "tmp low", "leftpad critical"]);
});

test("high and critical advisories fail the gate; low ones are reported only", () => {
  const r = judge(report, { advisories: [] });
  expect(r.failures.map((a) => a.package)).toEqual(["unzipper", "leftpad"]);
  expect(r.below).toHaveLength(1);
});

test("an allow-listed advisory (same advisory and package, with a reason) passes; a stale entry is reported", () => {
  const r = judge(report, {
    advisories: [
      { id: "https://github.com/advisories/GHSA-aaaa", package: "unzipper", reason: "only reads archives the add-in wrote itself" },
      { id: "https://github.com/advisories/GHSA-zzzz", package: "gone", reason: "fixed upstream" },
    ],
  });
  expect(r.failures.map((a) => a.package)).toEqual(["leftpad"]);
  expect(r.allowed).toHaveLength(1);
  expect(r.stale).toHaveLength(1);
});

test("an entry for the right advisory but another package allows nothing, and an entry without a reason is refused", () => {
  expect(judge(report, { advisories: [{ id: "https://github.com/advisories/GHSA-aaaa", package: "exceljs", reason: "x" }] }).failures).toHaveLength(2);
  expect(() => judge(report, { advisories: [{ id: "https://github.com/advisories/GHSA-aaaa", package: "unzipper", reason: " " }] })).toThrow(/reason/);
});

test("a clean report passes", () => {
  expect(judge({ auditReportVersion: 2, vulnerabilities: {} }, { advisories: [] }).failures).toEqual([]);
});

test("the committed allow-list is valid and explains each entry", () => {
  const list = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "audit-allowlist.json"), "utf8"));
  expect(Array.isArray(list.advisories)).toBe(true);
  expect(() => judge({ vulnerabilities: {} }, list)).not.toThrow();
});
