/**
 * The Risk sheet against the live inputs: the run records the inputs it used, the sheet shows
 * them beside links to the Inputs cells of the run's scenario, marks each that differs, says at
 * the top whether the run is up to date, and the Checks sheet carries that into the master check.
 */
import { ASSUMPTIONS } from "../../src/model/assumptions";
import { changedInputs, sameInput } from "../../src/model/risk/input";
import { parseCell } from "../../src/plan/a1";
import { defaultRiskRun, buildPlan } from "../../src/plan/build";
import { CHECKS, RISK_CHECK } from "../../src/plan/checks";
import { INPUTS } from "../../src/plan/inputs";
import { SHEET_NAMES } from "../../src/plan/layout";
import { DETERMINISTIC_LABEL, RESULT_ROWS, RISK_ROWS, RUN_INPUT_COLS, RUN_INPUT_ROWS, RiskSheetInput, riskStatusText } from "../../src/plan/risk";
import { computeScenario } from "../../src/model/scenarioModel";
import { dealValue } from "../../src/model/valuation";
import { PlanScenario } from "../../src/plan/scenario";
import { Block, SheetPlan, WorkbookPlan } from "../../src/plan/types";
import { scenario } from "../support/plan";

function run(s: PlanScenario, paths = 500): RiskSheetInput {
  const r = defaultRiskRun(s, paths, 3);
  if ("error" in r) throw new Error(r.error.message);
  return r;
}

