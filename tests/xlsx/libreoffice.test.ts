/**
 * The seed's figures, as LibreOffice Calc computes them from the workbook the add-in writes:
 * the "seed" scenario reproduces the seed brief exactly on the Summary sheet, and every check on
 * the Checks sheet is TRUE. (recalculation.test.ts compares every formula cell with the engine; this file
 * pins the headline numbers an analyst reads first.)
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { capacityEndOfYear, pipelineMw } from "../../src/model/capacity";
import { ScenarioModel, computeScenario, runScenario } from "../../src/model/scenarioModel";
import { BUILT_IN_SCENARIOS } from "../../src/model/scenarios";
import { CHECKS } from "../../src/plan/checks";
import { SHEET_NAMES } from "../../src/plan/layout";
import { SUMMARY, SUMMARY_METRICS } from "../../src/plan/summary";
import { WorkbookPlan } from "../../src/plan/types";
import { PRINT_MARGINS, planToWorkbook } from "../../src/xlsx/write";
import { runWorkbookCommand } from "../../src/xlsx/cli";
import { DEFAULT_PANE_STATE, PaneState, duplicateScenario, serialisePaneState, setBuild, setOverride } from "../../src/model/paneState";
import { Result } from "../../src/model/result";
import { Grid, PdfLine, libreOfficeAvailable, pdfPages, pdfToolsAvailable, printToPdf, recalculate, valueAt } from "../support/libreoffice";
import { plan, scenario } from "../support/plan";

const run = libreOfficeAvailable() ? describe : describe.skip;

function model(name: string): ScenarioModel {
  const r = runScenario(name);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function recalcPlan(p: WorkbookPlan): Promise<Record<string, Grid>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "corz-xlsx-"));
  const file = path.join(dir, "corz.xlsx");
  await planToWorkbook(p).xlsx.writeFile(file);
  const sheets = recalculate(file);
  fs.rmSync(dir, { recursive: true, force: true });
  return sheets;
}

/** Every built-in scenario, in the order the model lists them. */
const NAMES = BUILT_IN_SCENARIOS.map((s) => s.name);

run("LibreOffice recalculates the generated workbook to the model's numbers", () => {
  let sheets: Record<string, Grid>;
  beforeAll(async () => {
    sheets = await recalcPlan(plan(NAMES.map((n) => scenario(n))));
  });

  test("every check is TRUE and the master check reads OK on every sheet", () => {
    const checks = sheets[SHEET_NAMES.checks];
    expect(valueAt(checks, CHECKS.masterRow, CHECKS.resultCol)).toBe(true);
    let r = CHECKS.firstRow;
    let n = 0;
    for (; valueAt(checks, r, 1) !== ""; r++, n++) expect([valueAt(checks, r, 1), valueAt(checks, r, CHECKS.resultCol)]).toEqual([valueAt(checks, r, 1), true]);
    expect(n).toBe((NAMES.length + 1) * 7 + 1); // seven per scenario block (live and each scenario), and the Risk sheet's
    for (const name of Object.values(SHEET_NAMES)) expect(valueAt(sheets[name], 2, 1)).toBe("Checks: all OK");
  });

  test("Summary shows the seed brief's figures for the seed scenario and every scenario's headline numbers", () => {
    const s = sheets[SHEET_NAMES.summary];
    const at = (metric: string, name: string) =>
      valueAt(s, SUMMARY.firstRow + SUMMARY_METRICS.findIndex((m) => m.id === metric), SUMMARY.firstCol + 1 + NAMES.indexOf(name));
    // The seed brief: ~$8.7B over 12 years, ~$725M a year, 500 MW to CoreWeave, 570 MW of HPC capacity in all.
    const seed = model("seed");
    expect(at("tcv", "seed")).toBe(8_700_000_000);
    expect(at("average", "seed")).toBe(725_000_000);
    expect(at("price", "seed")).toBe(8_700_000_000 / (500 * seed.scenario.values.term_years));
    expect(at("licenceMargin", "seed")).toBe(seed.scenario.values.licence_margin);
    expect(at("mw", "seed")).toBe(500);
    // The seed's 570 MW (500 MW of tranches + 70 MW reallocated for CoreWeave) is contracted and energised by
    // the end of the target year; the 1 GW target is one it falls short of.
    const target = seed.scenario.values.target_mw;
    expect(at("target", "seed")).toBe(target);
    expect(at("contractedAtTarget", "seed")).toBe(570);
    expect(at("contractedShort", "seed")).toBe(570 - target);
    expect(at("hpcAtTarget", "seed")).toBe(570);
    expect(at("energisedShort", "seed")).toBe(570 - target);
    // Pipeline (gross power as stated) is shown, not counted.
    expect(at("pipeline", "seed")).toBe(pipelineMw(seed.capacityLines));
    for (const name of NAMES) {
      const m = model(name);
      expect(at("tcv", name) as number).toBeCloseTo(m.tcv, 2);
      expect(at("tcvInclOptions", name) as number).toBeCloseTo(m.tcvInclOptions, 2);
      expect(at("mw", name) as number).toBeCloseTo(m.contractedMw, 9);
      expect(at("reportedMargin", name) as number).toBeCloseTo(m.reportedMarginTerm, 9);
    }
  });
});

const printRun = pdfToolsAvailable() ? describe : describe.skip;

