/**
 * The preview's formula evaluator (src/preview/formula): Excel's rules on small formulas,
 * and on the whole workbook the task pane builds into the Excel double it must agree with the
 * TypeScript model year by year and make every check of the plan's Checks sheet TRUE.
 */
import { buildSheets } from "../../src/excel/apply";
import { EMPTY_REGISTRY } from "../../src/excel/registry";
import { capacityEndOfYear } from "../../src/model/capacity";
import { ScenarioModel, dealNpv, runScenario, yearRow } from "../../src/model/scenarioModel";
import { CAPACITY_ROWS } from "../../src/plan/capacity";
import { CHECKS } from "../../src/plan/checks";
import { DEAL_ROWS } from "../../src/plan/deal";
import { GRID_SIZE, VALUATION_BLOCK } from "../../src/plan/valuation";
import { dealValue } from "../../src/model/valuation";
import { COL, ROW, SHEET_NAMES } from "../../src/plan/layout";
import { Evaluator, Matrix, Scalar, XlError, bookOf, dateSerial, parseFormula } from "../../src/preview/formula";
import { ExcelDouble } from "../support/excelDouble";
import { scenario } from "../support/plan";

function model(name: string): ScenarioModel {
  const r = runScenario(name, []);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Evaluates `formula` in Sheet1 of a workbook holding `cells`. */
function calc(formula: string, cells: Record<string, string | number | boolean> = {}, custom?: (name: string, args: unknown[]) => unknown): Scalar | Matrix {
  const x = new ExcelDouble();
  x.addSheet("Sheet1", cells);
  x.addSheet("Other Sheet", { B2: 40 });
  x.names.set("CORZ_rate", { reference: "='Sheet1'!$A$1" });
  return new Evaluator(bookOf(x), custom).formula(formula, "Sheet1");
}

const code = (v: unknown) => (v instanceof XlError ? v.code : v);

describe("Excel's rules", () => {
  test.each([
    ["=1+2*3", 7],
    ["=(1+2)*3", 9],
    ["=-2^2", 4],
    ["=2^3^2", 64],
    ["=50%*4", 2],
    ['="a"&1&TRUE', "a1TRUE"],
    ["=1/0", "#DIV/0!"],
    ['="x"+1', "#VALUE!"],
    ['="12"+1', 13],
    ["=A1+A9", 0.25],
    ["='Other Sheet'!B2/2", 20],
    ["=CORZ_rate*4", 1],
    ["=Missing!A1", "#REF!"],
    ["=NOSUCH(1)", "#NAME?"],
    ['="B"="b"', true],
    ['=1<"a"', true],
    ["=TRUE>1", true],
    ["=A9=0", true],
    ["=IF(A1>0,\"yes\",1/0)", "yes"],
    ["=IF(FALSE,1)", false],
    ["=IFERROR(1/0,-1)", -1],
    ["=AND(TRUE,1,A1)", true],
    ["=OR(FALSE,0)", false],
    ["=NOT(0)", true],
    ["=SUM(A1:A3,10)", 16.25],
    ["=MAX(A1:A3)", 5],
    ["=MIN(C1:C2)", 0],
    ["=AVERAGE(A1:A3)", 6.25 / 3],
    ["=MEDIAN(A1:A3,A4)", 1],
    ["=MEDIAN(C1:C2)", "#NUM!"],
    ["=COUNT(A1:A4)", 3],
    ["=LARGE(A1:A3,2)", 1],
    ["=ROUND(2.675,2)", 2.68],
    ["=ROUND(-2.5,0)", -3],
    ["=ABS(-2.5)", 2.5],
    ["=ABS(A1-A2)", 4.75],
    ['=ABS("-3")', 3],
    ["=ABS(A4)", "#VALUE!"],
    ["=ABS(1/0)", "#DIV/0!"],
    ["=SUMPRODUCT((A1:A3>0.5)*A1:A3)", 6],
    ["=SUMPRODUCT(A1:A3,B1:B3)", 0.25 * 1 + 5 * 1 + 1 * 3],
    ["=SUMPRODUCT(A1:A3,B1:B2)", "#VALUE!"],
    ["=MATCH(5,A1:A3,0)", 2],
    ["=MATCH(2,A1:A3,0)", "#N/A"],
    ['=MATCH("bull",D1:F1,0)', 2],
    ["=INDEX(D1:F1,3)", "bear"],
    ["=INDEX(A1:B3,3,2)", 3],
    ["=INDEX(A1:B3,4,1)", "#REF!"],
    ["=CHOOSE(2,1/0,7,1/0)", 7],
    ["=ISNUMBER(D1)", false],
    ["=ISNUMBER(A1)", true],
    ["=DATE(2025,1,1)", 45658],
    ["=YEAR(45658)", 2025],
    ["=EDATE(DATE(2025,1,31),1)", dateSerial(2025, 2, 28)],
    ["=YEAR(G1)", 2024],
    ["=CORZ.TWICE(A2,\"x\")", 10],
    ["=CORZ.FAIL()", "#N/A"],
  ])("%s is %p", (formula, expected) => {
    const cells = { A1: 0.25, A2: 5, A3: 1, A4: "text", B1: 1, B2: 1, B3: 3, D1: "base", E1: "bull", F1: "bear", G1: "date:2024-11-18" };
    const custom = (name: string, args: unknown[]) => {
      if (name === "CORZ.TWICE") return (args[0] as number) * 2;
      throw Object.assign(new Error("no such scenario"), { code: "#N/A" });
    };
    expect(code(calc(formula, cells, custom))).toEqual(expected);
  });

  test("a formula that refers to itself is #CIRC!, and one that cannot be read is #NAME?", () => {
    expect(code(calc("=A1", { A1: "=A1+1" }))).toBe("#CIRC!");
    expect(code(calc("=1+"))).toBe("#NAME?");
    const x = new ExcelDouble();
    x.addSheet("S", { A1: "=B1", B1: "=A1" });
    expect(code(new Evaluator(bookOf(x)).value("S", 1, 1))).toBe("#CIRC!");
    expect(() => parseFormula("=SUM(1,")).toThrow(SyntaxError);
  });

  test("ranges broadcast: a row times a scalar is a row", () => {
    const m = calc("=A1:C1*2", { A1: 1, B1: 2, C1: 3 });
    expect(m).toBeInstanceOf(Matrix);
    expect((m as Matrix).cells).toEqual([[2, 4, 6]]);
  });
});

describe("arrays spill as Excel's dynamic arrays do", () => {
  const schedule = [
    ["Year", "Revenue"],
    [2026, 10],
    [2027, 20],
  ];
  const book = (cells: Record<string, string | number | boolean>) => {
    const x = new ExcelDouble();
    x.addSheet("Sheet1", cells);
    return new Evaluator(bookOf(x), (name) => (name.toUpperCase() === "CORZ.DEAL_SCHEDULE" ? schedule : 0));
  };

  test("the anchor shows the top-left, the cells right and below show the rest, and formulas read them", () => {
    const ev = book({ B2: "=CORZ.DEAL_SCHEDULE()", E1: "=SUM(C3:C4)", E2: "=B4" });
    expect([ev.value("Sheet1", 2, 2), ev.value("Sheet1", 2, 3), ev.value("Sheet1", 3, 2), ev.value("Sheet1", 4, 3)]).toEqual(["Year", "Revenue", 2026, 20]);
    expect(ev.spillOf("Sheet1", 4, 3)).toEqual({ row: 2, col: 2, rows: 3, cols: 2, blockedBy: undefined });
    expect(ev.spillOf("Sheet1", 5, 2)).toBeUndefined();
    expect(ev.value("Sheet1", 5, 2)).toBeNull();
    // A formula reading spilled cells sees the array's values, not blanks.
    expect(ev.value("Sheet1", 1, 5)).toBe(30);
    expect(ev.value("Sheet1", 2, 5)).toBe(2027);
  });

  test("a cell in the way makes the anchor #SPILL! with the blocking cell named, and nothing spills", () => {
    const ev = book({ B2: "=CORZ.DEAL_SCHEDULE()", C3: "typed" });
    const v = ev.value("Sheet1", 2, 2);
    expect(v).toBeInstanceOf(XlError);
    expect((v as XlError).code).toBe("#SPILL!");
    expect((v as XlError).message).toMatch(/3 rows by 2 columns.*C3 is in the way/);
    expect(ev.value("Sheet1", 3, 2)).toBeNull();
    expect(ev.value("Sheet1", 3, 3)).toBe("typed");
  });

  test("a custom function's error keeps its message, as Excel shows it on hover", () => {
    class CfError extends Error {
      constructor(
        readonly code: string,
        message: string,
      ) {
        super(message);
      }
    }
    const v = calc('=CORZ.DEAL_REVENUE(2027, "nope")', {}, () => {
      throw new CfError("#N/A", 'unknown scenario "nope"; use base, seed, bull or bear');
    });
    expect(v).toBeInstanceOf(XlError);
    expect([(v as XlError).code, (v as XlError).message]).toEqual(["#N/A", 'unknown scenario "nope"; use base, seed, bull or bear']);
    // A returned (not thrown) error keeps its message too; one without a message has none.
    expect((calc("=CORZ.X()", {}, () => new CfError("#VALUE!", "year must be a number")) as XlError).message).toBe("year must be a number");
    expect((calc("=1/0") as XlError).message).toBe("");
  });
});

describe("the workbook the task pane builds", () => {
  const x = new ExcelDouble();
  let ev: Evaluator;
  beforeAll(async () => {
    const r = await buildSheets(x.run, ["base", "bull", "bear"].map((n) => scenario(n)), EMPTY_REGISTRY, {});
    if (!r.ok) throw new Error(r.message);
    ev = new Evaluator(bookOf(x));
  });
  const at = (sheet: string, row: number, col: number) => ev.value(sheet, row, col);
  const num = (sheet: string, row: number, col: number) => {
    const v = at(sheet, row, col);
    if (typeof v !== "number") throw new Error(`${sheet} row ${row} col ${col}: expected a number, got ${String(v)}`);
    return v;
  };

  test("every check on the Checks sheet is TRUE and every sheet's master check reads OK", () => {
    const checks = SHEET_NAMES.checks;
    expect(at(checks, CHECKS.masterRow, CHECKS.resultCol)).toBe(true);
    let n = 0;
    for (let r = CHECKS.firstRow; at(checks, r, 1) !== null; r++, n++) expect([at(checks, r, 1), at(checks, r, CHECKS.resultCol)]).toEqual([at(checks, r, 1), true]);
    expect(n).toBeGreaterThanOrEqual(20);
    for (const name of Object.values(SHEET_NAMES)) expect(at(name, 2, 1)).toBe("Checks: all OK");
  });

  test.each([
    [0, "base"],
    [1, "base"],
    [2, "bull"],
    [3, "bear"],
  ])("Deal and Capacity block %i equal the %s model year by year", (block, name) => {
    const m = model(name as string);
    const d0 = ROW.firstBlock + (block as number) * DEAL_ROWS.height;
    const c0 = ROW.firstBlock + (block as number) * CAPACITY_ROWS.height;
    let years = 0;
    for (let c = COL.firstPeriod; at(SHEET_NAMES.deal, ROW.timeline, c) !== null; c++, years++) {
      const y = num(SHEET_NAMES.deal, ROW.timeline, c);
      const row = yearRow(m, y);
      expect(num(SHEET_NAMES.deal, d0 + DEAL_ROWS.revenue, c)).toBeCloseTo(row.revenue, 2);
      expect(num(SHEET_NAMES.deal, d0 + DEAL_ROWS.grossProfit, c)).toBeCloseTo(row.grossProfit, 2);
      expect(num(SHEET_NAMES.capacity, c0 + CAPACITY_ROWS.hpc, c)).toBeCloseTo(capacityEndOfYear(m.capacityLines, y), 9);
    }
    expect(years).toBeGreaterThan(10);
    expect(num(SHEET_NAMES.deal, d0 + DEAL_ROWS.revenue, COL.total)).toBeCloseTo(m.tcvInclOptions, 2);
    const npv = dealNpv(m, m.scenario.values.discount_rate);
    if (!npv.ok) throw new Error(npv.error.message);
    expect(num(SHEET_NAMES.deal, d0 + DEAL_ROWS.npv, COL.constant)).toBeCloseTo(npv.value, 2);
  });

  test("the Valuation sheet: each block's value is DEAL_VALUE's, its bridge ties, and the rate x margin grid's centre is the live value", () => {
    const sheet = x.sheets.find((s) => s.name === SHEET_NAMES.valuation)!;
    const rowOf = (text: string) => [...sheet.cells].filter(([, c]) => c.formula === text).map(([k]) => Number(k.split(",")[0]));
    const valueRows = [...sheet.cells].filter(([, c]) => typeof c.formula === "string" && c.formula.startsWith('="Value of free cash flow')).map(([k]) => Number(k.split(",")[0])).sort((a, b) => a - b);
    expect(valueRows).toHaveLength(4);
    ["base", "base", "bull", "bear"].forEach((n, j) => {
      const v = dealValue(model(n));
      if (!v.ok) throw new Error(v.error.message);
      expect(num(SHEET_NAMES.valuation, valueRows[j], COL.constant)).toBeCloseTo(v.value, 2);
      expect(at(SHEET_NAMES.valuation, valueRows[j] + VALUATION_BLOCK.bridgeCheck - VALUATION_BLOCK.value, COL.constant)).toBe(true);
    });
    const centreRow = rowOf("Discount rate (the live one in the middle)")[0] + (GRID_SIZE - 1) / 2;
    expect(num(SHEET_NAMES.valuation, centreRow, COL.firstPeriod + (GRID_SIZE - 1) / 2)).toBeCloseTo(num(SHEET_NAMES.valuation, valueRows[0], COL.constant), 2);
  });

  test("no formula anywhere is #NAME?, #REF!, #CIRC! or #SPILL! (every function and reference is understood)", () => {
    const bad: string[] = [];
    let formulas = 0;
    for (const s of x.sheets)
      for (const [k, c] of s.cells) {
        if (typeof c.formula !== "string" || !c.formula.startsWith("=")) continue;
        formulas++;
        const [r, col] = k.split(",").map(Number);
        const v = ev.value(s.name, r, col);
        if (v instanceof XlError && ["#NAME?", "#REF!", "#CIRC!", "#SPILL!"].includes(v.code)) bad.push(`${s.name}!${r},${col} ${c.formula.slice(0, 80)} = ${v.code}`);
      }
    expect(formulas).toBeGreaterThan(1000);
    expect(bad).toEqual([]);
  });
});
