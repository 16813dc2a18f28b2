/**
 * Proof by recalculation: the full workbook, written by the exceljs adapter, is recalculated by
 * LibreOffice Calc (a spreadsheet application nobody here wrote), and EVERY formula cell is
 * compared with what the TypeScript engine says it must show (tests/support/expectations.ts):
 * relative difference at most 1e-9 (absolute below 1), text and TRUE/FALSE exactly.
 *
 * - The recalculation is proven to have happened: every formula's cached value in the file is
 *   poisoned (a number no cell can show), so a cell LibreOffice did not recompute fails.
 * - No cell is an error after recalculation (#NAME? would mean a function LibreOffice 7.4 lacks).
 * - The custom functions, called with the same inputs, give the numbers the sheet cells show.
 * - A mismatch names the sheet, the cell, its formula and both values.
 *
 * Set RECALC_REPORT to a file to keep the measurements (cells compared, largest difference,
 * time of the recalculation) as JSON.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import * as F from "../../src/functions/functions";
import * as C from "../../src/functions/customers";
import * as M from "../../src/functions/mining";
import * as P from "../../src/functions/peers";
import { defaultPipeline } from "../../src/model/customers/data";
import { parseIso, toExcelSerial } from "../../src/model/dates";
import { miningParams } from "../../src/model/mining/params";
import { PEERS, METRICS } from "../../src/model/peers/data";
import { BUILT_IN_SCENARIOS, Override } from "../../src/model/scenarios";
import { ScenarioModel, runScenario } from "../../src/model/scenarioModel";
import { CAPACITY_ROWS } from "../../src/plan/capacity";
import { DEAL_ROWS } from "../../src/plan/deal";
import { INPUTS } from "../../src/plan/inputs";
import { COL, ROW, SHEET_NAMES } from "../../src/plan/layout";
import { DEFAULT_MINING_OPTIONS, MINING_ROWS, PER_MW_ROWS } from "../../src/plan/mining";
import { DEFAULT_PEERS_OPTIONS, PEERS_COLS, PEERS_ROWS, VALUATION_ROWS } from "../../src/plan/peers";
import { MULTIPLES, enterpriseValue } from "../../src/model/peers/comps";
import { CUSTOMERS, customerRows } from "../../src/plan/customers";
import { CHECKS, RISK_CHECK } from "../../src/plan/checks";
import { RISK_ROWS, RUN_INPUT_COLS, riskStatusText } from "../../src/plan/risk";
import { WorkbookPlan } from "../../src/plan/types";
import { parseCell } from "../../src/plan/a1";
import { GRID_ROWS, GRID_SIZE, TORNADO_COLS, TORNADO_ROWS, VALUATION_BLOCK } from "../../src/plan/valuation";
import * as V from "../../src/functions/valuation";
import { planToWorkbook } from "../../src/xlsx/write";
import { ExpectationInput, FormulaCell, Want, expectations, formulaCells, relativeDifference } from "../support/expectations";
import { LeasesTyped, leaseRows } from "../support/leasesExpectations";
import { leaseStat, percentileOf } from "../../src/model/leases/normalise";
import { LEASE_COLS, LEASE_ROWS, LeaseColumn } from "../../src/plan/leases";
import { Grid, libreOfficeAvailable, recalculate, valueAt } from "../support/libreoffice";
import { plan as buildTestPlan, scenario } from "../support/plan";

const TOLERANCE = 1e-9;
/** The cached value written for every formula: no cell of the model can show it. */
const POISON = -987_654_321.125;
const ERROR_VALUE = /^(#[A-Z0-9/]+[!?]?|#N\/A|Err:\d+)$/;
/** An error value no expectation asked for (a chart's #N/A gap is asked for: the Leases sheet's charted column). */
const unwanted = (x: { got: number | string | boolean; want?: Want }) => typeof x.got === "string" && ERROR_VALUE.test(x.got) && x.got !== x.want;

/** LibreOffice's CSV export writes a date-formatted number as an ISO date: read it back as Excel's serial. */
function asNumber(v: number | string | boolean): number | string | boolean {
  if (typeof v !== "string") return v;
  const d = parseIso(v);
  return d.ok ? toExcelSerial(d.value) : v;
}

const run = libreOfficeAvailable() ? describe : describe.skip;

function model(name: string, overrides: Override[] = []): ScenarioModel {
  const r = runScenario(name, overrides);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

interface Compared {
  readonly cell: FormulaCell;
  readonly got: number | string | boolean;
  readonly want?: Want;
  readonly difference: number;
  readonly ok: boolean;
}

interface Recalculated {
  readonly plan: WorkbookPlan;
  readonly sheets: Record<string, Grid>;
  readonly compared: Compared[];
  readonly uncompared: { cell: FormulaCell; got: number | string | boolean; reason: string }[];
  readonly seconds: number;
  readonly cachedPoisoned: number;
}

/** Writes the plan with every cached formula result poisoned, lets `edit` type into it, and has LibreOffice recalculate it. */
async function recalculatePlan(plan: WorkbookPlan, input: ExpectationInput, edit?: (wb: ExcelJS.Workbook) => void): Promise<Recalculated> {
  const wb = planToWorkbook(plan);
  let cachedPoisoned = 0;
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as ExcelJS.CellFormulaValue | null;
        if (v && typeof v === "object" && "formula" in v) {
          c.value = { formula: v.formula, result: POISON } as ExcelJS.CellFormulaValue;
          cachedPoisoned++;
        }
      }),
    ),
  );
  edit?.(wb);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "corz-recalc-"));
  const file = path.join(dir, "corz.xlsx");
  await wb.xlsx.writeFile(file);
  const t0 = performance.now();
  const sheets = recalculate(file);
  const seconds = (performance.now() - t0) / 1000;
  fs.rmSync(dir, { recursive: true, force: true });

  const expect = expectations(plan, input);
  const compared: Compared[] = [];
  const uncompared: Recalculated["uncompared"] = [];
  for (const cell of formulaCells(plan)) {
    const grid = sheets[cell.sheet.name];
    if (!grid) throw new Error(`LibreOffice returned no sheet named ${cell.sheet.name}`);
    const raw = valueAt(grid, cell.row, cell.col);
    const e = expect(cell);
    if ("uncompared" in e) {
      uncompared.push({ cell, got: raw, reason: e.uncompared });
      continue;
    }
    const want = e.want;
    const got = typeof want === "number" ? asNumber(raw) : raw;
    let difference = 0;
    let ok: boolean;
    if (typeof want === "number" && typeof got === "number") {
      difference = relativeDifference(got, want);
      ok = difference <= TOLERANCE;
    } else ok = got === want;
    compared.push({ cell, got, want, difference, ok });
  }
  return { plan, sheets, compared, uncompared, seconds, cachedPoisoned };
}

