// `npm run audit`: the packages the add-in ships (`npm audit --omit=dev`) must have no high or
// critical advisory, unless audit-allowlist.json lists it with the reason it does not apply.
//
// When the registry's audit service cannot be reached (offline, or a registry proxy that refuses
// the audit endpoint's POST, as this project's build machines do: "405 Method Not Allowed"), the
// gate cannot look: it prints a loud notice saying so and passes, in CI too, since no advisory
// data can be had there. Set AUDIT_REQUIRED=true where the audit service is reachable to make
// an unreachable service a failure. Advisories found always fail the gate unless allow-listed.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const ALLOWLIST = path.join(ROOT, "audit-allowlist.json");
const GATED = new Set(["high", "critical"]);

/** The advisories behind `npm audit --json` (v7+ format): one entry per advisory and package. */
function advisories(report) {
  const out = [];
  for (const [pkg, v] of Object.entries(report.vulnerabilities || {})) {
    for (const via of v.via || []) {
      if (typeof via !== "object" || via === null) continue; // a string: the advisory is listed under the package it names
      out.push({ package: pkg, id: String(via.url || via.source), title: via.title || "", severity: via.severity || v.severity, range: via.range || v.range || "" });
    }
  }
  return out;
}

/**
 * Judges a report against the allow-list: the high/critical advisories not allowed fail the
 * gate; allow-list entries that match nothing any more are stale (reported, not failed).
 * An entry allows an advisory when its `id` equals the advisory's URL (or source number) and
 * its `package` equals the package; every entry needs a `reason`.
 */
function judge(report, allowlist) {
  const entries = (allowlist && allowlist.advisories) || [];
  const bad = entries.filter((e) => !e || typeof e.id !== "string" || typeof e.package !== "string" || typeof e.reason !== "string" || e.reason.trim() === "");
  if (bad.length > 0) throw new Error(`audit-allowlist.json: every entry needs id, package and a reason (${JSON.stringify(bad)})`);
  const found = advisories(report);
  const allows = (a) => entries.find((e) => e.id === a.id && e.package === a.package);
  const gated = found.filter((a) => GATED.has(a.severity));
  return {
    failures: gated.filter((a) => !allows(a)),
    allowed: gated.filter((a) => allows(a)),
    below: found.filter((a) => !GATED.has(a.severity)),
    stale: entries.filter((e) => !found.some((a) => a.id === e.id && a.package === e.package)),
  };
}

/** Runs npm audit; `{ report }` when the registry answered with a report, else `{ unavailable: why }`. */
function runAudit() {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const r = spawnSync(npm, ["audit", "--omit=dev", "--json"], { cwd: ROOT, encoding: "utf8", timeout: 120000, maxBuffer: 1 << 26 });
  if (r.error) return { unavailable: r.error.message };
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    return { unavailable: `npm audit printed no report (exit ${r.status}): ${(r.stderr || "").trim().split("\n").pop()}` };
  }
  if (!report.vulnerabilities) {
    const why = report.message || (report.error && (report.error.summary || report.error.detail)) || `exit ${r.status}`;
    return { unavailable: String(why) };
  }
  return { report };
}

function main() {
  const required = process.env.AUDIT_REQUIRED === "true";
  const allowlist = JSON.parse(fs.readFileSync(ALLOWLIST, "utf8"));
  const run = runAudit();
  if (run.unavailable) {
    const line = "!".repeat(78);
    console.error(`${line}\n!! npm audit --omit=dev could not run: ${run.unavailable}`);
    if (required) {
      console.error(`!! AUDIT_REQUIRED=true: the dependency audit must not be skipped.\n${line}`);
      process.exit(1);
    }
    console.error(`!! NOT AUDITED: no advisory data could be fetched, so nothing is known about advisories.\n!! Run \`AUDIT_REQUIRED=true npm run audit\` where the registry's audit service is reachable.\n${line}`);
    return;
  }
  const { failures, allowed, below, stale } = judge(run.report, allowlist);
  const show = (a) => `  ${a.severity.padEnd(8)} ${a.package} ${a.range}: ${a.title} (${a.id})`;
  if (allowed.length) console.log(`allowed by audit-allowlist.json:\n${allowed.map(show).join("\n")}`);
  if (below.length) console.log(`below the gate (moderate/low), for information:\n${below.map(show).join("\n")}`);
  if (stale.length) console.warn(`audit-allowlist.json entries that match no advisory any more (remove them):\n${stale.map((e) => `  ${e.package} ${e.id}`).join("\n")}`);
  if (failures.length) {
    console.error(`npm audit --omit=dev: ${failures.length} high or critical advisor${failures.length === 1 ? "y" : "ies"} not allowed:\n${failures.map(show).join("\n")}`);
    console.error("Upgrade the package, or add it to audit-allowlist.json with the reason it does not apply.");
    process.exit(1);
  }
  console.log(`npm audit --omit=dev: no high or critical advisories${allowed.length ? ` beyond ${allowed.length} allowed` : ""}.`);
}

module.exports = { advisories, judge, runAudit };

if (require.main === module) main();
