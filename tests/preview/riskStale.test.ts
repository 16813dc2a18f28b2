/**
 * One number, one value: after an input is typed on CORZ Inputs, the Risk sheet (values from one
 * Monte Carlo run) says it is out of date and the master check fails, while Summary and Deal
 * follow the new input; a run on the inputs now on the sheet is up to date again. The Risk
 * sheet's deterministic centre is the value (present value of free cash flow) DEAL_VALUE gives
 * for the run's inputs. Built into the strict Excel double by the Office.js adapter and computed
 * by the preview's evaluator.
 */
import { buildSheets } from "../../src/excel/apply";
import { EMPTY_REGISTRY, Registry } from "../../src/excel/registry";
import { dealNpv, runScenario } from "../../src/model/scenarioModel";
import { dealValue } from "../../src/model/valuation";
import { defaultRiskRun } from "../../src/plan/build";
import { CHECKS, RISK_CHECK } from "../../src/plan/checks";
import { INPUTS } from "../../src/plan/inputs";
import { SHEET_NAMES } from "../../src/plan/layout";
import { DETERMINISTIC_LABEL, RISK_ROWS, RUN_INPUT_COLS, RiskSheetInput, riskStatusText } from "../../src/plan/risk";
import { SUMMARY, SUMMARY_METRICS } from "../../src/plan/summary";
import { PlanScenario } from "../../src/plan/scenario";
import { Evaluator, bookOf } from "../../src/preview/formula";
import { ExcelDouble } from "../support/excelDouble";
import { plan, scenario } from "../support/plan";

const three = () => ["base", "bull", "bear"].map((n) => scenario(n));
const inputsRow = (key: string) => INPUTS.firstRow + plan().sheets[0].blocks.find((b) => b.id === "inputs.labels")!.cells.findIndex((r) => r[0] === key);
const MARGIN_CELL = `E${inputsRow("licence_margin")}`; // base's column

async function build(x: ExcelDouble, registry: Registry, opts: { risk?: RiskSheetInput; scenarios?: PlanScenario[] } = {}): Promise<Registry> {
  const r = await buildSheets(x.run, opts.scenarios ?? three(), registry, { today: "2026-11-24", ...(opts.risk ? { risk: opts.risk } : {}) });
  if (!r.ok) throw new Error(r.message);
  return r.report.registry;
}

function npvOf(name: string, overrides: [string, number][] = []): number {
  const m = runScenario(name, overrides);
  if (!m.ok) throw new Error(m.error.message);
  const n = dealNpv(m.value, m.value.scenario.values.discount_rate);
  if (!n.ok) throw new Error(n.error.message);
  return n.value;
}

/** The model's DEAL_VALUE: present value of free cash flow at the scenario's discount rate. */
function valueOf(name: string, overrides: [string, number][] = []): number {
  const m = runScenario(name, overrides);
  if (!m.ok) throw new Error(m.error.message);
  const v = dealValue(m.value);
  if (!v.ok) throw new Error(v.error.message);
  return v.value;
}

const STATES = ["current", "changed", "notBuilt"] as const;

/** What the workbook in the double says about the Risk sheet's run, computed afresh (the status line as the state whose text it is). */
function verdict(x: ExcelDouble, scenario = "base") {
  const ev = new Evaluator(bookOf(x));
  const at = (sheet: string, row: number, col: number) => ev.value(sheet, row, col);
  const risk = SHEET_NAMES.risk;
  const changed: string[] = [];
  let keyRow = 1;
  while (at(risk, keyRow, RUN_INPUT_COLS.key) !== "Key") keyRow++;
  for (let r = keyRow + 1; at(risk, r, RUN_INPUT_COLS.key) !== null; r++) if (at(risk, r, RUN_INPUT_COLS.differs) === true) changed.push(String(at(risk, r, RUN_INPUT_COLS.key)));
  let riskCheck: unknown;
  for (let r = CHECKS.firstRow; at(SHEET_NAMES.checks, r, 1) !== null; r++) if (at(SHEET_NAMES.checks, r, 1) === RISK_CHECK) riskCheck = at(SHEET_NAMES.checks, r, CHECKS.resultCol);
  const resultsRow = (label: string) => {
    for (let r = RISK_ROWS.inputs; r < 40; r++) if (at(risk, r, 1) === label) return r;
    throw new Error(`no ${label} on the Risk sheet`);
  };
  return {
    status: STATES.find((s) => riskStatusText(SHEET_NAMES, scenario, s, keyRow + 1) === at(risk, RISK_ROWS.status, 1)) ?? at(risk, RISK_ROWS.status, 1),
    changed,
    riskCheck,
    master: at(SHEET_NAMES.checks, CHECKS.masterRow, CHECKS.resultCol),
    rowTwo: [...new Set(Object.values(SHEET_NAMES).map((n) => at(n, 2, 1)))],
    riskValue: at(risk, resultsRow(DETERMINISTIC_LABEL), 3) as number,
    summaryNpv: at(SHEET_NAMES.summary, SUMMARY.firstRow + SUMMARY_METRICS.findIndex((m) => m.id === "npv"), SUMMARY.firstCol + 1) as number,
  };
}

