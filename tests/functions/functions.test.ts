/**
 * The CORZ custom functions on good input (checked against the seed and the model) and on
 * Excel's awkward inputs (blank, text, boolean, 2-D range, error value, negative, huge).
 */
import * as F from "../../src/functions/functions";
import { TRANCHE_IDS } from "../../src/model/assumptions";
import { trancheRevenue } from "../../src/model/deal";
import { runScenario, dealNpv, valuationTime } from "../../src/model/scenarioModel";
import { AWKWARD_YEAR, excelError } from "./helpers";

const base = (() => {
  const r = runScenario("base");
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
})();

describe("seed figures through the functions (the seed scenario)", () => {
  const SEED = [["seed"]];
  test("DEAL_TCV is $8.7B in seed", () => {
    expect(F.dealTcv(SEED)).toBe(8_700_000_000);
    expect(F.dealTcv([["  Seed "]])).toBe(8_700_000_000);
  });
  test("DEAL_REVENUE(2027) is the full run-rate $725M (all 500 MW billable all year)", () => {
    expect(F.dealRevenue(2027, SEED)).toBe(725_000_000);
  });
  test("the 12 contract years sum to $8.7B and average $725M", () => {
    const years = Array.from({ length: 12 }, (_, i) => F.contractYearRevenue(i + 1, SEED));
    expect(years.every((v) => v === 725_000_000)).toBe(true);
    expect(years.reduce((a, b) => a + b, 0)).toBe(8_700_000_000);
    expect(F.contractYearRevenue(13, SEED)).toBe(0);
  });
  test("GROSS_MARGIN is the midpoint of the brief's 75-80%", () => {
    expect(F.grossMargin(SEED)).toBe(0.775);
  });
  test("REVENUE_PER_MW is $1.45M per MW-year", () => {
    expect(F.revenuePerMw(SEED)).toBe(1_450_000);
  });
  test("HPC_CAPACITY is MW energised: 570 MW by 2027, short of the 1 GW target (pipeline never counts)", () => {
    expect(F.hpcCapacity(2027, SEED)).toBe(570);
    expect(F.hpcCapacity(2026, SEED)).toBe(500);
    expect(F.hpcCapacity(2040, SEED)).toBe(570);
    expect(F.capacityFn(2025, SEED, "Energized")).toBe(268); // 198 + 70 energised by 2025-09-01
    expect(F.capacityFn(2024, SEED, "contracted")).toBe(500);
  });
  test("SCENARIO_VALUE reads the brief's tranches: 198 + 70 + 112 + 120 = 500 MW, the first billing 2025-05-01", () => {
    expect(TRANCHE_IDS.map((id) => F.scenarioValue(`${id}_mw`, SEED))).toEqual([198, 70, 112, 120, 0]);
    // A date comes back as an Excel serial: 2025-05-01 is 45778.
    expect(F.scenarioValue("t1_start", SEED)).toBe(45778);
  });
});

describe("DEAL_TCV: TCV is the firm initial term; TCV incl. options only when asked", () => {
  test("bull exercises both renewal options: TCV stays $10.2B, TCV incl. options is $19.55B", () => {
    expect(F.dealTcv([["bull"]])).toBe(10_200_000_000);
    // Two five-year options at base's +21.77% (to the deal library's market rent) on base's 850M a year (10.2B / 12).
    expect(F.dealTcv([["bull"]], true)).toBeCloseTo(10_200_000_000 + 850_000_000 * 1.2177 * 10, 2);
  });

  test("with no option exercised the two agree: base $10.2B, seed $8.7B exactly", () => {
    for (const [name, tcv] of [["base", 10_200_000_000], ["seed", 8_700_000_000], ["bear", 10_200_000_000]] as const) {
      expect(F.dealTcv([[name]])).toBe(tcv);
      expect(F.dealTcv([[name]], true)).toBe(tcv);
    }
  });

  test("include_options takes TRUE/FALSE as Excel's flags do: booleans, 1/0, the words, a blank for FALSE", () => {
    const bull = [["bull"]];
    const withOptions = F.dealTcv(bull, true);
    for (const yes of [true, 1, "TRUE", " true ", [[true]]]) expect(F.dealTcv(bull, yes)).toBe(withOptions);
    for (const no of [false, 0, "false", null, undefined, "", [[null]]]) expect(F.dealTcv(bull, no)).toBe(10_200_000_000);
    expect(excelError(() => F.dealTcv(bull, "yes"))).toMatchObject({ code: "#VALUE!", message: 'include_options must be TRUE or FALSE, got "yes"' });
    expect(excelError(() => F.dealTcv(bull, 2))).toMatchObject({ code: "#VALUE!", message: "include_options must be TRUE or FALSE, got 2" });
    expect(excelError(() => F.dealTcv(bull, [[true, false]])).code).toBe("#VALUE!");
  });
});

