/**
 * Speed and size, measured (never asserted): `npm run bench`.
 *
 * Prints a table and writes it as JSON (bench/results.json, or the path after --out). Every
 * figure is the median of repeated runs; comparisons (DEAL_NPV against formulajs and a plain
 * loop) are measured side by side in the same run. Sections:
 *
 * - custom functions: calls per second of every function the metadata lists (typical
 *   arguments, scenario cache warm), and a grid of 10,000 DEAL_REVENUE / HPC_CAPACITY cells
 *   with mixed arguments, cold (caches emptied) and on recalculation;
 * - DEAL_NPV against formulajs' NPV and a Float64Array loop over the same cash flows;
 * - the task pane's build against the Excel double: context.sync calls and request bytes;
 * - the Monte Carlo (100,000 paths x the deal's years) and the .xlsx of the full workbook;
 * - production bundle sizes, gzip, per chunk (a production build into a temporary folder;
 *   --no-bundles skips it).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { performance } from "perf_hooks";
import * as zlib from "zlib";

// The functions module expects Excel's CustomFunctions global; a minimal stand-in is enough here.
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: class extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  },
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!" },
};

const root = path.join(__dirname, "..");
const args = process.argv.slice(2);
const outFile = path.resolve(args.includes("--out") ? args[args.indexOf("--out") + 1] : path.join(root, "bench", "results.json"));
const RUNS = 7;

interface Row {
  readonly section: string;
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: string;
  readonly met?: boolean;
  readonly note?: string;
}
const rows: Row[] = [];

function record(r: Row): void {
  rows.push(r);
  const v = r.value >= 100 ? Math.round(r.value).toLocaleString("en-US") : r.value.toPrecision(3);
  const target = r.target ? `${r.met ? "met" : "MISSED"}: ${r.target}` : "";
  console.log(`${r.name.padEnd(62)} ${v.padStart(13)} ${r.unit.padEnd(10)} ${target}${r.note ? (target ? "; " : "") + r.note : ""}`);
}

function section(title: string): void {
  console.log(`\n== ${title}`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median over RUNS of the wall time of `f`, in ms (after one warm-up run). */
async function medianMs(f: () => unknown, runs = RUNS): Promise<number> {
  await f();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

/** Calls per second of `f(i)`: batches sized to about 40 ms, median over RUNS batches. */
function callsPerSecond(f: (i: number) => unknown): number {
  let n = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) f(i);
    if (performance.now() - t0 > 40 || n >= 1 << 24) break;
    n *= 2;
  }
  const rates: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) f(i);
    rates.push(n / ((performance.now() - t0) / 1000));
  }
  return median(rates);
}

/** Runs `f`, turning the Excel error a custom function throws into its code (a benchmark call may legitimately give one). */
function quiet(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    return (e as { code?: string }).code ?? e;
  }
}

