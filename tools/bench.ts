/**
 * Speed and size, measured (not asserted): `npm run bench`.
 * Prints the time to compute a scenario, the cost of a custom-function call with and
 * without the scenario cache, and the size of the built bundles when dist/ exists.
 */
import * as fs from "fs";
import * as path from "path";
import { performance } from "perf_hooks";
import { runScenario } from "../src/model/scenarioModel";

// The functions module expects Excel's CustomFunctions global; a minimal stand-in is enough here.
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: class extends Error {},
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!" },
};

function time(label: string, n: number, f: (i: number) => unknown): void {
  for (let i = 0; i < Math.min(n, 200); i++) f(i); // warm up
  const t0 = performance.now();
  for (let i = 0; i < n; i++) f(i);
  const us = ((performance.now() - t0) * 1000) / n;
  console.log(`${label.padEnd(58)} ${us.toFixed(2).padStart(10)} µs/op  (${n} runs)`);
}

async function main(): Promise<void> {
  const F = await import("../src/functions/functions");
  console.log("== model");
  time("runScenario('base')", 2000, () => runScenario("base"));
  time("runScenario('bull') (22 contract years)", 2000, () => runScenario("bull"));
  time("runScenario with 3 overrides", 2000, (i) => runScenario("base", [["delay_months", i % 12], ["escalator", 0.02], ["renewal_options", 1]]));
  console.log("== custom functions");
  time("DEAL_REVENUE(2027) (scenario cached)", 20000, () => F.dealRevenue(2027));
  time("DEAL_REVENUE(2027, overrides) (cache miss each call)", 2000, (i) => F.dealRevenue(2027, [["t1_mw", 100 + (i % 1000) / 7]]));
  time("DEAL_SCHEDULE() (cached)", 20000, () => F.dealSchedule());
  time("a sheet of 14 years x 3 scenarios of DEAL_REVENUE", 500, () => {
    for (const s of ["base", "bull", "bear"]) for (let y = 2025; y <= 2038; y++) F.dealRevenue(y, [[s]]);
  });
  const dist = path.join(__dirname, "..", "dist");
  console.log("== bundle sizes" + (fs.existsSync(dist) ? "" : " (run `npm run build` first)"));
  if (fs.existsSync(dist)) {
    for (const f of fs.readdirSync(dist).filter((x) => /\.(js|json|html)$/.test(x))) {
      console.log(`${f.padEnd(58)} ${(fs.statSync(path.join(dist, f)).size / 1024).toFixed(1).padStart(10)} KiB`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
