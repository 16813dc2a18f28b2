/**
 * DEAL_NPV_RISK (a percentile of the value, the present value of free cash flow as DEAL_VALUE)
 * on good input, on Excel's awkward input, and its cache.
 */
import * as montecarlo from "../../src/model/risk/montecarlo";
import { DEFAULT_PATHS, clearRiskCache, dealNpvRisk } from "../../src/functions/risk";
import { usd } from "../../src/functions/scenario";
import { Override } from "../../src/model/scenarios";
import { runScenario } from "../../src/model/scenarioModel";
import { dealValue } from "../../src/model/valuation";
import { excelError } from "./helpers";

/** The model's value (DEAL_VALUE) of a scenario at `rate`, in USD to the cent as the functions give it. */
function valueAt(rate: number, name = "base", overrides: readonly Override[] = []): number {
  const m = runScenario(name, overrides);
  if (!m.ok) throw new Error(m.error.message);
  const v = dealValue(m.value, rate);
  if (!v.ok) throw new Error(v.error.message);
  return usd(v.value);
}

// No uncertainty at all: every path is the deterministic deal (the margin pinned at base's 82.5%).
const CERTAIN = [
  ["default_probability", 0],
  ["delay_max_months", 0],
  ["margin_min", 0.825],
  ["margin_max", 0.825],
];

/** What Excel passes for an omitted argument or an empty cell. */
const BLANK = null as any;

afterEach(() => jest.restoreAllMocks());

describe("good input", () => {
  test("with no uncertainty every percentile is the value DEAL_VALUE gives at the rate", () => {
    for (const q of [0, 0.1, 0.5, 0.9, 1]) expect(dealNpvRisk(0.1, q, CERTAIN, 50)).toBe(valueAt(0.1));
    // The seed too, pinned at its 77.5%.
    const seedCertain = [["scenario", "seed"], ...CERTAIN.slice(0, 2), ["margin_min", 0.775], ["margin_max", 0.775]];
    expect(dealNpvRisk(0.1, 0.5, seedCertain, 20)).toBe(valueAt(0.1, "seed"));
    expect(dealNpvRisk(0.12, 0.5, [["scenario", "bear"], ...CERTAIN.slice(0, 1), ["delay_min_months", 9], ["delay_max_months", 9], ["margin_min", 0.8], ["margin_max", 0.8]], 20)).toBe(
      valueAt(0.12, "bear"),
    );
    // Capex, depreciation and tax count: Core Scientific paying 2M USD per MW of the build.
    expect(dealNpvRisk(0.1, 0.5, [...CERTAIN, ["core_capex_per_mw", 2e6]], 20)).toBe(valueAt(0.1, "base", [["core_capex_per_mw", 2e6]]));
  });

  test("percentiles rise with the percentile and sit below the deterministic value at P10", () => {
    const p = [0.1, 0.5, 0.9].map((q) => dealNpvRisk(0.1, q, BLANK, 2000));
    expect(p[0]).toBeLessThanOrEqual(p[1]);
    expect(p[1]).toBeLessThanOrEqual(p[2]);
    expect(p[0]).toBeLessThan(valueAt(0.1));
  });

  test("the percentile may be text such as \"10%\"; blank paths and seed take the defaults (10,000 and 1)", () => {
    expect(dealNpvRisk(0.1, "10%", BLANK, 500)).toBe(dealNpvRisk(0.1, 0.1, BLANK, 500));
    expect(dealNpvRisk(0.1, 0.5)).toBe(dealNpvRisk(0.1, 0.5, BLANK, DEFAULT_PATHS, 1));
    expect(dealNpvRisk(0.1, 0.5, BLANK, null, null)).toBe(dealNpvRisk(0.1, 0.5, BLANK, 10000, 1));
    expect(dealNpvRisk(0.1, 0.5, [[null]], [[2000]], [[7]])).toBe(dealNpvRisk(0.1, 0.5, BLANK, 2000, 7));
  });

  test("the same seed gives the same answer; another seed a different one", () => {
    const a = dealNpvRisk(0.1, 0.25, BLANK, 1000, 42);
    clearRiskCache();
    expect(dealNpvRisk(0.1, 0.25, BLANK, 1000, 42)).toBe(a);
    expect(dealNpvRisk(0.1, 0.25, BLANK, 1000, 43)).not.toBe(a);
  });

  test("risk rows in the scenario range change the answer; a higher default probability lowers P10", () => {
    const low = dealNpvRisk(0.1, 0.1, [["default_probability", 0.01]], 3000);
    const high = dealNpvRisk(0.1, 0.1, [["Default probability", "10%"]], 3000);
    expect(high).toBeLessThan(low);
    // Renewals add value when they are taken.
    expect(dealNpvRisk(0.1, 0.5, [...CERTAIN, ["renewal_probability", 1]], 50)).toBe(valueAt(0.1, "base", [["renewal_options", 2]]));
  });

  test("a higher rate gives a lower value", () => {
    expect(dealNpvRisk(0.12, 0.5, BLANK, 1000)).toBeLessThan(dealNpvRisk(0.08, 0.5, BLANK, 1000));
  });
});