/** Typical arguments of each function, as a sheet would pass them. Every function needs an entry. */
const TYPICAL: Readonly<Record<string, (i: number) => unknown[]>> = {
  DEAL_REVENUE: (i) => [2025 + (i % 14)],
  GROSS_PROFIT: (i) => [2025 + (i % 14)],
  CONTRACT_YEAR_REVENUE: (i) => [1 + (i % 12)],
  DEAL_SCHEDULE: () => [],
  DEAL_TCV: () => [[["bull"]]],
  GROSS_MARGIN: () => [null, "reported"],
  REVENUE_PER_MW: () => [],
  HPC_CAPACITY: (i) => [2025 + (i % 14)],
  CAPACITY: (i) => [2025 + (i % 14), null, ["energised", "contracted", "pipeline"][i % 3]],
  CAPACITY_SCHEDULE: () => [[["bear"]]],
  DEAL_NPV: (i) => [0.08 + (i % 1000) * 1e-5],
  SCENARIO_VALUE: () => ["licence_margin"],
  ASSUMPTIONS: () => [],
  SCENARIOS: () => [],
  DATA_AS_OF: () => [],
  MARGIN_BRIDGE: () => [],
  REPORTED_VS_MODEL: () => [],
  RECONCILE: () => [],
  PEER: () => ["CoreWeave", "revenue"],
  PEER_LIST: () => ["gpu-cloud"],
  PEER_MULTIPLE: () => ["ev_revenue", "all", "median"],
  IMPLIED_VALUE: () => ["ev_revenue"],
  CONCENTRATION: (i) => [2025 + (i % 14)],
  HHI: () => [[[725e6], [100e6], [50e6], [25e6]]],
  PIPELINE_REVENUE: (i) => [2025 + (i % 14)],
  CONCENTRATION_SCHEDULE: () => [],
  PIPELINE: () => [],
  MINING_REVENUE: (i) => [19.1, 30 + (i % 20), 0.95],
  MW_ECONOMICS: () => ["mining"],
  HASHPRICE_LEVELS: () => [],
  DEAL_NPV_RISK: (i) => [0.1, [0.1, 0.5, 0.9][i % 3]],
  DEAL_CASH_FLOW: (i) => [2025 + (i % 14)],
  DEAL_VALUE: () => [],
  SENSITIVITY: () => ["discount_rate", [[0.08], [0.09], [0.1], [0.11], [0.12]], "licence_margin", [[0.775, 0.8, 0.825, 0.85, 0.875]]],
  TORNADO: () => [],
  DEAL_IRR: () => [null, 1.5e6],
  LEASE_LIST: () => ["comparable"],
  LEASE: (i) => [["corz-coreweave", "apld-pf1-coreweave", "hut-river-bend-fluidstack"][i % 3], "usd_per_mw_year"],
  LEASE_STAT: () => ["usd_per_mw_year", "median"],
  LEASE_PERCENTILE: () => [],
};