const describeCell = (c: FormulaCell) => `'${c.sheet.name}'!${c.address} ${c.formula.length > 160 ? c.formula.slice(0, 160) + "…" : c.formula}`;

function mismatches(r: Recalculated): string[] {
  const bad = r.compared.filter((x) => !x.ok);
  return bad.map((x) => `${describeCell(x.cell)}\n    LibreOffice: ${JSON.stringify(x.got)}  model: ${JSON.stringify(x.want)}  relative difference: ${x.difference.toExponential(2)}`);
}

function report(label: string, r: Recalculated): void {
  const largest = r.compared.reduce((a, b) => (b.difference > a.difference ? b : a), r.compared[0]);
  const numeric = r.compared.filter((x) => typeof x.want === "number").length;
  const summary = {
    label,
    formulaCells: r.compared.length + r.uncompared.length,
    compared: r.compared.length,
    numericCompared: numeric,
    uncompared: r.uncompared.length,
    largestRelativeDifference: largest.difference,
    largestAt: `'${largest.cell.sheet.name}'!${largest.cell.address}`,
    recalculationSeconds: Number(r.seconds.toFixed(2)),
  };
  console.warn(`LibreOffice recalculation (${label}): ${JSON.stringify(summary)}`);
  const file = process.env.RECALC_REPORT;
  if (file) {
    const prior = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as unknown[]) : [];
    fs.writeFileSync(file, JSON.stringify([...prior, summary], null, 2));
  }
}

const defaultInput = (models: ScenarioModel[], live = 0): ExpectationInput => ({
  models,
  live,
  pipeline: defaultPipeline(models[0].pricePerMwYear),
  mining: miningParams(),
  siteMw: DEFAULT_MINING_OPTIONS.siteMw,
  peers: { group: DEFAULT_PEERS_OPTIONS.group, stat: DEFAULT_PEERS_OPTIONS.stat, multiple: DEFAULT_PEERS_OPTIONS.multiple, year: models[0].scenario.values.target_year },
  // Without a run from the pane, the build simulates the first scenario as built.
  risk: { scenario: "base", inputs: model("base").scenario.values },
});

/** A sheet's number at (row, col), or a failure naming the cell. */
function sheetNumber(r: Recalculated, sheet: string, row: number, col: number): number {
  const v = valueAt(r.sheets[sheet], row, col);
  if (typeof v !== "number") throw new Error(`'${sheet}' row ${row} col ${col} is ${JSON.stringify(v)}, not a number`);
  return v;
}