describe("the cache", () => {
  test("P10, P50 and P90 of the same run simulate once; a new path count or seed simulates again", () => {
    clearRiskCache();
    const prepare = jest.spyOn(montecarlo, "prepareRisk");
    for (const q of [0.1, 0.5, 0.9]) dealNpvRisk(0.1, q, BLANK, 700, 3);
    expect(prepare).toHaveBeenCalledTimes(1);
    dealNpvRisk(0.1, 0.5, BLANK, 701, 3);
    dealNpvRisk(0.1, 0.5, BLANK, 700, 4);
    expect(prepare).toHaveBeenCalledTimes(3);
    dealNpvRisk(0.1, 0.5, BLANK, 700, 3);
    expect(prepare).toHaveBeenCalledTimes(3);
  });

  test("errors are cached too, and a cached answer is the same as a fresh one", () => {
    clearRiskCache();
    const fresh = dealNpvRisk(0.1, 0.3, [["default_probability", 0.05]], 900);
    expect(dealNpvRisk(0.1, 0.3, [["default_probability", 0.05]], 900)).toBe(fresh);
    const prepare = jest.spyOn(montecarlo, "prepareRisk");
    // Nothing is billed after a 2060 valuation date: the model says #NUM!, as DEAL_VALUE does.
    expect(excelError(() => dealNpvRisk(0.1, 0.5, [["valuation_date", "2060-01-01"]], 900)).code).toBe("#NUM!");
    expect(excelError(() => dealNpvRisk(0.1, 0.5, [["valuation_date", "2060-01-01"]], 900)).code).toBe("#NUM!");
    expect(prepare).toHaveBeenCalledTimes(1);
  });
});