async function customFunctions(): Promise<void> {
  const { loadCustomFunctions } = await import("../tests/support/customFunctions");
  const functions = await loadCustomFunctions();
  section(`custom functions: calls per second, scenario cache warm (median of ${RUNS} batches)`);
  for (const f of functions) {
    const typical = TYPICAL[f.id];
    if (!typical) throw new Error(`tools/bench.ts: give ${f.id} typical arguments in TYPICAL`);
    const call = (i: number) => quiet(() => f.fn(...typical(i)));
    const sample = call(0);
    if (typeof sample === "string" && sample.startsWith("#")) throw new Error(`${f.id}(${JSON.stringify(typical(0))}) gives ${sample}: fix its typical arguments`);
    const rate = callsPerSecond(call);
    const isRevenue = f.id === "DEAL_REVENUE";
    record({
      section: "functions",
      name: `${f.id} (${f.spills ? "spills" : "scalar"})`,
      value: rate,
      unit: "calls/s",
      ...(isRevenue ? { target: ">= 1,000,000 calls/s", met: rate >= 1e6 } : {}),
    });
  }
  const { dealRevenue, hpcCapacity, dealNpvFn } = await import("../src/functions/functions");
  const { clearModelCache, flowsOf, modelFor } = await import("../src/functions/scenario");

  section("a grid of 10,000 cells: DEAL_REVENUE and HPC_CAPACITY, 26 years x 8 scenario arguments");
  // Mixed arguments as a sheet has them: blank, names, a name in a cell, and input blocks of
  // overrides (each block a separate range object, as Excel passes a fresh array per cell).
  const scenarioArgs: Array<() => unknown> = [
    () => undefined,
    () => "bull",
    () => [["bear"]],
    () => [["Base"]],
    () => [["delay_months", 6]],
    () => [["escalator", 0.03], ["renewal_options", 1]],
    () => [["assumption", "value"], ["t1_mw", 150], ["licence_margin", 0.8]],
    () => [["scenario", "bear"], ["delay_months", 3]],
  ];
  const cells = Array.from({ length: 10_000 }, (_, i) => ({ f: i % 2 === 0 ? dealRevenue : hpcCapacity, year: 2020 + (i % 26), scenario: scenarioArgs[Math.floor(i / 2) % scenarioArgs.length] }));
  const grid = () => {
    let sum = 0;
    for (const c of cells) sum += c.f(c.year, c.scenario() as never[][]);
    return sum;
  };
  const cold = await medianMs(() => {
    clearModelCache();
    return grid();
  });
  record({ section: "grid", name: "10,000 cells, cold (every scenario computed once)", value: cold, unit: "ms" });
  record({ section: "grid", name: "10,000 cells, recalculation (scenarios cached)", value: await medianMs(grid), unit: "ms" });

  section("DEAL_NPV against formulajs NPV and a plain loop, the same cash flows (base), a new rate each call");
  const m = modelFor(undefined);
  if (!m.ok) throw new Error(m.error.message);
  const flows = flowsOf(m.value);
  if (!flows.ok) throw new Error(flows.error.message);
  // Gross profit by year, received 1 year apart from the first flow's time (a fraction of a year
  // after the valuation date): formulajs discounts whole periods, the plain loop starts at the first time.
  const values = flows.value.map((f) => f.grossProfit);
  const first = flows.value[0].years;
  if (flows.value.some((f, k) => Math.abs(f.years - first - k) > 1e-9)) throw new Error("NPV flows are not a year apart");
  const typed = Float64Array.from(values);
  const formulajs = (await import("@formulajs/formulajs")) as unknown as { NPV: (rate: number, ...values: number[]) => number };
  const rate = (i: number) => 0.08 + (i % 1000) * 1e-5;
  let sink = 0;
  const ours = callsPerSecond((i) => (sink += dealNpvFn(rate(i))));
  const theirs = callsPerSecond((i) => (sink += formulajs.NPV(rate(i), ...values)));
  const plain = callsPerSecond((i) => {
    const r1 = 1 + rate(i);
    let s = 0;
    let d = Math.pow(r1, first - 1);
    for (let k = 0; k < typed.length; k++) {
      d *= r1;
      s += typed[k] / d;
    }
    sink += s;
  });
  if (!Number.isFinite(sink)) throw new Error("NPV benchmark produced a non-finite sum");
  record({ section: "npv", name: `plain Float64Array loop (${typed.length} flows)`, value: plain, unit: "calls/s" });
  record({ section: "npv", name: "formulajs NPV", value: theirs, unit: "calls/s" });
  record({ section: "npv", name: "CORZ.DEAL_NPV(rate)", value: ours, unit: "calls/s", target: "faster than formulajs", met: ours > theirs, note: `${(ours / theirs).toFixed(1)}x formulajs` });
  record({ section: "npv", name: "plain loop / DEAL_NPV", value: plain / ours, unit: "x", target: "<= 5x", met: plain / ours <= 5 });
}