const STATES = ["current", "changed", "notBuilt"] as const;

/** What the recalculated Risk sheet and Checks sheet say about the run's inputs (the status line as the state whose text it is). */
function riskVerdict(r: Recalculated, scenario = "base") {
  const risk = r.sheets[SHEET_NAMES.risk];
  const checks = r.sheets[SHEET_NAMES.checks];
  const labels = r.plan.sheets.find((s) => s.key === "risk")!.blocks.find((b) => b.id === "risk.runInputs.labels")!;
  const first = Number(/\d+/.exec(labels.at)![0]);
  const changed = labels.cells.map((row, i) => (valueAt(risk, first + i, RUN_INPUT_COLS.differs) === true ? row[1] : undefined)).filter((k) => k !== undefined);
  const checkRows: [string, unknown][] = [];
  for (let row = CHECKS.firstRow; valueAt(checks, row, 1) !== ""; row++) checkRows.push([String(valueAt(checks, row, 1)), valueAt(checks, row, CHECKS.resultCol)]);
  return {
    status: STATES.find((s) => riskStatusText(SHEET_NAMES, scenario, s, first) === valueAt(risk, RISK_ROWS.status, 1)) ?? valueAt(risk, RISK_ROWS.status, 1),
    changed,
    riskCheck: checkRows.find(([l]) => l === RISK_CHECK)?.[1],
    otherChecks: [...new Set(checkRows.filter(([l]) => l !== RISK_CHECK).map(([, v]) => v))],
    master: valueAt(checks, CHECKS.masterRow, CHECKS.resultCol),
    rowTwo: [...new Set(Object.values(SHEET_NAMES).map((n) => valueAt(r.sheets[n], 2, 1)))],
  };
}

/** A custom function's money is rounded to the cent (src/functions/scenario.ts usd): half a cent is allowed on top. */
function expectSame(got: number, sheet: number, what: string, money = /REVENUE|PROFIT|NPV|TCV|PER_MW|ECONOMICS|IMPLIED/.test(what)): void {
  const d = relativeDifference(got, sheet);
  const ok = d <= TOLERANCE || (money && Math.abs(got - sheet) <= 0.005 + TOLERANCE * Math.abs(sheet));
  if (!ok) throw new Error(`${what}: custom function ${got}, sheet ${sheet} (relative difference ${d.toExponential(2)})`);
}

/** The row of a Valuation sheet block, by its id without the sheet prefix ("s1.value", "rateGrid.header"). */
function valuationRow(plan: WorkbookPlan, id: string): number {
  const sheet = plan.sheets.find((x) => x.key === "valuation");
  const b = sheet?.blocks.find((x) => x.id === `valuation.${id}`);
  if (!b) throw new Error(`no Valuation block ${id}`);
  return parseCell(b.at).row;
}

/** Every built-in scenario, in the order the model lists them. */
const NAMES = BUILT_IN_SCENARIOS.map((s) => s.name);