describe("Excel's awkward input", () => {
  const awkward: ReadonlyArray<[string, unknown]> = [
    ["text", "soon"],
    ["boolean", true],
    ["2-D range", [[0.1, 0.2]]],
    ["error value", { type: "Error", code: "#N/A" }],
  ];

  test.each(awkward)("rate as %s is #VALUE!", (_, v) => {
    expect(excelError(() => dealNpvRisk(v, 0.5, BLANK, 10)).code).toBe("#VALUE!");
  });

  test.each(awkward)("percentile as %s is #VALUE!", (_, v) => {
    expect(excelError(() => dealNpvRisk(0.1, v, BLANK, 10)).code).toBe("#VALUE!");
  });

  test.each(awkward)("paths as %s is #VALUE!", (_, v) => {
    expect(excelError(() => dealNpvRisk(0.1, 0.5, BLANK, v)).code).toBe("#VALUE!");
  });

  test.each(awkward)("seed as %s is #VALUE!", (_, v) => {
    expect(excelError(() => dealNpvRisk(0.1, 0.5, BLANK, 10, v)).code).toBe("#VALUE!");
  });

  test("a blank rate or percentile is required", () => {
    expect(excelError(() => dealNpvRisk(null, 0.5))).toEqual({ code: "#VALUE!", message: "rate is required" });
    expect(excelError(() => dealNpvRisk(0.1, ""))).toEqual({ code: "#VALUE!", message: "percentile is required" });
  });

  // A value out of the argument's range, or a fraction where a whole number is needed, is #VALUE!
  // with the rule (as in every CORZ function); only an impossible number (NaN, infinity) is #NUM!.
  test.each([
    ["percentile 2", () => dealNpvRisk(0.1, 2, BLANK, 10), "#VALUE!", "percentile must be a decimal from 0 to 1 (0.1 for P10), got 2"],
    ["percentile -0.1", () => dealNpvRisk(0.1, -0.1, BLANK, 10), "#VALUE!", "percentile must be a decimal from 0 to 1 (0.1 for P10), got -0.1"],
    ["percentile 1e308", () => dealNpvRisk(0.1, 1e308, BLANK, 10), "#VALUE!", "percentile must be a decimal from 0 to 1 (0.1 for P10), got 1e+308"],
    ["percentile NaN", () => dealNpvRisk(0.1, Number.NaN, BLANK, 10), "#NUM!", ""],
    ["0 paths", () => dealNpvRisk(0.1, 0.5, BLANK, 0), "#VALUE!", "paths must be a whole number from 1 to 1,000,000, got 0"],
    ["negative paths", () => dealNpvRisk(0.1, 0.5, BLANK, -100), "#VALUE!", "paths must be a whole number from 1 to 1,000,000, got -100"],
    ["huge paths", () => dealNpvRisk(0.1, 0.5, BLANK, 1e12), "#VALUE!", "paths must be a whole number from 1 to 1,000,000, got 1000000000000"],
    ["fractional paths", () => dealNpvRisk(0.1, 0.5, BLANK, 10.5), "#VALUE!", "paths must be a whole number from 1 to 1,000,000, got 10.5"],
    ["negative seed", () => dealNpvRisk(0.1, 0.5, BLANK, 10, -1), "#VALUE!", "seed must be a whole number from 0 to 4,294,967,295, got -1"],
    ["huge seed", () => dealNpvRisk(0.1, 0.5, BLANK, 10, 2 ** 32), "#VALUE!", "seed must be a whole number from 0 to 4,294,967,295, got 4294967296"],
    ["infinite rate", () => dealNpvRisk(Infinity, 0.5, BLANK, 10), "#NUM!", ""],
  ])("%s is %s", (_, f, code, message) => {
    expect(excelError(f)).toEqual({ code, message });
  });

  test("a rate outside -50%..100% is #VALUE! saying so", () => {
    expect(excelError(() => dealNpvRisk(5, 0.5, BLANK, 10))).toEqual({ code: "#VALUE!", message: "the discount rate: value must be from -0.5 to 1, got 5" });
    expect(excelError(() => dealNpvRisk(-2, 0.5, BLANK, 10)).code).toBe("#VALUE!");
  });

  test("a negative rate within bounds is fine and gives a higher value", () => {
    expect(dealNpvRisk(-0.02, 0.5, CERTAIN, 10)).toBe(valueAt(-0.02));
    expect(valueAt(-0.02)).toBeGreaterThan(valueAt(0.1));
  });

  test("bad scenario and risk rows: #N/A for unknown names, #VALUE! for bad values", () => {
    expect(excelError(() => dealNpvRisk(0.1, 0.5, [["moon"]], 10)).code).toBe("#N/A");
    expect(excelError(() => dealNpvRisk(0.1, 0.5, [["default_probability", 1.5]], 10))).toEqual({
      code: "#VALUE!",
      message: "default_probability must be a decimal from 0 to 1, got 1.5",
    });
    expect(excelError(() => dealNpvRisk(0.1, 0.5, [["default_probability", "often"]], 10)).message).toBe('default_probability must be a number, got "often"');
    expect(excelError(() => dealNpvRisk(0.1, 0.5, [["default_probability", true]], 10)).code).toBe("#VALUE!");
    expect(excelError(() => dealNpvRisk(0.1, 0.5, [["delay_min_months", 6], ["delay_max_months", 2]], 10)).message).toMatch(/triangular needs min <= mode <= max/);
    expect(excelError(() => dealNpvRisk(0.1, 0.5, [["a", "b", "c"]], 10)).code).toBe("#VALUE!");
    expect(excelError(() => dealNpvRisk(0.1, 0.5, [["default_probability", { type: "Error" }]], 10)).code).toBe("#VALUE!");
  });
});