function build(scenarios: PlanScenario[], risk?: RiskSheetInput): WorkbookPlan {
  const r = buildPlan(scenarios, risk ? { risk } : {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const sheetOf = (p: WorkbookPlan, key: string): SheetPlan => p.sheets.find((s) => s.key === key)!;
const blockOf = (s: SheetPlan, id: string): Block => {
  const b = s.blocks.find((x) => x.id === id);
  if (!b) throw new Error(`no block ${id} on ${s.name}`);
  return b;
};
const rowOf = (b: Block) => parseCell(b.at).row;
/** Row of an assumption on the Inputs sheet, from the plan. */
const inputsRow = (p: WorkbookPlan, key: string) => INPUTS.firstRow + blockOf(sheetOf(p, "inputs"), "inputs.labels").cells.findIndex((r) => r[0] === key);

const base = scenario("base");
const bull = scenario("bull");

describe("the run records the inputs it used", () => {
  test("every assumption of the simulated scenario, in the model's units, keyed as in the registry", () => {
    const r = run(bull);
    expect(r.summary.scenario).toBe("bull");
    expect(r.summary.inputs).toEqual(bull.values);
    expect(Object.keys(r.summary.inputs).sort()).toEqual(ASSUMPTIONS.map((a) => a.key).sort());
  });

  test("changedInputs names what differs beyond the relative tolerance, in the registry's order", () => {
    const used = base.values;
    expect(changedInputs(used, used)).toEqual([]);
    expect(changedInputs(used, { ...used, discount_rate: 0.1 * (1 + 1e-12) })).toEqual([]);
    expect(changedInputs(used, { ...used, licence_margin: 0.7, t1_mw: 150 })).toEqual([
      { key: "t1_mw", used: used.t1_mw, live: 150 },
      { key: "licence_margin", used: used.licence_margin, live: 0.7 },
    ]);
    const withoutPue = Object.fromEntries(Object.entries(used).filter(([k]) => k !== "pue"));
    expect(changedInputs(used, withoutPue)).toEqual([{ key: "pue", used: used.pue, live: undefined }]);
    expect([sameInput(0, 0), sameInput(0, 1e-300), sameInput(-5, 5)]).toEqual([true, false, false]);
  });
});

describe("the block of inputs the run used", () => {
  const p = build([base, bull], run(bull));
  const risk = sheetOf(p, "risk");
  const labels = blockOf(risk, "risk.runInputs.labels");
  const live = blockOf(risk, "risk.runInputs.live");
  const differs = blockOf(risk, "risk.runInputs.differs");
  const first = rowOf(labels);
  const top = rowOf(blockOf(risk, "risk.runInputs.title"));
  const at = (k: (typeof RUN_INPUT_ROWS)[number]) => top + RUN_INPUT_ROWS.indexOf(k);

  test("one row per assumption, in the registry's order, under the rows the layout names", () => {
    expect(first).toBe(top + RUN_INPUT_ROWS.length);
    expect(rowOf(blockOf(risk, "risk.runInputs.header"))).toBe(at("header"));
    expect(blockOf(risk, "risk.runInputs.header").cells[0]).toEqual(["Assumption", "Key", "Value the run used", "Live on CORZ Inputs", "Differs?"]);
    expect(labels.cells.map((r) => r[1])).toEqual(ASSUMPTIONS.map((a) => a.key));
    expect(labels.cells.map((r) => r[2])).toEqual(ASSUMPTIONS.map((a) => bull.values[a.key]));
    expect(labels.cells[0][0]).toBe("Contract term (years)");
    // Below everything else on the sheet.
    const years = rowOf(blockOf(risk, "risk.years.header"));
    expect(top).toBeGreaterThan(years);
  });

  test("the live value links the run scenario's column on CORZ Inputs, the assumption's row", () => {
    // bull is the second scenario: column F.
    expect(live.role).toBe("link");
    ASSUMPTIONS.forEach((a, i) => expect(live.cells[i][0]).toBe(`='CORZ Inputs'!$F$${inputsRow(p, a.key)}`));
  });

  test("differs compares with a relative tolerance written in a cell, and counts a non-number as changed", () => {
    const tol = blockOf(risk, "risk.runInputs.tolerance");
    expect(tol.cells[0][2]).toBe(1e-9);
    const r = first;
    expect(differs.cells[0][0]).toBe(`=IF(AND(ISNUMBER(C${r}),ISNUMBER(D${r})),ABS(D${r}-C${r})>$C$${at("tolerance")}*MAX(ABS(C${r}),ABS(D${r})),TRUE)`);
    expect(differs.cells).toHaveLength(ASSUMPTIONS.length);
    expect(parseCell(differs.at).col).toBe(RUN_INPUT_COLS.differs);
  });

  test("one cell says whether the run used the live inputs; the status line at the top reads it", () => {
    const last = first + ASSUMPTIONS.length - 1;
    expect(blockOf(risk, "risk.runInputs.upToDate").cells[0][2]).toBe(`=NOT(OR(E${first}:E${last}))`);
    const status = blockOf(risk, "risk.status");
    expect(status.at).toBe(`A${RISK_ROWS.status}`);
    expect(status.cells[0][0]).toBe(
      `=IF($C$${at("upToDate")},"Up to date with CORZ Inputs: the run used the live inputs of scenario ""bull""","Inputs changed since this run: re-run the simulation in the task pane (each changed input is TRUE under ""Differs?"" from row ${first})")`,
    );
    // The status row stays in view: the sheet freezes the rows above the inputs header.
    expect(risk.freeze.rows).toBeGreaterThanOrEqual(RISK_ROWS.status);
  });

  test("the Checks sheet has a row for it, inside the master check's range", () => {
    const checks = sheetOf(p, "checks");
    const rows = blockOf(checks, "checks.rows");
    const i = rows.cells.findIndex((r) => r[0] === RISK_CHECK);
    expect(rows.cells[i]).toEqual([RISK_CHECK, "bull", `='CORZ Risk'!$C$${at("upToDate")}`]);
    const master = String(blockOf(checks, "checks.master").cells[0][2]);
    const [, from, to] = /^=AND\(C(\d+):C(\d+)\)$/.exec(master)!.map(Number);
    expect(CHECKS.firstRow + i).toBeGreaterThanOrEqual(from);
    expect(CHECKS.firstRow + i).toBeLessThanOrEqual(to);
  });
});

describe("a run on a scenario that is not built", () => {
  const p = build([base, bull], run(scenario("bear")));
  const risk = sheetOf(p, "risk");

  test("says so in words, has no live links, and is stale", () => {
    expect(blockOf(risk, "risk.runInputs.live").cells.every((r) => r[0] === "not built")).toBe(true);
    expect(String(blockOf(risk, "risk.runInputs.title").cells[0][0])).toBe('Inputs this run used, against no live values: scenario "bear" is not among the built scenarios');
    const status = String(blockOf(risk, "risk.status").cells[0][0]);
    const first = rowOf(blockOf(risk, "risk.runInputs.labels"));
    expect(status).toContain(`"${riskStatusText(SHEET_NAMES, "bear", "notBuilt", first).replace(/"/g, '""')}"`);
    expect(riskStatusText(SHEET_NAMES, "bear", "notBuilt", first)).toBe('Scenario "bear" of this run is not among the built scenarios: re-run the simulation in the task pane');
    // Differs is TRUE for text (ISNUMBER fails), so the check is FALSE: tested by evaluation in tests/preview.
    const checks = blockOf(sheetOf(p, "checks"), "checks.rows").cells;
    expect(checks.find((r) => r[0] === RISK_CHECK)?.[1]).toBe("bear");
  });

  test("a scenario is matched by name as the build matches names: trimmed, any case", () => {
    const r = run(bull);
    const q = build([base, bull], { ...r, summary: { ...r.summary, scenario: " BULL " } });
    expect(blockOf(sheetOf(q, "risk"), "risk.runInputs.live").cells[0][0]).toMatch(/^='CORZ Inputs'!\$F\$\d+$/);
  });
});

describe("the results are the value (present value of free cash flow), not an NPV of gross profit", () => {
  test("the results say so, and the deterministic row is DEAL_VALUE of the run's scenario", () => {
    const p = build([base, bull], run(bull));
    const risk = sheetOf(p, "risk");
    const labels = blockOf(risk, "risk.results.labels").cells.map((r) => r[0]);
    expect(blockOf(risk, "risk.results.header").cells[0][0]).toBe("Value (present value of free cash flow)");
    expect(labels[RESULT_ROWS.indexOf("deterministic")]).toBe(DETERMINISTIC_LABEL);
    const m = computeScenario({ name: "bull", values: bull.values });
    if (!m.ok) throw new Error(m.error.message);
    const v = dealValue(m.value);
    if (!v.ok) throw new Error(v.error.message);
    expect(blockOf(risk, "risk.results").cells[RESULT_ROWS.indexOf("deterministic")][0]).toBe(v.value);
    expect(String(blockOf(risk, "risk.histogram.header").cells[0][0])).toBe("Value from (USD)");
    // No "NPV" in what the sheet says of the run (the assumption labels it lists are the registry's).
    const own = risk.blocks.filter((b) => !b.id.startsWith("risk.runInputs"));
    expect(JSON.stringify(own.map((b) => b.cells))).not.toMatch(/NPV/);
    expect(risk.charts.map((c) => c.title)).toEqual(["Value distribution: 500 paths, seed 3"]);
  });
});