async function paneBuild(): Promise<void> {
  section("task pane build against the Excel double (2 reads + as few write requests as the 4 MB cap allows)");
  const { BUILT_IN_SCENARIOS, resolveScenario } = await import("../src/model/scenarios");
  const { buildSheets, MAX_REQUEST_BYTES } = await import("../src/excel/apply");
  const { EMPTY_REGISTRY } = await import("../src/excel/registry");
  const { ExcelDouble } = await import("../tests/support/excelDouble");
  // The built-in scenarios in turn; the pane builds all of them by default.
  const builtIn = BUILT_IN_SCENARIOS.map((s) => s.name);
  const scenarios = (n: number) =>
    Array.from({ length: n }, (_, i) => {
      const name = builtIn[i % builtIn.length];
      const r = resolveScenario(name);
      if (!r.ok) throw new Error(r.error.message);
      return { name: i < builtIn.length ? name : `${name} ${i}`, values: r.value.values };
    });
  const today = "2026-01-01";
  for (const n of [1, builtIn.length, 10, 50]) {
    const sc = scenarios(n);
    let syncs = 0;
    let bytes: number[] = [];
    let written = 0;
    const ms = await medianMs(async () => {
      const x = new ExcelDouble();
      const r = await buildSheets(x.run, sc, EMPTY_REGISTRY, { today });
      if (!r.ok) throw new Error(r.message);
      syncs = x.syncCount;
      bytes = x.requestBytes;
      written = r.report.requestBytes;
    }, 3);
    // The fewest syncs possible: two reads and one write per MAX_REQUEST_BYTES of payload.
    const least = 2 + Math.ceil(written / MAX_REQUEST_BYTES);
    const largest = Math.max(...bytes);
    record({ section: "pane", name: `${n} scenario(s): context.sync calls`, value: syncs, unit: "syncs", target: `<= ${least} (2 reads + ceil(${(written / 1e6).toFixed(2)} MB / 4 MB) writes)`, met: syncs <= least + 1 && (written > MAX_REQUEST_BYTES || syncs <= 3) });
    record({ section: "pane", name: `${n} scenario(s): request bytes, all syncs`, value: bytes.reduce((a, b) => a + b, 0), unit: "bytes", target: "largest <= 4 MB", met: largest <= MAX_REQUEST_BYTES, note: `largest ${(largest / 1024).toFixed(0)} KiB; ${bytes.map((b) => `${(b / 1024).toFixed(0)}`).join(" / ")} KiB by sync` });
    record({ section: "pane", name: `${n} scenario(s): build time (plan + adapter, double)`, value: ms, unit: "ms" });
  }
}

async function monteCarloAndXlsx(): Promise<void> {
  section("Monte Carlo (base case, default risks, one thread)");
  const { resolveScenario } = await import("../src/model/scenarios");
  const { runRisk } = await import("../src/model/risk/montecarlo");
  const { defaultRiskSpec } = await import("../src/model/risk/spec");
  const s = resolveScenario("base");
  if (!s.ok) throw new Error(s.error.message);
  const input = { scenario: s.value, spec: defaultRiskSpec(s.value.values), paths: 100_000, seed: 1 };
  let years = 0;
  const ms = await medianMs(() => {
    const r = runRisk(input);
    if (!r.ok || r.value.status !== "done") throw new Error("the Monte Carlo did not finish");
    years = r.value.summary.years.length;
  }, 5);
  record({ section: "montecarlo", name: `100,000 paths x ${years} years, end to end`, value: ms, unit: "ms", target: "< 250 ms", met: ms < 250 });
  record({ section: "montecarlo", name: "paths per second", value: 100_000 / (ms / 1000), unit: "paths/s" });

  const { BUILT_IN_SCENARIOS } = await import("../src/model/scenarios");
  const names = BUILT_IN_SCENARIOS.map((x) => x.name);
  section(`.xlsx of the full workbook (${names.join(", ")}; every sheet)`);
  const { buildPlan } = await import("../src/plan/build");
  const { planToWorkbook } = await import("../src/xlsx/write");
  const sc = names.map((name) => {
    const r = resolveScenario(name);
    if (!r.ok) throw new Error(r.error.message);
    return { name, values: r.value.values };
  });
  const plan = buildPlan(sc);
  if (!plan.ok) throw new Error(plan.error.message);
  let size = 0;
  const xlsxMs = await medianMs(async () => {
    const buf = await planToWorkbook(plan.value).xlsx.writeBuffer();
    size = buf.byteLength;
  }, 5);
  record({ section: "xlsx", name: "planToWorkbook + writeBuffer", value: xlsxMs, unit: "ms", note: `${(size / 1024).toFixed(0)} KiB file` });
  record({ section: "xlsx", name: "buildPlan + planToWorkbook + writeBuffer", value: await medianMs(async () => {
    const p = buildPlan(sc);
    if (!p.ok) throw new Error(p.error.message);
    await planToWorkbook(p.value).xlsx.writeBuffer();
  }, 5), unit: "ms" });
}

interface StatsChunk {
  id: string | number;
  names: string[];
  files: string[];
  initial: boolean;
  runtime: string[];
  origins?: Array<{ request: string }>;
}

