/**
 * The seed's figures, as LibreOffice Calc computes them from the workbook the add-in writes:
 * the base case reproduces the seed exactly on the Summary sheet, and every check on the Checks
 * sheet is TRUE. (recalculation.test.ts compares every formula cell with the engine; this file
 * pins the headline numbers an analyst reads first.)
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ScenarioModel, runScenario } from "../../src/model/scenarioModel";
import { CHECKS } from "../../src/plan/checks";
import { SHEET_NAMES } from "../../src/plan/layout";
import { SUMMARY, SUMMARY_METRICS } from "../../src/plan/summary";
import { WorkbookPlan } from "../../src/plan/types";
import { planToWorkbook } from "../../src/xlsx/write";
import { Grid, libreOfficeAvailable, recalculate, valueAt } from "../support/libreoffice";
import { plan } from "../support/plan";

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

run("LibreOffice recalculates the generated workbook to the model's numbers", () => {
  let sheets: Record<string, Grid>;
  beforeAll(async () => {
    sheets = await recalcPlan(plan());
  });

  test("every check is TRUE and the master check reads OK on every sheet", () => {
    const checks = sheets[SHEET_NAMES.checks];
    expect(valueAt(checks, CHECKS.masterRow, CHECKS.resultCol)).toBe(true);
    let r = CHECKS.firstRow;
    let n = 0;
    for (; valueAt(checks, r, 1) !== ""; r++, n++) expect([valueAt(checks, r, 1), valueAt(checks, r, CHECKS.resultCol)]).toEqual([valueAt(checks, r, 1), true]);
    expect(n).toBe(4 * 7 + 1); // seven per scenario block (live and three scenarios), and the Risk sheet's
    for (const name of Object.values(SHEET_NAMES)) expect(valueAt(sheets[name], 2, 1)).toBe("Checks: all OK");
  });

  test("Summary shows the seed's figures for base and every scenario's headline numbers", () => {
    const s = sheets[SHEET_NAMES.summary];
    const at = (metric: string, col: number) => valueAt(s, SUMMARY.firstRow + SUMMARY_METRICS.findIndex((m) => m.id === metric), col);
    const baseCol = SUMMARY.firstCol + 1;
    expect(at("tcv", baseCol)).toBe(8_700_000_000);
    expect(at("average", baseCol)).toBe(725_000_000);
    expect(at("price", baseCol)).toBe(1_450_000);
    expect(at("licenceMargin", baseCol)).toBe(0.775);
    expect(at("mw", baseCol)).toBe(500);
    // The seed's 570 MW (500 MW of tranches + 70 MW reallocated for CoreWeave) is contracted and energised by
    // the end of 2027; the seed's 1 GW by 2027 is a target it falls 430 MW short of, in every scenario.
    expect(at("target", baseCol)).toBe(1000);
    expect(at("contractedAtTarget", baseCol)).toBe(570);
    expect(at("contractedShort", baseCol)).toBe(-430);
    expect(at("hpcAtTarget", baseCol)).toBe(570);
    expect(at("energisedShort", baseCol)).toBe(-430);
    for (const j of [0, 1, 2]) expect(at("meets", baseCol + j)).toBe(false);
    // Pipeline (Hunt County ~430 MW, Dalton and Pecos ~300 MW, gross power) is shown, not counted.
    expect(at("pipeline", baseCol)).toBe(730);
    expect(at("tcv", baseCol + 1)).toBeCloseTo(model("bull").tcv, 2);
    expect(at("reportedMargin", baseCol) as number).toBeCloseTo(model("base").reportedMarginTerm, 9);
  });

});