describe("the discount rate through the functions: reference yield + spread", () => {
  test("SCENARIO_VALUE: base and bear 10% (9% + 1%), bull 9% (no spread)", () => {
    const rate = (s: unknown) => [F.scenarioValue("reference_yield", s as any), F.scenarioValue("discount_spread", s as any), F.scenarioValue("discount_rate", s as any)];
    expect(rate(undefined)).toEqual([0.09, 0.01, 0.1]);
    expect(rate([["bear"]])).toEqual([0.09, 0.01, 0.1]);
    expect(rate([["bull"]])).toEqual([0.09, 0, 0.09]);
    // An override of the rate itself sets the spread; the NPV is the same as at that rate.
    expect(rate([["discount_rate", 0.085]])).toEqual([0.09, -0.005, 0.085]);
    expect(excelError(() => F.scenarioValue("discount_rate", [["discount_rate", 1.5]]))).toMatchObject({ code: "#VALUE!", message: "discount_rate must be a rate from -0.5 to 1 (a decimal: 0.05 is 5%), got 1.5" });
  });

  test("ASSUMPTIONS spills the two inputs and the built rate, each with its source", () => {
    const rows = F.assumptionsFn([["bull"]]);
    const row = (key: string) => rows.find((r) => r[0] === key)!;
    expect(row("reference_yield").slice(4, 6)).toEqual([0.09, 0.09]);
    expect(row("discount_spread").slice(4, 6)).toEqual([0, 0.01]);
    expect(row("discount_rate").slice(4, 6)).toEqual([0.09, 0.1]);
    expect(String(row("discount_rate")[6])).toMatch(/^Built, not typed: reference_yield \+ discount_spread/);
    expect(rows.findIndex((r) => r[0] === "discount_rate")).toBeGreaterThan(rows.findIndex((r) => r[0] === "discount_spread"));
  });
});