printRun("TRUE/FALSE results print TRUE or FALSE in LibreOffice, as in Excel, not 1/0", () => {
  // A scenario whose target its energised MW meet, beside the built-ins that fall short.
  const scenarios = [...NAMES.map((n) => scenario(n)), scenario("base", [["target_mw", 100]], "low target")];
  const meets = (s: (typeof scenarios)[number]) => {
    const m = computeScenario({ name: s.name, values: s.values });
    if (!m.ok) throw new Error(m.error.message);
    return capacityEndOfYear(m.value.capacityLines, s.values.target_year, "energised") >= s.values.target_mw;
  };
  // Printed lines that start with a label, with the words after it, as opened and as recalculated.
  let printed: Record<"opened" | "recalculated", PdfLine[]>;
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "corz-xlsx-"));
    const file = path.join(dir, "corz.xlsx");
    await planToWorkbook(plan(scenarios)).xlsx.writeFile(file);
    printed = {
      opened: pdfPages(printToPdf(file, { recalculate: false }), PRINT_MARGINS).flat(),
      recalculated: pdfPages(printToPdf(file), PRINT_MARGINS).flat(),
    };
    fs.rmSync(dir, { recursive: true, force: true });
  }, 240_000);
  const after = (lines: PdfLine[], label: string) => lines.filter((l) => l.text.startsWith(label)).map((l) => l.text.slice(label.length).trim().split(/\s+/));

  test.each(["opened", "recalculated"] as const)("Summary, %s: target met by energised MW, per scenario as the model says", (how) => {
    // The Summary's row: unit, live column, then one column per scenario.
    const rows = after(printed[how], "Target met by energised MW?").filter((w) => w.length === scenarios.length + 2);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    for (const r of rows) expect(r.slice(2)).toEqual(scenarios.map((x) => (meets(x) ? "TRUE" : "FALSE")));
    expect(rows[0]).toContain("TRUE");
    expect(rows[0]).toContain("FALSE");
  });

  test.each(["opened", "recalculated"] as const)("Capacity and Risk, %s: every TRUE/FALSE row prints TRUE or FALSE", (how) => {
    const rows = [
      ...after(printed[how], "Target met by contracted MW?"),
      ...after(printed[how], "Target met by energised MW?").filter((w) => w.length === 2),
      ...after(printed[how], "The run used the live inputs (no input below differs)"),
    ];
    // Capacity: two rows per block (the live one and each scenario's), on at least one page each; Risk: one.
    expect(rows.length).toBeGreaterThanOrEqual(2 * (scenarios.length + 1) + 1);
    for (const r of rows) expect(r).toEqual(["TRUE/FALSE", expect.stringMatching(/^(TRUE|FALSE)$/)]);
  });
});

run("a scenario saved by the task pane reaches the .xlsx through --scenario-file, and LibreOffice computes the model's numbers for it", () => {
  let sheets: Record<string, Grid>;
  let state: PaneState;
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "corz-file-"));
    try {
      // The pane's own saved state: a user scenario on bull with overrides, built after base.
      const step = (r: Result<PaneState>) => {
        if (!r.ok) throw new Error(r.error.message);
        return r.value;
      };
      let s = step(duplicateScenario(DEFAULT_PANE_STATE, "bull", "Late and lean"));
      s = step(setOverride(s, "Late and lean", "delay_months", 9));
      s = step(setOverride(s, "Late and lean", "licence_margin", "72%"));
      s = step(setOverride(s, "Late and lean", "t2_mw", 90));
      state = setBuild(setBuild(setBuild(s, "seed", false), "bull", false), "bear", false);
      const file = path.join(dir, "scenarios.json");
      fs.writeFileSync(file, serialisePaneState(state));
      const out = path.join(dir, "mine.xlsx");
      const lines: string[] = [];
      const code = await runWorkbookCommand(["--scenario-file", file, "--out", out, "--paths", "500"], (l) => lines.push(l));
      if (code !== 0) throw new Error(lines.join("\n"));
      sheets = recalculate(out);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

  test("Summary: the user's scenario, beside base, as the model computes it from its overrides", () => {
    expect(state.build).toEqual(["base", "Late and lean"]);
    const s = sheets[SHEET_NAMES.summary];
    const at = (metric: string, i: number) => valueAt(s, SUMMARY.firstRow + SUMMARY_METRICS.findIndex((m) => m.id === metric), SUMMARY.firstCol + 1 + i);
    expect(valueAt(s, SUMMARY.headerRow, SUMMARY.firstCol + 2)).toBe("Late and lean");
    const user = state.scenarios[0];
    const m = runScenario(user.basedOn, Object.entries(user.overrides));
    if (!m.ok) throw new Error(m.error.message);
    const base = model("base");
    // The overrides made a difference the sheet shows: 20 MW more in tranche 2, a 72% margin.
    expect(m.value.contractedMw).toBe(base.contractedMw + 20);
    expect(at("licenceMargin", 1)).toBe(0.72);
    expect(at("mw", 1) as number).toBeCloseTo(m.value.contractedMw, 9);
    expect(at("tcv", 1) as number).toBeCloseTo(m.value.tcv, 2);
    expect(at("tcvInclOptions", 1) as number).toBeCloseTo(m.value.tcvInclOptions, 2);
    expect(at("average", 1) as number).toBeCloseTo(m.value.averageAnnualRevenue, 2);
    expect(at("reportedMargin", 1) as number).toBeCloseTo(m.value.reportedMarginTerm, 9);
    const y = m.value.scenario.values.target_year;
    expect(at("hpcAtTarget", 1) as number).toBeCloseTo(capacityEndOfYear(m.value.capacityLines, y, "energised"), 9);
    // And base is still base.
    expect(at("tcv", 0) as number).toBeCloseTo(base.tcv, 2);
    expect(at("hpcAtTarget", 0) as number).toBeCloseTo(capacityEndOfYear(base.capacityLines, y, "energised"), 9);
    // Every check holds.
    expect(valueAt(sheets[SHEET_NAMES.checks], CHECKS.masterRow, CHECKS.resultCol)).toBe(true);
  });
});