run("LibreOffice recalculates every formula cell of the full workbook to the TypeScript engine's value", () => {
  const models = NAMES.map((n) => model(n));
  let r: Recalculated;
  beforeAll(async () => {
    r = await recalculatePlan(buildTestPlan(NAMES.map((n) => scenario(n))), defaultInput(models));
    report(`${NAMES.join(", ")} as built`, r);
  });

  test("the recalculation happened: every formula's cached value was poisoned and no cell still shows it", () => {
    expect(r.cachedPoisoned).toBe(formulaCells(r.plan).length);
    const stale = [...r.compared, ...r.uncompared].filter((x) => x.got === POISON).map((x) => describeCell(x.cell));
    expect(stale).toEqual([]);
  });

  test("no formula cell is an error after recalculation (no #NAME?: every function exists in LibreOffice 7.4)", () => {
    const errors = [...r.compared, ...r.uncompared].filter(unwanted).map((x) => `${describeCell(x.cell)} → ${x.got}`);
    expect(errors).toEqual([]);
  });

  test("the Risk sheet's run used the live inputs: up to date, its check and the master check TRUE", () => {
    expect(riskVerdict(r)).toEqual({
      status: "current",
      changed: [],
      riskCheck: true,
      otherChecks: [true],
      master: true,
      rowTwo: ["Checks: all OK"],
    });
  });

  test(`every compared cell equals the model within ${TOLERANCE} (relative), naming any that does not`, () => {
    expect(r.compared.length).toBeGreaterThan(4000);
    expect(mismatches(r)).toEqual([]);
  });

  test("every formula cell is compared, except those named with a reason", () => {
    const unexplained = r.uncompared.filter((x) => x.reason === "").map((x) => `${describeCell(x.cell)} (block ${x.cell.blockId}) = ${JSON.stringify(x.got)}`);
    expect(unexplained).toEqual([]);
    expect(r.uncompared.length).toBeLessThan(5);
    // Each one left out is still a number, not an error.
    for (const x of r.uncompared) expect(typeof x.got).toBe("number");
  });

  test("the Leases sheet is in the proof: every formula cell compared, its statistics leaseStat's and its percentile percentileOf's", () => {
    const leases = r.compared.filter((x) => x.cell.sheet.key === "leases");
    expect(leases.length).toBe(formulaCells(r.plan).filter((c) => c.sheet.key === "leases").length);
    // Four formulas a row ($ per MW, per MW-year, in statistics, charted), seven statistics, the master check.
    expect(leases.length).toBe(4 * (LEASE_ROWS.last - LEASE_ROWS.first + 1) + 7 + 1);
    expect(leases.filter((x) => !x.ok)).toEqual([]);
    const stat = (row: number) => sheetNumber(r, SHEET_NAMES.leases, row, 3);
    const median = leaseStat("usdPerMwYear", "median");
    const percentile = percentileOf("corz-coreweave", "usdPerMwYear");
    expect(median.ok && percentile.ok).toBe(true);
    if (!median.ok || !percentile.ok) return;
    expectSame(median.value, stat(LEASE_ROWS.stats.median), "leaseStat median vs the sheet's MEDIAN");
    expectSame(percentile.value, stat(LEASE_ROWS.stats.percentile), "percentileOf vs the sheet's PERCENTRANK");
    // Deals left out of the statistics are gaps in the chart, not zeros.
    expect(leases.filter((x) => x.cell.col === LEASE_COLS.chart && x.got === "#N/A").length).toBeGreaterThan(LEASE_ROWS.last - LEASE_ROWS.firstUser);
  });

  test("the custom functions give the numbers the sheet cells show, scenario by scenario", () => {
    let checked = 0;
    NAMES.forEach((name, i) => {
      const d0 = ROW.firstBlock + (i + 1) * DEAL_ROWS.height;
      const c0 = ROW.firstBlock + (i + 1) * CAPACITY_ROWS.height;
      const sc = [[name]];
      for (let c = COL.firstPeriod; valueAt(r.sheets[SHEET_NAMES.deal], ROW.timeline, c) !== ""; c++) {
        const y = sheetNumber(r, SHEET_NAMES.deal, ROW.timeline, c);
        expectSame(F.dealRevenue(y, sc), sheetNumber(r, SHEET_NAMES.deal, d0 + DEAL_ROWS.revenue, c), `DEAL_REVENUE(${y}, "${name}")`);
        expectSame(F.grossProfit(y, sc), sheetNumber(r, SHEET_NAMES.deal, d0 + DEAL_ROWS.grossProfit, c), `GROSS_PROFIT(${y}, "${name}")`);
        expectSame(F.hpcCapacity(y, sc), sheetNumber(r, SHEET_NAMES.capacity, c0 + CAPACITY_ROWS.hpc, c), `HPC_CAPACITY(${y}, "${name}")`);
        expectSame(F.capacityFn(y, sc, "contracted"), sheetNumber(r, SHEET_NAMES.capacity, c0 + CAPACITY_ROWS.contracted, c), `CAPACITY(${y}, "${name}", "contracted")`);
        expectSame(F.capacityFn(y, sc, "pipeline"), sheetNumber(r, SHEET_NAMES.capacity, c0 + CAPACITY_ROWS.pipeline, c), `CAPACITY(${y}, "${name}", "pipeline")`);
        checked += 5;
      }
      const rate = sheetNumber(r, SHEET_NAMES.deal, d0 + DEAL_ROWS.rate, COL.constant);
      expectSame(F.dealNpvFn(rate, sc), sheetNumber(r, SHEET_NAMES.deal, d0 + DEAL_ROWS.npv, COL.constant), `DEAL_NPV(${rate}, "${name}")`);
      expectSame(F.dealTcv(sc), sheetNumber(r, SHEET_NAMES.deal, d0 + DEAL_ROWS.initialValue, COL.constant), `DEAL_TCV("${name}")`);
      expectSame(F.dealTcv(sc, true), sheetNumber(r, SHEET_NAMES.deal, d0 + DEAL_ROWS.tcv, COL.constant), `DEAL_TCV("${name}", TRUE)`);
      expectSame(F.revenuePerMw(sc), sheetNumber(r, SHEET_NAMES.deal, d0 + DEAL_ROWS.avgPrice, COL.constant), `REVENUE_PER_MW("${name}")`);
      expectSame(F.grossMargin(sc), sheetNumber(r, SHEET_NAMES.deal, d0 + DEAL_ROWS.margin, COL.constant), `GROSS_MARGIN("${name}")`);
      checked += 5;
      // REPORTED_VS_MODEL spills period, reported, model on the reported basis and the variance rate: the sheet's quarters across.
      const spill = F.reportedVsModelFn(sc).slice(1);
      expect(spill.length).toBeGreaterThan(0);
      spill.forEach(([period, reported, modelled, rate], q) => {
        const c = COL.firstPeriod + q;
        expect(valueAt(r.sheets[SHEET_NAMES.deal], d0 + DEAL_ROWS.quarterLabel, c)).toBe(period);
        expectSame(reported, sheetNumber(r, SHEET_NAMES.deal, d0 + DEAL_ROWS.reported, c), `REPORTED_VS_MODEL("${name}") ${period} reported`, true);
        expectSame(modelled, sheetNumber(r, SHEET_NAMES.deal, d0 + DEAL_ROWS.modelReported, c), `REPORTED_VS_MODEL("${name}") ${period} model`, true);
        expectSame(rate, sheetNumber(r, SHEET_NAMES.deal, d0 + DEAL_ROWS.varianceRate, c), `REPORTED_VS_MODEL("${name}") ${period} variance`);
        checked += 4;
      });
    });
    // The Valuation sheet: each block's value is DEAL_VALUE; the live grids are SENSITIVITY's, the tornado TORNADO's.
    NAMES.forEach((name, i) => {
      expectSame(F.dealValueFn([[name]]), sheetNumber(r, SHEET_NAMES.valuation, valuationRow(r.plan, `s${i + 1}.value`), COL.constant), `DEAL_VALUE("${name}")`);
      checked++;
    });
    const grids: [string, string, string][] = [
      ["rateGrid", "discount_rate", "licence_margin"],
      ["delayGrid", "delay_months", "price_change"],
    ];
    for (const [id, rowKey, colKey] of grids) {
      const g = valuationRow(r.plan, `${id}.header`);
      const rowValues = Array.from({ length: GRID_SIZE }, (_, k) => [sheetNumber(r, SHEET_NAMES.valuation, g + GRID_ROWS.first + k, COL.constant)]);
      const colValues = [Array.from({ length: GRID_SIZE }, (_, k) => sheetNumber(r, SHEET_NAMES.valuation, g + GRID_ROWS.colValues, COL.firstPeriod + k))];
      const spill = V.sensitivityFn(rowKey, rowValues, colKey, colValues);
      for (let k = 0; k < GRID_SIZE; k++) {
        for (let i = 0; i < GRID_SIZE; i++) {
          expectSame(spill[k + 1][i + 1] as number, sheetNumber(r, SHEET_NAMES.valuation, g + GRID_ROWS.first + k, COL.firstPeriod + i), `SENSITIVITY("${rowKey}", ${rowValues[k][0]}, "${colKey}", ${colValues[0][i]})`, true);
          checked++;
        }
      }
    }
    const tornado = V.tornadoFn().slice(1);
    const bar0 = valuationRow(r.plan, "tornado.header") + TORNADO_ROWS.first;
    tornado.forEach((bar, i) => {
      expect(valueAt(r.sheets[SHEET_NAMES.valuation], bar0 + i, TORNADO_COLS.key)).toBe(bar[0]);
      expectSame(bar[5] as number, sheetNumber(r, SHEET_NAMES.valuation, bar0 + i, TORNADO_COLS.swing), `TORNADO() ${String(bar[0])} swing`, true);
      checked++;
    });
    // Customers, Mining and Peers follow the live scenario (base).
    const n = defaultPipeline(models[0].pricePerMwYear).length;
    const t0 = CUSTOMERS.first + n - 1 + 3;
    const R = customerRows(n);
    for (let c = COL.firstPeriod; valueAt(r.sheets[SHEET_NAMES.customers], t0, c) !== ""; c++) {
      const y = sheetNumber(r, SHEET_NAMES.customers, t0, c);
      if (F.dealRevenue(y) === 0) continue; // no HPC revenue: the share is blank on the sheet and #N/A-free 0 is not comparable
      expectSame(C.concentrationFn(y), sheetNumber(r, SHEET_NAMES.customers, t0 + R.share, c), `CONCENTRATION(${y})`);
      expectSame(C.concentrationFn(y, undefined, "hhi"), sheetNumber(r, SHEET_NAMES.customers, t0 + R.hhi, c), `CONCENTRATION(${y},,"hhi")`);
      expectSame(C.pipelineRevenueFn(y), sheetNumber(r, SHEET_NAMES.customers, t0 + R.weightedTotal, c), `PIPELINE_REVENUE(${y})`);
      checked += 3;
    }
    const perMw = (off: number, col: number) => sheetNumber(r, SHEET_NAMES.mining, MINING_ROWS.perMw + off, col);
    expectSame(M.mwEconomicsFn("mining"), perMw(PER_MW_ROWS.grossProfit, 3), `MW_ECONOMICS("mining")`);
    expectSame(M.mwEconomicsFn("hpc"), perMw(PER_MW_ROWS.grossProfit, 4), `MW_ECONOMICS("hpc")`);
    expectSame(M.mwEconomicsFn("mining", undefined, undefined, "revenue"), perMw(PER_MW_ROWS.revenue, 3), `MW_ECONOMICS("mining",,,"revenue")`);
    // Peers: the sheet's group is the HPC hosts by default.
    const mcol = (k: string) => PEERS_COLS.multiple0 + MULTIPLES.findIndex((m) => m.key === k);
    expectSame(P.peerMultipleFn("ev_per_contracted_mw", "hpc-host"), sheetNumber(r, SHEET_NAMES.peers, PEERS_ROWS.stat0, mcol("ev_per_contracted_mw")), `PEER_MULTIPLE("ev_per_contracted_mw","hpc-host")`);
    expectSame(P.peerMultipleFn("backlog_revenue", "hpc-host", "mean"), sheetNumber(r, SHEET_NAMES.peers, PEERS_ROWS.stat0 + 1, mcol("backlog_revenue")), `PEER_MULTIPLE("backlog_revenue","hpc-host","mean")`);
    expectSame(P.impliedValueFn(), sheetNumber(r, SHEET_NAMES.peers, PEERS_ROWS.valuation + VALUATION_ROWS.value, 3), `IMPLIED_VALUE()`);
    expect(sheetNumber(r, SHEET_NAMES.peers, PEERS_ROWS.valuation + VALUATION_ROWS.used, 3)).toBe(6);
    expect(valueAt(r.sheets[SHEET_NAMES.peers], PEERS_ROWS.valuation + VALUATION_ROWS.basis, 3)).toBe(
      "Median EV per contracted MW of 6 peers: Applied Digital, IREN, Cipher Digital, TeraWulf, Hut 8, Riot Platforms",
    );
    // EV after recalculation is market value + debt - cash of the cells beside it, and the model's EV.
    const peerCol = (k: string) => PEERS_COLS.metric0 + METRICS.findIndex((m) => m.key === k);
    let evs = 0;
    PEERS.forEach((p, i) => {
      const row = PEERS_ROWS.first + i;
      const ev = enterpriseValue(p);
      if (ev === undefined) return expect(valueAt(r.sheets[SHEET_NAMES.peers], row, PEERS_COLS.ev)).toBe("");
      const [mc, debt, cash] = ["market_cap", "debt", "cash"].map((k) => sheetNumber(r, SHEET_NAMES.peers, row, peerCol(k)));
      expectSame(mc + debt - cash, sheetNumber(r, SHEET_NAMES.peers, row, PEERS_COLS.ev), `${p.name} EV = market value + debt - cash`);
      expectSame(ev, sheetNumber(r, SHEET_NAMES.peers, row, PEERS_COLS.ev), `${p.name} EV, model`);
      evs++;
    });
    expect(evs).toBe(8);
    checked += 6 + 2 * evs;
    expect(checked).toBeGreaterThan(100);
  });
});