describe("base: the contracts on the public record through the functions", () => {
  test("DEAL_TCV is $10.2B in base, the default", () => {
    expect(F.dealTcv()).toBe(10_200_000_000);
    expect(F.dealTcv([["base"]])).toBe(10_200_000_000);
  });
  test("DEAL_REVENUE: the full run-rate $850M (10.2B / 12) from 2028; 2027 still ramps tranche 4 to 2027-04-01", () => {
    expect(F.dealRevenue(2028)).toBeCloseTo(850_000_000, 4);
    expect(F.dealRevenue(2027)).toBeLessThan(850_000_000);
  });
  test("the 12 contract years earn $850M each, $10.2B together", () => {
    const years = Array.from({ length: 12 }, (_, i) => F.contractYearRevenue(i + 1));
    for (const v of years) expect(v).toBeCloseTo(850_000_000, 4);
    expect(years.reduce((a, b) => a + b, 0)).toBeCloseTo(10_200_000_000, 3);
  });
  test("GROSS_MARGIN: 82.5% in base, the midpoint of management's 80-85% target; bull and bear at its ends", () => {
    expect(F.grossMargin()).toBe(0.825);
    expect(F.grossMargin([["bull"]])).toBe(0.85);
    expect(F.grossMargin([["bear"]])).toBe(0.8);
  });
  test("reported margin is far below the licence-fee margin (pass-through power)", () => {
    // Over the term every MW bills 12 years: 572 x 12 MW-years of power at 413,472 USD (PUE 1.18, 40 USD/MWh).
    const reported = F.grossMargin(undefined, "reported");
    expect(reported).toBeCloseTo(base.reportedMarginTerm, 12);
    expect(reported).toBeCloseTo((0.825 * 10.2e9) / (10.2e9 + 413_472 * 572 * 12), 9);
    expect(reported).toBeLessThan(0.825);
  });
  test("REVENUE_PER_MW is 10.2B / 572 MW / 12 years = $1,486,013.99 per MW-year", () => {
    // Money comes back rounded to the cent: 1,486,013.986... -> 1,486,013.99.
    expect(F.revenuePerMw()).toBe(1_486_013.99);
    expect(Math.abs(F.revenuePerMw() - 10.2e9 / 572 / 12)).toBeLessThan(0.005);
  });
  test("HPC_CAPACITY is MW energised: 340 by the end of 2025, all 572 by 2026 (bear: 2027), short of the 1 GW target", () => {
    // 2025: tranche 1 (2025-07-15), tranches 2 and 5 (2025-12-01): 200 + 70 + 70.
    expect(F.hpcCapacity(2025)).toBe(340);
    expect(F.hpcCapacity(2026)).toBe(572);
    expect(F.hpcCapacity(2027)).toBe(572);
    expect(F.hpcCapacity(2027, [["bull"]])).toBe(572);
    // Bear's 9 months move tranches 3 (2026-06-01) and 4 (2026-10-01) into 2027.
    expect(F.hpcCapacity(2026, [["bear"]])).toBe(340);
    expect(F.hpcCapacity(2027, [["bear"]])).toBe(572);
    expect(F.hpcCapacity(2040)).toBe(572);
  });
  test("HPC_CAPACITY follows each tranche's energised date, DEAL_REVENUE its billing start", () => {
    const energiseLater = [["t4_energised", "2027-03-01"]];
    expect(F.hpcCapacity(2026, energiseLater)).toBe(572 - 120);
    expect(F.dealRevenue(2026, energiseLater)).toBe(F.dealRevenue(2026));
    const billLater = [["t4_start", "2027-03-01"]];
    expect(F.hpcCapacity(2026, billLater)).toBe(572);
    expect(F.dealRevenue(2026, billLater)).toBeLessThan(F.dealRevenue(2026));
  });
  test("CAPACITY: energised (default, as HPC_CAPACITY), contracted and pipeline MW", () => {
    expect(F.capacityFn(2027)).toBe(572);
    expect(F.capacityFn(2025, undefined, "energised")).toBe(F.hpcCapacity(2025));
    // Tranches 1-4 were contracted in 2024 (200 + 70 + 112 + 120), the Denton expansion on 2025-02-26.
    expect(F.capacityFn(2024, undefined, "contracted")).toBe(502);
    expect(F.capacityFn(2025, [["bear"]], "contracted")).toBe(572);
    expect(F.capacityFn(2027, undefined, "pipeline")).toBe(730);
    expect(F.capacityFn(2027, [["pipeline_hunt_county_mw", 0]], "pipeline")).toBe(300);
    const e = excelError(() => F.capacityFn(2027, undefined, "planned"));
    expect(e).toEqual({ code: "#N/A", message: 'unknown measure "planned"; use one of energised, contracted, pipeline' });
  });
  test("SCENARIO_VALUE reads assumptions by key or label", () => {
    expect(F.scenarioValue("term_years")).toBe(12);
    expect(F.scenarioValue("Contract term")).toBe(12);
    expect(F.scenarioValue("licence_margin", [["bull"]])).toBe(0.85);
    expect(TRANCHE_IDS.reduce((s, id) => s + F.scenarioValue(`${id}_mw`), 0)).toBe(572);
    expect(F.scenarioValue("Tranche 5 (Denton expansion): critical IT load")).toBe(70);
    expect(F.scenarioValue("target_mw")).toBe(1000);
    // A date comes back as an Excel serial: 2025-07-15 is 45853 (2025-05-01 = 45778, + 75 days).
    expect(F.scenarioValue("t1_start")).toBe(45853);
  });
});

