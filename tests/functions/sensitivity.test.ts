/** CORZ.SENSITIVITY, CORZ.TORNADO and CORZ.DEAL_IRR: what-if over the cash-flow valuation, agreeing with DEAL_VALUE point by point. */
import * as F from "../../src/functions/functions";
import * as V from "../../src/functions/valuation";
import { TORNADO_INPUTS } from "../../src/model/sensitivity";
import { excelError } from "./helpers";

const RATES = [[0.08], [0.1], [0.12]];
const MARGINS = [[0.8, 0.825, 0.85]];

describe("CORZ.SENSITIVITY", () => {
  test("every grid point is DEAL_VALUE with the two assumptions set (rate x margin, every built-in scenario)", () => {
    for (const n of ["base", "seed", "bull", "bear"]) {
      const grid = V.sensitivityFn("discount_rate", RATES, "licence_margin", MARGINS, "value", [[n]]);
      expect(grid[0]).toEqual(["discount_rate \\ licence_margin", 0.8, 0.825, 0.85]);
      expect(grid.map((r) => r[0]).slice(1)).toEqual([0.08, 0.1, 0.12]);
      RATES.forEach(([r], i) =>
        MARGINS[0].forEach((m, j) => {
          const direct = F.dealValueFn([["scenario", n], ["discount_rate", r], ["licence_margin", m]] as any);
          expect(grid[i + 1][j + 1]).toBe(direct);
        }),
      );
      // A higher rate lowers the value; a higher margin raises it.
      expect(grid[1][1]).toBeGreaterThan(grid[3][1]);
      expect(grid[1][3]).toBeGreaterThan(grid[1][1]);
    }
  });

  test("delay x price change: each point is DEAL_VALUE with the delay and every tranche's value changed by the rate", () => {
    const grid = V.sensitivityFn("delay_months", [[0], [6], [12]], "price_change", [[-0.1, 0, 0.1]]);
    const values = (p: number) => ["t1", "t2", "t3", "t4", "t5"].map((t) => [`${t}_value`, F.scenarioValue(`${t}_value`) * (1 + p)]);
    [0, 6, 12].forEach((d, i) =>
      [-0.1, 0, 0.1].forEach((p, j) => expect(grid[i + 1][j + 1]).toBe(F.dealValueFn([["delay_months", d], ...values(p)] as any))),
    );
    expect(grid[1][2]).toBe(F.dealValueFn());
    expect(grid[3][2]).toBeLessThan(grid[1][2]); // a delay costs value
  });

  test("other outputs: gross-profit NPV, TCV, a year's revenue and cash flow, IRR", () => {
    const one = (output: string, scenario?: unknown) => V.sensitivityFn("licence_margin", [[0.8]], "overhead_rate", [[0.05]], output, scenario as any)[1][1];
    const over = [["licence_margin", 0.8], ["overhead_rate", 0.05]] as any;
    expect(one("npv")).toBe(F.dealNpvFn(F.scenarioValue("discount_rate"), over));
    expect(one("revenue 2027")).toBe(F.dealRevenue(2027, over));
    expect(one("cash_flow 2027")).toBe(F.dealCashFlow(2027, over));
    expect(one("tcv")).toBe(F.dealTcv(over));
    expect(one("tcv_options", [["bull"]])).toBeGreaterThan(one("tcv", [["bull"]])); // bull exercises both renewal options
    // IRR needs capex of Core's: with none each point is #NUM!, with some a rate.
    const irr = V.sensitivityFn("core_capex_per_mw", [[0], [1.5e6]], "licence_margin", [[0.825]], "irr");
    expect(irr[1][1]).toBeInstanceOf(CustomFunctions.Error);
    expect((irr[1][1] as CustomFunctions.Error).code).toBe("#NUM!");
    expect(irr[2][1]).toBeCloseTo(V.dealIrrFn(undefined, 1.5e6), 12);
  });

  test("a point out of bounds shows its own error; the rest of the grid stands", () => {
    const grid = V.sensitivityFn("licence_margin", [[0.8], [1.5]], "discount_rate", [[0.1]]);
    expect(typeof grid[1][1]).toBe("number");
    expect(grid[2][1]).toBeInstanceOf(CustomFunctions.Error);
    expect((grid[2][1] as CustomFunctions.Error).message).toContain("licence_margin");
  });

  test("bad axes are refused with the reason", () => {
    expect(excelError(() => V.sensitivityFn("discount_rate", RATES, "discount_rate", MARGINS))).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("must differ") });
    expect(excelError(() => V.sensitivityFn("interest", RATES, "licence_margin", MARGINS))).toMatchObject({ code: "#N/A", message: expect.stringContaining("price_change") });
    expect(excelError(() => V.sensitivityFn("discount_rate", [["high"]], "licence_margin", MARGINS))).toMatchObject({ code: "#VALUE!" });
    expect(excelError(() => V.sensitivityFn("discount_rate", RATES, "licence_margin", MARGINS, "ebit"))).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("revenue YYYY") });
    expect(excelError(() => V.sensitivityFn("discount_rate", [Array.from({ length: 60 }, (_, i) => i / 100)], "licence_margin", [Array.from({ length: 60 }, (_, i) => 0.5 + i / 200)]))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("at most"),
    });
  });
});

