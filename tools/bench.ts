/**
 * Speed and size, measured (not asserted): `npm run bench`.
 * Prints the time to compute a scenario, the cost of a custom-function call with and
 * without the scenario cache, the Monte Carlo's speed (10k and 100k paths), and the size of
 * the built bundles when dist/ exists.
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
  await monteCarlo();
  console.log("== workbook plan and adapters");
  const { resolveScenario } = await import("../src/model/scenarios");
  const { buildPlan } = await import("../src/plan/build");
  const { planToWorkbook } = await import("../src/xlsx/write");
  const { buildSheets } = await import("../src/excel/apply");
  const { EMPTY_REGISTRY } = await import("../src/excel/registry");
  const { ExcelDouble } = await import("../tests/support/excelDouble");
  const scenarios = (n: number) =>
    Array.from({ length: n }, (_, i) => {
      const name = ["base", "bull", "bear"][i % 3];
      const r = resolveScenario(name);
      if (!r.ok) throw new Error(r.error.message);
      return { name: i < 3 ? name : `${name} ${i}`, values: r.value.values };
    });
  for (const n of [1, 3, 12]) {
    const sc = scenarios(n);
    time(`buildPlan, ${n} scenario(s)`, 20, () => buildPlan(sc));
    const p = buildPlan(sc);
    if (!p.ok) throw new Error(p.error.message);
    const formulas = p.value.sheets.reduce((k, sh) => k + sh.blocks.reduce((m, b) => m + b.cells.flat().filter((v) => typeof v === "string" && v.startsWith("=")).length, 0), 0);
    console.log(`  plan for ${n}: ${(JSON.stringify(p.value).length / 1024).toFixed(0)} KiB as JSON, ${formulas} formulas`);
    const x = new ExcelDouble();
    const t0 = performance.now();
    const r = await buildSheets(x.run, sc, EMPTY_REGISTRY);
    const ms = performance.now() - t0;
    if (!r.ok) throw new Error(r.message);
    console.log(`  Office.js adapter (Excel double), ${n} scenario(s): ${x.syncCount} syncs, largest request ${(Math.max(...x.requestBytes) / 1024).toFixed(0)} KiB, ${ms.toFixed(0)} ms`);
    const t1 = performance.now();
    await planToWorkbook(p.value).xlsx.writeBuffer();
    console.log(`  exceljs .xlsx written in ${(performance.now() - t1).toFixed(0)} ms`);
  }
  const dist = path.join(__dirname, "..", "dist");
  console.log("== bundle sizes" + (fs.existsSync(dist) ? "" : " (run `npm run build` first)"));
  if (fs.existsSync(dist)) {
    for (const f of fs.readdirSync(dist).filter((x) => /\.(js|json|html)$/.test(x))) {
      console.log(`${f.padEnd(58)} ${(fs.statSync(path.join(dist, f)).size / 1024).toFixed(1).padStart(10)} KiB`);
    }
  }
}

/** Median wall time of `runs` calls (after one warm-up call), in ms. */
async function medianMs(runs: number, f: () => unknown): Promise<number> {
  await f();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    ts.push(performance.now() - t0);
  }
  ts.sort((a, b) => a - b);
  return ts[Math.floor(ts.length / 2)];
}

/** The Monte Carlo: preparation, paths, summaries, the chunked run the worker does, and DEAL_NPV_RISK. */
async function monteCarlo(): Promise<void> {
  const { resolveScenario } = await import("../src/model/scenarios");
  const { prepareRisk, stepRisk, summariseRisk, runRisk } = await import("../src/model/risk/montecarlo");
  const { defaultRiskSpec } = await import("../src/model/risk/spec");
  const { runInChunks } = await import("../src/taskpane/riskWorkerHandler");
  const { dealNpvRisk, clearRiskCache } = await import("../src/functions/risk");
  const s = resolveScenario("base");
  if (!s.ok) throw new Error(s.error.message);
  const input = (paths: number, years = true) => ({ scenario: s.value, spec: defaultRiskSpec(s.value.values), paths, seed: 1, years });
  const line = (label: string, ms: number, extra = "") => console.log(`${label.padEnd(58)} ${ms.toFixed(1).padStart(10)} ms ${extra}`);
  const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  console.log("== Monte Carlo (base case, default risks; median of 5 runs)");
  line("prepare (13 delay cases x 1 renewal case of computeScenario)", await medianMs(5, () => must(prepareRisk(input(1)))));
  for (const n of [10_000, 100_000]) {
    const sim = await medianMs(5, () => {
      const r = must(prepareRisk(input(n)));
      stepRisk(r, n);
    });
    const prep = await medianMs(5, () => must(prepareRisk(input(n))));
    const pathsOnly = sim - prep;
    line(`${n.toLocaleString("en-US")} paths: prepare + simulate`, sim, `(paths alone ${((pathsOnly * 1000) / n).toFixed(3)} µs/path)`);
    const r = must(prepareRisk(input(n)));
    stepRisk(r, n);
    line(`${n.toLocaleString("en-US")} paths: summary, NPV only`, await medianMs(5, () => must(summariseRisk(r, { years: false }))));
    line(`${n.toLocaleString("en-US")} paths: summary with revenue by year`, await medianMs(5, () => must(summariseRisk(r))));
    line(`${n.toLocaleString("en-US")} paths: runRisk end to end`, await medianMs(5, () => must(runRisk(input(n)))));
    line(
      `${n.toLocaleString("en-US")} paths: runInChunks (the worker's loop, 10k chunks)`,
      await medianMs(5, () => runInChunks(input(n), 10_000, () => undefined, () => false)),
    );
  }
  line("1,000,000 paths: runRisk end to end (one run)", await medianMs(1, () => must(runRisk(input(1_000_000)))));
  const t0 = performance.now();
  clearRiskCache();
  dealNpvRisk(0.1, 0.1);
  line("DEAL_NPV_RISK(0.1, 0.1), 10,000 paths, cache cold", performance.now() - t0);
  time("DEAL_NPV_RISK(0.1, 0.5) after P10 of the same run (cached)", 20000, () => dealNpvRisk(0.1, 0.5));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