describe("values match the model", () => {
  test("DEAL_REVENUE and GROSS_PROFIT equal the model's rows, to the cent", () => {
    for (const row of base.years) {
      expect(F.dealRevenue(row.year)).toBeCloseTo(row.revenue, 2);
      expect(F.grossProfit(row.year)).toBeCloseTo(row.grossProfit, 2);
    }
  });
  test("years with no billing return 0, not an error", () => {
    expect(F.dealRevenue(2020)).toBe(0);
    expect(F.dealRevenue(2060)).toBe(0);
    expect(F.grossProfit(1900)).toBe(0);
    expect(F.hpcCapacity(2024)).toBe(0);
  });
  test("a date stands for its year", () => {
    // 46568 = 2027-06-29
    expect(F.dealRevenue(46568)).toBe(F.dealRevenue(2027));
  });
  test("numeric text is accepted", () => {
    expect(F.dealRevenue("2027")).toBe(F.dealRevenue(2027));
    expect(F.dealRevenue(" 2028 ")).toBeCloseTo(850_000_000, 4);
    expect(F.dealNpvFn("10%")).toBe(F.dealNpvFn(0.1));
  });
  test("DEAL_NPV equals the model's NPV of gross profit", () => {
    const npv = dealNpv(base, 0.1);
    if (!npv.ok) throw new Error("npv failed");
    expect(F.dealNpvFn(0.1)).toBeCloseTo(npv.value, 2);
    // Undiscounted and valued before any billing, it is the licence margin on the TCV; valued at
    // the data's as-of date (the default), what was earned before it is left out.
    expect(F.dealNpvFn(0, [["valuation_date", "2025-01-01"]])).toBeCloseTo(10_200_000_000 * 0.825, 2);
    expect(F.dealNpvFn(0, [["scenario", "seed"], ["valuation_date", "2025-01-01"]])).toBeCloseTo(8_700_000_000 * 0.775, 2);
    const t0 = valuationTime(base.scenario.values.valuation_date);
    if (!t0.ok) throw new Error("valuation date");
    const earnedBefore = base.tranches.reduce((s, t) => s + trancheRevenue(t, 2020, t0.value), 0);
    expect(earnedBefore).toBeGreaterThan(100e6); // 2025 and 2026 to 10 May
    expect(F.dealNpvFn(0)).toBeCloseTo((10_200_000_000 - earnedBefore) * 0.825, 2);
    expect(F.dealNpvFn(0.1, [["valuation_date", 46182]])).toBe(F.dealNpvFn(0.1)); // 2026-06-09 as an Excel date
    expect(F.dealNpvFn(0.12)).toBeLessThan(F.dealNpvFn(0.1));
  });
  test("DEAL_SCHEDULE spills a header and one row per billing year", () => {
    const t = F.dealSchedule();
    expect(t[0]).toEqual(["Year", "Revenue (USD)", "Gross profit (USD)", "Billable MW (avg)", "Reported revenue (USD)", "Reported margin"]);
    expect(t.length).toBe(base.years.length + 1);
    expect(t[1][0]).toBe(2025);
    const total = t.slice(1).reduce((s, r) => s + (r[1] as number), 0);
    expect(total).toBeCloseTo(10_200_000_000, 0);
    // Every one of the 572 MW bills all of 2028; in the seed, all 500 MW bill all of 2027.
    expect(t.find((r) => r[0] === 2028)![3]).toBeCloseTo(572, 9);
    expect(F.dealSchedule([["seed"]]).find((r) => r[0] === 2027)![3]).toBeCloseTo(500, 9);
    expect(t.every((r) => r.length === 6)).toBe(true);
    expect(t.flat().some((v) => typeof v === "number" && !Number.isFinite(v))).toBe(false);
  });
  test("CAPACITY_SCHEDULE spills year, totals and the target", () => {
    const t = F.capacityScheduleFn();
    expect(t[0]).toEqual(["Year", "Contracted MW", "Energised MW", "Pipeline MW (not contracted)", "Target MW", "Contracted vs target MW", "Energised vs target MW"]);
    const y2027 = t.find((r) => r[0] === 2027)!;
    expect(y2027).toEqual([2027, 572, 572, 730, 1000, 572 - 1000, 572 - 1000]);
    expect(F.capacityScheduleFn([["seed"]]).find((r) => r[0] === 2027)).toEqual([2027, 570, 570, 730, 1000, -430, -430]);
    for (const r of t.slice(1)) {
      expect(r[2]).toBe(F.hpcCapacity(r[0]));
      expect(r[5]).toBe((r[1] as number) - (r[4] as number));
      expect(r[6]).toBe((r[2] as number) - (r[4] as number));
    }
  });
  test("ASSUMPTIONS spills every assumption with its source", () => {
    const t = F.assumptionsFn();
    expect(t[0]).toEqual(["Key", "Label", "Group", "Unit", "Value", "Base", "Source", "As of"]);
    const term = t.find((r) => r[0] === "term_years")!;
    expect(term[4]).toBe(12);
    const t1 = t.find((r) => r[0] === "t1_start")!;
    expect(t1[4]).toBe("2025-07-15");
    expect(F.assumptionsFn([["seed"]]).find((r) => r[0] === "t1_start")![4]).toBe("2025-05-01");
    expect(t.slice(1).every((r) => typeof r[6] === "string" && (r[6] as string).length > 0)).toBe(true);
  });
  test("SCENARIOS lists base, seed, bull and bear", () => {
    expect(F.scenariosFn().map((r) => r[0])).toEqual(["Scenario", "base", "seed", "bull", "bear"]);
  });
  test("MARGIN_BRIDGE walks from the licence margin to the filed margin", () => {
    const t = F.marginBridgeFn();
    const v = Object.fromEntries(t.slice(1).map((r) => [r[0], r[1] as number]));
    expect(v["Licence-fee gross margin"]).toBe(0.825);
    expect(v["Reported margin filed"]).toBe(0.26);
    const walk = v["Licence-fee gross margin"] + v["Less: dilution by pass-through power"] + v["Less: not explained by power (ramp-phase and other costs)"];
    expect(walk).toBeCloseTo(0.26, 12);
  });
});