describe("CORZ.TORNADO", () => {
  test("ten inputs, largest swing first; each value at low and high is DEAL_VALUE with that input alone changed", () => {
    const t = V.tornadoFn();
    expect(t[0]).toEqual(["Input", "Low case", "High case", "Value at low", "Value at high", "Swing", "Basis of the range"]);
    expect(t).toHaveLength(11);
    const swings = t.slice(1).map((r) => r[5] as number);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    for (const [key, low, high, vLow, vHigh] of t.slice(1) as [string, number, number, number, number][]) {
      if (key === "price_change") continue;
      expect(vLow).toBe(F.dealValueFn([[key, low]] as any));
      expect(vHigh).toBe(F.dealValueFn([[key, high]] as any));
    }
    // Every bar says where its range comes from.
    for (const r of t.slice(1)) expect(String(r[6]).length).toBeGreaterThan(10);
  });

  test("count picks the top of the same ranking; a bad count is refused", () => {
    const all = V.tornadoFn(undefined, TORNADO_INPUTS.length);
    expect(V.tornadoFn(undefined, 3)).toEqual(all.slice(0, 4));
    expect(excelError(() => V.tornadoFn(undefined, 0))).toEqual({ code: "#VALUE!", message: "count must be a whole number from 1 to 12, got 0" });
    expect(V.tornadoFn(undefined, [[null]])).toEqual(V.tornadoFn(undefined)); // a blank cell is the default, 10
    expect(excelError(() => V.tornadoFn(undefined, 2.5))).toMatchObject({ code: "#VALUE!" });
  });
});

describe("CORZ.DEAL_IRR", () => {
  test("with the data's capex (CoreWeave funds the build) there is no return to measure: #NUM!", () => {
    expect(excelError(() => V.dealIrrFn())).toMatchObject({ code: "#NUM!" });
  });

  test("with capex of Core's the IRR makes the yearly free cash flows' NPV zero", () => {
    const capex = [["core_capex_per_mw", 1.5e6]] as any;
    const irr = V.dealIrrFn(capex);
    expect(V.dealIrrFn(undefined, 1.5e6)).toBe(irr);
    const years = Array.from({ length: 30 }, (_, i) => 2023 + i);
    const npv = years.reduce((s, y, i) => s + F.dealCashFlow(y, capex) / Math.pow(1 + irr, i), 0);
    expect(Math.abs(npv)).toBeLessThan(1);
    // More capex for the same cash flows is a lower return.
    expect(V.dealIrrFn(undefined, 3e6)).toBeLessThan(irr);
    expect(excelError(() => V.dealIrrFn(undefined, -5))).toMatchObject({ code: "#VALUE!" });
  });
});

describe("CORZ.DEAL_VALUE with and without renewal options", () => {
  test("none is the firm term, all counts both options, the default what the scenario exercises", () => {
    // Base exercises none, bull both.
    expect(F.dealValueFn(undefined, "none")).toBe(F.dealValueFn());
    expect(F.dealValueFn(undefined, "all")).toBeGreaterThan(F.dealValueFn());
    expect(F.dealValueFn([["bull"]], "all")).toBe(F.dealValueFn([["bull"]]));
    expect(F.dealValueFn([["bull"]], "none")).toBeLessThan(F.dealValueFn([["bull"]]));
    expect(F.dealValueFn([["bull"]], "none")).toBe(F.dealValueFn([["scenario", "bull"], ["renewal_options", 0]] as any));
    // The tornado's renewal bar is the same two values.
    const bar = V.tornadoFn().find((r) => r[0] === "renewal_options")!;
    expect([bar[3], bar[4]]).toEqual([F.dealValueFn(undefined, "none"), F.dealValueFn(undefined, "all")]);
  });

  test("an unknown choice is #N/A naming the choices", () => {
    expect(excelError(() => F.dealValueFn(undefined, "maybe"))).toMatchObject({ code: "#N/A", message: expect.stringContaining("none") });
  });
});

describe("built inputs on a grid axis", () => {
  test("a grid over the spread moves the discount rate with it, as an override range does", () => {
    const grid = V.sensitivityFn("discount_spread", [[0], [0.02]], "licence_margin", [[0.825]]);
    expect(grid[1][1]).toBe(F.dealValueFn([["discount_spread", 0]] as any));
    expect(grid[2][1]).toBe(F.dealValueFn([["discount_rate", 0.11]] as any));
    expect(grid[1][1]).toBeGreaterThan(grid[2][1]);
  });
});