const FAILING = `Checks: FAILING, see the ${SHEET_NAMES.checks} sheet`;

test("built with the default run: up to date, and Risk's deterministic value is DEAL_VALUE's", async () => {
  const x = new ExcelDouble();
  await build(x, EMPTY_REGISTRY);
  const v = verdict(x);
  expect(v).toMatchObject({ status: "current", changed: [], riskCheck: true, master: true, rowTwo: ["Checks: all OK"] });
  expect(v.riskValue).toBeCloseTo(valueOf("base"), 2);
  expect(v.summaryNpv).toBeCloseTo(npvOf("base"), 2);
});

test("a margin typed on CORZ Inputs: Summary follows it, Risk says it changed since its run, the master check fails", async () => {
  const x = new ExcelDouble();
  await build(x, EMPTY_REGISTRY);
  x.sheet(SHEET_NAMES.inputs).set(MARGIN_CELL, 0.7);
  const v = verdict(x);
  expect(v).toMatchObject({ status: "changed", changed: ["licence_margin"], riskCheck: false, master: false, rowTwo: [FAILING] });
  // Summary follows the new margin; Risk still shows its run's value, and the workbook says why.
  expect(v.summaryNpv).toBeCloseTo(npvOf("base", [["licence_margin", 0.7]]), 2);
  expect(v.riskValue).toBeCloseTo(valueOf("base"), 2);
  expect(v.riskValue).not.toBeCloseTo(valueOf("base", [["licence_margin", 0.7]]), 0);
});

test("a refresh runs the default simulation on the kept edit: up to date again, Risk's value on the new margin", async () => {
  const x = new ExcelDouble();
  const registry = await build(x, EMPTY_REGISTRY);
  x.sheet(SHEET_NAMES.inputs).set(MARGIN_CELL, 0.7);
  await build(x, registry);
  expect(x.sheet(SHEET_NAMES.inputs).value(MARGIN_CELL)).toBe(0.7);
  const v = verdict(x);
  expect(v).toMatchObject({ status: "current", changed: [], riskCheck: true, master: true, rowTwo: ["Checks: all OK"] });
  expect(v.riskValue).toBeCloseTo(valueOf("base", [["licence_margin", 0.7]]), 2);
  expect(v.summaryNpv).toBeCloseTo(npvOf("base", [["licence_margin", 0.7]]), 2);
});

test("a refresh with a pane run on the old inputs stays stale; a pane run on the new inputs is up to date", async () => {
  const x = new ExcelDouble();
  const registry = await build(x, EMPTY_REGISTRY);
  x.sheet(SHEET_NAMES.inputs).set(MARGIN_CELL, 0.7);
  const old = defaultRiskRun(scenario("base"), 500, 2);
  if ("error" in old) throw new Error(old.error.message);
  const next = await build(x, registry, { risk: { ...old, runDate: "2026-11-24" } });
  expect(verdict(x)).toMatchObject({ changed: ["licence_margin"], riskCheck: false, master: false, rowTwo: [FAILING] });
  const fresh = defaultRiskRun(scenario("base", [["licence_margin", 0.7]]), 500, 2);
  if ("error" in fresh) throw new Error(fresh.error.message);
  await build(x, next, { risk: { ...fresh, runDate: "2026-11-24" } });
  expect(verdict(x)).toMatchObject({ status: "current", changed: [], master: true });
});

test("a run on a scenario that is not built says so and fails the master check", async () => {
  const x = new ExcelDouble();
  const bear = defaultRiskRun(scenario("bear"), 500, 2);
  if ("error" in bear) throw new Error(bear.error.message);
  await build(x, EMPTY_REGISTRY, { scenarios: [scenario("base"), scenario("bull")], risk: { ...bear, runDate: "2026-11-24" } });
  const v = verdict(x, "bear");
  expect(v).toMatchObject({ status: "notBuilt", riskCheck: false, master: false, rowTwo: [FAILING] });
  expect(v.changed).toHaveLength(Object.keys(bear.summary.inputs).length);
});