describe("scenario argument", () => {
  test("a two-column override range drives the function", () => {
    const range = [
      ["assumption", "value"],
      ["renewal_options", 1],
      ["renewal_repricing", 0],
    ];
    // One five-year renewal at the same flat price: each tranche earns value / 12 a year, 850M in all, for 5 more years.
    expect(F.dealTcv(range, true)).toBeCloseTo(10_200_000_000 + 850_000_000 * 5, 2);
    expect(F.dealTcv(range)).toBe(10_200_000_000); // TCV itself never counts an option
    // Without the row, the renewal takes base's price change to the deal library's market rent (+21.77%).
    expect(F.dealTcv([["scenario", "seed"], ["renewal_options", 1]], true)).toBeCloseTo(8_700_000_000 + 500 * 1_450_000 * 1.2177 * 5, 2);
  });
  test("overrides apply on top of a chosen scenario", () => {
    const m = F.grossMargin([
      ["scenario", "bear"],
      ["delay_months", 0],
    ]);
    expect(m).toBe(0.8);
    // Bear's 9-month delay moves tranches 3 and 4 (112 + 120 MW) into 2027; without it they energise in 2026.
    expect(F.hpcCapacity(2026, [["bear"]])).toBe(340);
    expect(F.hpcCapacity(2026, [["scenario", "bear"], ["delay_months", 0]])).toBe(572);
  });
  test("blank rows in an override range are skipped", () => {
    expect(F.revenuePerMw([["t1_value", 3.5e9], [null, null], ["", ""]])).toBe(F.revenuePerMw());
    expect(F.revenuePerMw([["t1_value", 3.5e9], [null, null], ["", ""], ["scenario", "seed"]])).toBe(1_450_000);
  });
  test("scenario names are forgiving about case and spaces", () => {
    expect(F.grossMargin([["  BULL "]])).toBe(0.85);
  });
  test("unknown scenario is #N/A with the valid names", () => {
    const e = excelError(() => F.dealTcv([["moon"]]));
    expect(e.code).toBe("#N/A");
    expect(e.message).toBe('unknown scenario "moon"; built-in scenarios are base, seed, bull, bear');
  });
  test("unknown assumption is #N/A and names the valid ones", () => {
    const e = excelError(() => F.dealTcv([["tranche_99", 5]]));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/^unknown assumption "tranche_99"; valid names are term_years, /);
  });
  test("an out-of-range override is #VALUE! with the allowed range", () => {
    const e = excelError(() => F.dealTcv([["term_years", -3]]));
    expect(e).toEqual({ code: "#VALUE!", message: "term_years must be a whole number of years from 1 to 30, got -3" });
  });
  test("a three-column range is #VALUE!", () => {
    const e = excelError(() => F.dealTcv([["term_years", 12, "x"]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("two columns");
  });
  test("a number or boolean as scenario is #VALUE!", () => {
    expect(excelError(() => F.dealTcv([[3]])).code).toBe("#VALUE!");
    expect(excelError(() => F.dealTcv([[true]])).code).toBe("#VALUE!");
  });
  test("an override row without a value is #VALUE!", () => {
    const e = excelError(() => F.dealTcv([["term_years", null]]));
    expect(e.message).toBe('scenario row 1 ("term_years") has no value');
  });
  test("an error value inside the range is #VALUE!", () => {
    expect(excelError(() => F.dealTcv([["term_years", { type: "Error", code: "#DIV/0!" }]])).code).toBe("#VALUE!");
  });
  test("a tranche with value but no MW is #VALUE!", () => {
    const e = excelError(() => F.dealTcv([["t1_mw", 0]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("t1_mw is 0");
  });
});

describe("awkward year arguments", () => {
  const yearFns: Array<[string, (y: unknown) => unknown]> = [
    ["DEAL_REVENUE", (y) => F.dealRevenue(y)],
    ["GROSS_PROFIT", (y) => F.grossProfit(y)],
    ["HPC_CAPACITY", (y) => F.hpcCapacity(y)],
    ["CAPACITY", (y) => F.capacityFn(y)],
  ];
  for (const [name, fn] of yearFns) {
    for (const [label, value, code] of AWKWARD_YEAR) {
      test(`${name} with ${label} gives ${code}`, () => {
        const e = excelError(() => fn(value));
        expect(e.code).toBe(code);
        if (code === "#VALUE!") expect(e.message.length).toBeGreaterThan(5);
      });
    }
  }
  test("a 1x1 range is unwrapped", () => {
    expect(F.dealRevenue([[2027]])).toBe(F.dealRevenue(2027));
    expect(F.dealRevenue([[2027]], [["seed"]])).toBe(725_000_000);
  });
  test("messages name the argument", () => {
    expect(excelError(() => F.dealRevenue("next year")).message).toBe('year must be a number, got "next year"');
    expect(excelError(() => F.dealRevenue(null)).message).toBe("year is required");
    expect(excelError(() => F.dealRevenue(2027.5)).message).toBe("year must be a whole calendar year such as 2027, got 2027.5");
  });
});

describe("other awkward arguments", () => {
  test("DEAL_NPV rate: blank, text, boolean, range, -100%", () => {
    expect(excelError(() => F.dealNpvFn(null)).code).toBe("#VALUE!");
    expect(excelError(() => F.dealNpvFn("ten")).code).toBe("#VALUE!");
    expect(excelError(() => F.dealNpvFn(false)).code).toBe("#VALUE!");
    expect(excelError(() => F.dealNpvFn([[0.1, 0.2]])).code).toBe("#VALUE!");
    expect(excelError(() => F.dealNpvFn(-1)).code).toBe("#DIV/0!");
  });
  test("DEAL_NPV at a huge rate is a small finite number, never NaN", () => {
    const v = F.dealNpvFn(1e6);
    expect(Number.isFinite(v)).toBe(true);
    // The nearest flow is the rest of 2026 (~260M USD), received 206/365 of a year after the valuation date (2026-06-09).
    expect(Math.abs(v)).toBeLessThan(2e5);
    expect(Math.abs(F.dealNpvFn(1e6, [["valuation_date", "2025-01-01"]]))).toBeLessThan(1000);
  });
  test("CONTRACT_YEAR_REVENUE: zero, fraction and huge contract years are out of range or the wrong type: #VALUE! saying so", () => {
    expect(excelError(() => F.contractYearRevenue(0))).toEqual({ code: "#VALUE!", message: "contract_year must be a whole number from 1 to 100, got 0" });
    expect(excelError(() => F.contractYearRevenue(1.5))).toEqual({ code: "#VALUE!", message: "contract_year must be a whole number from 1 to 100, got 1.5" });
    expect(excelError(() => F.contractYearRevenue(1e9)).code).toBe("#VALUE!");
  });
  test("GROSS_MARGIN view: aliases and unknown views", () => {
    expect(F.grossMargin(undefined, "License")).toBe(0.825);
    expect(F.grossMargin(undefined, "licence fee")).toBe(0.825);
    const e = excelError(() => F.grossMargin(undefined, "ebitda"));
    expect(e).toEqual({ code: "#N/A", message: 'unknown view "ebitda"; use one of licence, reported' });
    expect(excelError(() => F.grossMargin(undefined, 3)).code).toBe("#VALUE!");
  });
  test("SCENARIO_VALUE: unknown name, blank and number", () => {
    expect(excelError(() => F.scenarioValue("colour")).code).toBe("#N/A");
    // One meaning per key: the retired valuation_year is not read as a date, and says what replaced it.
    expect(excelError(() => F.scenarioValue("valuation_year")).code).toBe("#N/A");
    expect(excelError(() => F.scenarioValue("Valuation year")).message).toMatch(/valuation_date/);
    expect(excelError(() => F.dealNpvFn(0.1, [["valuation_year", 2027]])).message).toMatch(/valuation_date/);
    expect(F.scenarioValue("valuation_date")).toBe(46182); // the data's as-of date, 2026-06-09
    // The 450 MW placeholder is gone: its keys say what took its place.
    expect(excelError(() => F.scenarioValue("expansion_mw")).message).toMatch(/pipeline_hunt_county_mw/);
    expect(excelError(() => F.hpcCapacity(2027, [["expansion_date", 46000]])).message).toMatch(/was removed/);
    expect(excelError(() => F.scenarioValue(null)).message).toBe("name is required");
    expect(excelError(() => F.scenarioValue(12)).code).toBe("#VALUE!");
  });
});