/** A production build into a temporary folder; sizes of every chunk, gzip level 9. */
function bundles(): void {
  section("production bundles, gzip -9 (a production build into a temporary folder)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "corz-bench-"));
  try {
    const cli = path.join(root, "node_modules", "webpack-cli", "bin", "cli.js");
    const statsFile = path.join(dir, "stats.json");
    const out = path.join(dir, "out");
    const r = spawnSync(process.execPath, [cli, "--mode", "production", "--env", "scratch", "--output-path", out, "--json", statsFile], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`the production build failed:\n${r.stdout}\n${r.stderr}`);
    const stats = JSON.parse(fs.readFileSync(statsFile, "utf8")) as { chunks: StatsChunk[]; entrypoints: Record<string, { chunks: Array<string | number> }> };
    const gz = (f: string) => zlib.gzipSync(fs.readFileSync(path.join(out, f)), { level: 9 }).length;
    const initial = new Set(Object.values(stats.entrypoints).flatMap((e) => e.chunks.map(String)));
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const kb = (b: number) => b / 1024;
    const js = (c: StatsChunk) => c.files.filter((f) => f.endsWith(".js"));
    const totals = { paneInitial: 0, functions: 0, lazy: 0, worker: 0 };
    for (const c of stats.chunks) {
      for (const f of js(c)) {
        const size = gz(f);
        const raw = fs.statSync(path.join(out, f)).size;
        const entry = c.names.includes("functions") ? "functions" : initial.has(String(c.id)) ? "taskpane" : "";
        const worker = !c.runtime.includes("taskpane") && !c.runtime.includes("functions");
        const from = new Set((c.origins ?? []).map((o) => o.request));
        const only = (re: RegExp) => from.size > 0 && [...from].every((r) => re.test(r));
        const after = only(/riskWorker/) ? "at the first Monte Carlo run" : only(/apply|plan|model/) ? "prefetched after first paint, used at the first build" : "loaded right after first paint (panels, dialogs)";
        const kind = entry === "taskpane" ? "task pane, first load" : entry === "functions" ? "functions runtime (the pane page loads it too)" : worker ? "risk worker, at the first Monte Carlo run" : after;
        if (entry === "taskpane") totals.paneInitial += size;
        else if (entry === "functions") totals.functions += size;
        else if (worker) totals.worker += size;
        else totals.lazy += size;
        record({ section: "bundles", name: `${f} (${kind})`, value: kb(size), unit: "KiB gz", note: `${kb(raw).toFixed(0)} KiB raw` });
      }
    }
    const target = 169;
    record({ section: "bundles", name: "task pane first load (taskpane.js)", value: kb(totals.paneInitial), unit: "KiB gz", target: `<= ${target} KB (yo-office React template)`, met: kb(totals.paneInitial) <= target });
    record({ section: "bundles", name: "pane page first load (taskpane.js + functions.js)", value: kb(totals.paneInitial + totals.functions), unit: "KiB gz", target: `<= ${target} KB`, met: kb(totals.paneInitial + totals.functions) <= target });
    record({ section: "bundles", name: "everything the pane and functions load (all chunks)", value: kb(sum(Object.values(totals))), unit: "KiB gz" });
    record({ section: "bundles", name: "functions runtime alone (functions.js)", value: kb(totals.functions), unit: "KiB gz" });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(`CORZ bench: node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ""}`);
  await customFunctions();
  await paneBuild();
  await monteCarloAndXlsx();
  if (!args.includes("--no-bundles")) bundles();
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const result = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, runs: RUNS, rows };
  fs.writeFileSync(outFile, JSON.stringify(result, null, 2) + "\n");
  const missed = rows.filter((r) => r.met === false);
  console.log(`\nwritten to ${path.relative(process.cwd(), outFile)}; targets: ${rows.filter((r) => r.met !== undefined).length - missed.length} met, ${missed.length} missed${missed.length ? ` (${missed.map((r) => r.name).join("; ")})` : ""}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