run("after an analyst types into the workbook, LibreOffice's recalculation still equals the engine with the same inputs", () => {
  const edits: Override[] = [
    ["t1_mw", 150],
    ["delay_months", 4],
    ["escalator", 0.03],
    ["renewal_options", 1],
    ["renewal_repricing", 0.05],
    ["t3_ramp_months", 0],
    ["discount_spread", -0.005], // 9% + -0.5%: a discount rate of 8.5%
    ["valuation_date", 46249], // 2026-08-15, typed as an Excel date: inside 2026 and inside the (edited) ramps of tranches 1 and 2
    ["other_colocation_revenue", 9e6],
    ["reported_power_share", 0.4], // pass-through power in the reported-basis rows, not 0 as in the built-in scenarios
    ["core_capex_per_mw", 1.5e6], // Core's own capex: the Valuation sheet's capex, depreciation, tax shield and IRR, 0 in every built-in scenario
  ];
  // Typed market values, debt and cash give the REITs an EV; CoreWeave's market value alone does not (its published multiple stays).
  const peerEdits = {
    equinix: { market_cap: 80e9, debt: 20e9, cash: 7.83e9 },
    "digital-realty": { market_cap: 50e9, debt: 16e9, cash: 6e9, revenue: 6e9 },
    coreweave: { market_cap: 40e9 },
    "hut-8": { cash: 1.2e9 },
  };
  // Leases: a gross deal normalised by hand, one deal dropped, Core Scientific's value changed, a deal of the analyst's and a half-typed one.
  const leaseEdits: LeasesTyped = {
    "galaxy-helios-coreweave": { critical_it_mw: 600 },
    "riot-rockdale-amd": { comparable: false },
    "corz-coreweave": { value_usd: 11e9 },
    "user-1": { critical_it_mw: 100, value_usd: 3e9, term_years: 15 },
    "user-2": { value_usd: 2e9 },
  };
  const edited = model("base", edits);
  const models = [edited, model("bull"), model("bear")];
  let r: Recalculated;
  beforeAll(async () => {
    const p = buildTestPlan([scenario("base"), scenario("bull"), scenario("bear")]);
    const input: ExpectationInput = {
      ...defaultInput(models, 2),
      // The pipeline is priced when the workbook is built (base as built), not when inputs change.
      pipeline: defaultPipeline(model("base").pricePerMwYear),
      // The GPU clouds' EV/Revenue rests on one peer: below the minimum of 3, so the sheet refuses (n/a and why).
      peers: { group: "gpu-cloud", stat: "mean", multiple: "ev_revenue", year: 2027, exclude: ["iren"], overrides: peerEdits, shares: 300e6 },
      leases: leaseEdits,
    };
    r = await recalculatePlan(p, input, (wb) => {
      const inputs = wb.getWorksheet(SHEET_NAMES.inputs)!;
      const keyRow = (key: string) => {
        for (let row = INPUTS.firstRow; row < INPUTS.firstRow + 80; row++) if (inputs.getCell(row, INPUTS.keyCol).value === key) return row;
        throw new Error(`no input row for ${key}`);
      };
      for (const [k, v] of edits) inputs.getCell(keyRow(String(k)), INPUTS.firstScenarioCol).value = v as number;
      inputs.getCell(INPUTS.selectorRow, INPUTS.liveCol).value = "bear";
      const peers = wb.getWorksheet(SHEET_NAMES.peers)!;
      const row = (id: string) => PEERS_ROWS.first + PEERS.findIndex((x) => x.id === id);
      const col = (k: string) => PEERS_COLS.metric0 + METRICS.findIndex((m) => m.key === k);
      for (const [id, figs] of Object.entries(peerEdits)) for (const [k, v] of Object.entries(figs)) peers.getCell(row(id), col(k)).value = v;
      peers.getCell(row("iren"), PEERS_COLS.include).value = false;
      peers.getCell(PEERS_ROWS.valuation + VALUATION_ROWS.stat, 3).value = "Mean";
      peers.getCell(PEERS_ROWS.valuation + VALUATION_ROWS.multiple, 3).value = "EV / Revenue";
      peers.getCell(PEERS_ROWS.groupSelector, 3).value = "gpu-cloud";
      peers.getCell(PEERS_ROWS.valuation + VALUATION_ROWS.shares, 3).value = 300e6;
      const leases = wb.getWorksheet(SHEET_NAMES.leases)!;
      const leaseRow = (key: string) => LEASE_ROWS.first + leaseRows().findIndex((x) => x.key === key);
      for (const [key, typed] of Object.entries(leaseEdits)) for (const [k, v] of Object.entries(typed)) leases.getCell(leaseRow(key), LEASE_COLS[k as LeaseColumn]).value = v as number | boolean;
    });
    report("typed inputs, bear selected, peers and leases edited", r);
  });

  test("typed market value, debt and cash move the EV formula; one peer is below the minimum, so the implied value is n/a with the reason", () => {
    const row = (id: string) => PEERS_ROWS.first + PEERS.findIndex((x) => x.id === id);
    expectSame(92.17e9, sheetNumber(r, SHEET_NAMES.peers, row("equinix"), PEERS_COLS.ev), "Equinix EV from typed figures");
    expectSame(enterpriseValue(PEERS.find((p) => p.id === "hut-8")!, { "hut-8": { cash: 1.2e9 } })!, sheetNumber(r, SHEET_NAMES.peers, row("hut-8"), PEERS_COLS.ev), "Hut 8 EV with typed cash");
    expect(valueAt(r.sheets[SHEET_NAMES.peers], row("coreweave"), PEERS_COLS.ev)).toBe("");
    expect(valueAt(r.sheets[SHEET_NAMES.peers], PEERS_ROWS.valuation + VALUATION_ROWS.value, 3)).toBe("n/a");
    expect(valueAt(r.sheets[SHEET_NAMES.peers], PEERS_ROWS.valuation + VALUATION_ROWS.basis, 3)).toBe(
      "n/a: only 1 peer(s) in the statistics have EV / Revenue; an implied value needs at least 3 so that no single peer sets it",
    );
  });

  test("every formula cell equals the engine run with the typed inputs; none is an error or stale", () => {
    const bad = [...r.compared, ...r.uncompared].filter((x) => x.got === POISON || unwanted(x));
    expect(bad.map((x) => describeCell(x.cell))).toEqual([]);
    expect(r.compared.length).toBeGreaterThan(4000);
    expect(mismatches(r)).toEqual([]);
  });

  test("the Risk sheet says the inputs changed since its run, marks exactly the typed ones, and the master check fails on it alone", () => {
    expect(riskVerdict(r)).toEqual({
      status: "changed",
      changed: ["escalator", "renewal_options", "renewal_repricing", "t1_mw", "t3_ramp_months", "other_colocation_revenue", "reported_power_share", "delay_months", "core_capex_per_mw", "discount_spread", "discount_rate", "valuation_date"],
      riskCheck: false,
      otherChecks: [true],
      master: false,
      rowTwo: [`Checks: FAILING, see the ${SHEET_NAMES.checks} sheet`],
    });
  });

  test("the custom functions with the same overrides (a two-column range) give the edited sheet's numbers", () => {
    const range = edits.map(([k, v]) => [k, v]);
    const d0 = ROW.firstBlock + DEAL_ROWS.height; // the first scenario block: base, as edited
    let checked = 0;
    for (let c = COL.firstPeriod; valueAt(r.sheets[SHEET_NAMES.deal], ROW.timeline, c) !== ""; c++) {
      const y = sheetNumber(r, SHEET_NAMES.deal, ROW.timeline, c);
      expectSame(F.dealRevenue(y, range), sheetNumber(r, SHEET_NAMES.deal, d0 + DEAL_ROWS.revenue, c), `DEAL_REVENUE(${y}, overrides)`);
      expectSame(F.grossProfit(y, range), sheetNumber(r, SHEET_NAMES.deal, d0 + DEAL_ROWS.grossProfit, c), `GROSS_PROFIT(${y}, overrides)`);
      checked += 2;
    }
    expectSame(F.dealNpvFn(0.085, range), sheetNumber(r, SHEET_NAMES.deal, d0 + DEAL_ROWS.npv, COL.constant), "DEAL_NPV(0.085, overrides)");
    expectSame(F.dealTcv(range), sheetNumber(r, SHEET_NAMES.deal, d0 + DEAL_ROWS.initialValue, COL.constant), "DEAL_TCV(overrides)");
    expectSame(F.dealTcv(range, true), sheetNumber(r, SHEET_NAMES.deal, d0 + DEAL_ROWS.tcv, COL.constant), "DEAL_TCV(overrides, TRUE)");
    // The rate the sheet builds from the typed spread is the function's, and overriding the rate itself gives the same scenario.
    const byRate = [...range.filter(([k]) => k !== "discount_spread"), ["discount_rate", 0.085]];
    expect(F.scenarioValue("discount_rate", range)).toBe(0.085);
    expectSame(F.scenarioValue("discount_rate", byRate), sheetNumber(r, SHEET_NAMES.deal, d0 + DEAL_ROWS.rate, COL.constant), "SCENARIO_VALUE(\"discount_rate\", rate override) vs the Deal sheet's reference yield + typed spread");
    expect(F.dealValueFn(byRate)).toBe(F.dealValueFn(range));
    // The Valuation sheet's edited block: value and the IRR on the typed capex.
    expectSame(F.dealValueFn(range), sheetNumber(r, SHEET_NAMES.valuation, valuationRow(r.plan, "s1.value"), COL.constant), "DEAL_VALUE(overrides)", true);
    expectSame(V.dealIrrFn(range), sheetNumber(r, SHEET_NAMES.valuation, valuationRow(r.plan, "s1.value") + VALUATION_BLOCK.irr - VALUATION_BLOCK.value, COL.constant), "DEAL_IRR(overrides)");
    // The live block follows the selector: bear.
    expectSame(F.dealNpvFn(model("bear").scenario.values.discount_rate, [["bear"]]), sheetNumber(r, SHEET_NAMES.deal, ROW.firstBlock + DEAL_ROWS.npv, COL.constant), 'DEAL_NPV(rate, "bear") vs the live block');
    expect(checked).toBeGreaterThan(20);
  });
});
