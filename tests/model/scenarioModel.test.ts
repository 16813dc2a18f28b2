import * as formulajs from "@formulajs/formulajs";
import fc from "fast-check";
import { ASSUMPTIONS } from "../../src/model/assumptions";
import { capacityLines } from "../../src/model/capacity";
import { buildTranches } from "../../src/model/deal";
import { marginBridge } from "../../src/model/margins";
import { isModelError } from "../../src/model/result";
import { Override, resolveScenario, scenarioNames, validateAssumption } from "../../src/model/scenarios";
import {
  MODEL_FIRST_YEAR,
  MODEL_LAST_YEAR,
  capacitySchedule,
  capacityYears,
  computeScenario,
  dealNpv,
  discountFlows,
  npvFlows,
  runScenario,
  valuationTime,
  yearRow,
} from "../../src/model/scenarioModel";
import { DATA_AS_OF } from "../../src/model/asOf";
import { fromExcelSerial, toIso } from "../../src/model/dates";
import { anyValidOverrides, deepFreeze, model, numbersIn, unwrap } from "./helpers";

const base = model("base");
/** The brief's deal on its pre-slip schedule: the hand-checked figures below are worked out on it. */
const seed = model("seed");

describe("the seed scenario, computed", () => {
  test("hand-checked 2025 revenue: tranche 1 98,554,033.49 + tranche 2 8,553,621.69 = 107,107,655.18 USD", () => {
    // Tranche 1: (3.5B / 12) x 74/219 (see deal.test.ts).
    // Tranche 2 starts 2025-09-01 = 2025 + 243/365 with an 8-month ramp still running at year end:
    // share-years = x^2 / (2r) with x = 122/365, r = 2/3, i.e. (122/365)^2 x 0.75 = 0.0837898;
    // revenue = (1.225B / 12) x 0.0837898 = 8,553,621.69 USD.
    const t2 = (1.225e9 / 12) * (122 / 365) ** 2 * 0.75;
    expect(t2).toBeCloseTo(8_553_621.69, 2);
    expect(seed.years[0].year).toBe(2025);
    expect(seed.years[0].revenueByTranche[1]).toBeCloseTo(t2, 4);
    expect(seed.years[0].revenue).toBeCloseTo(3.5e9 * 74 / 2628 + t2, 4);
    expect(seed.years[0].revenue).toBeCloseTo(107_107_655.18, 2);
  });

  test("NPV of seed gross profit at 10%, valued 2025-01-01, equals Excel's NPV over the year row (the old 1 January convention)", () => {
    const from2025 = model("seed", [["valuation_date", "2025-01-01"]]);
    const gp = from2025.years.map((y) => y.grossProfit);
    const v = unwrap(dealNpv(from2025, 0.1));
    expect(v).toBeCloseTo(formulajs.NPV(0.1, ...gp) as number, 4);
    expect(v).toBeCloseTo(3_446_940_411.24, 2);
    // Undiscounted, it is the licence margin on the TCV.
    expect(unwrap(dealNpv(from2025, 0))).toBeCloseTo(0.775 * 8.7e9, 3);
  });

  test("every built-in scenario is valued at the data's as-of date (2026-06-09); seed's NPV at 10% is 3,730,797,170.71 USD", () => {
    for (const name of scenarioNames()) {
      expect([name, toIso(unwrap(fromExcelSerial(model(name).scenario.values.valuation_date)))]).toEqual([name, DATA_AS_OF]);
    }
    // The previous base case's figure: seed keeps its tranches, schedule and margin (see seed.test.ts).
    expect(unwrap(dealNpv(seed, 0.1))).toBeCloseTo(3_730_797_170.71, 2);
    // Base: on the same date, the same NPV as valuing its year rows by hand from the date on.
    const flows = unwrap(npvFlows(base));
    const byHand = flows.reduce((s, f) => s + f.grossProfit / 1.1 ** f.years, 0);
    expect(unwrap(dealNpv(base, 0.1))).toBeCloseTo(byHand, 3);
    expect(flows[0].year).toBe(2026);
  });
});

describe("valuation date: flows before it are history, each year's from its year end", () => {
  // One tranche of 100 MW at 1M USD per MW-year from 2025-01-01 (no ramp) for 12 years, 50%
  // margin: 50M USD of gross profit in every year 2025..2036, earned evenly through the year.
  const FLAT: Override[] = [
    ...ASSUMPTIONS.filter((a) => /^t\d+_(mw|value)$/.test(a.key)).map((a): Override => [a.key, 0]),
    ["t1_mw", 100],
    ["t1_value", 1.2e9],
    ["t1_start", "2025-01-01"],
    ["t1_ramp_months", 0],
    ["escalator", 0],
    ["renewal_options", 0],
    ["delay_months", 0],
    ["licence_margin", 0.5],
  ];
  const G = 50e6;
  const at = (date: string, extra: Override[] = []) => model("base", [...FLAT, ...extra, ["valuation_date", date]]);
  const pv = (date: string, rate: number, extra: Override[] = []) => unwrap(dealNpv(at(date, extra), rate));
  /** Sum of G / 1.1^(y + 1 - t0) over the years y from `first` to 2036 (t0 a decimal year). */
  const fullYears = (first: number, t0: number) => {
    let sum = 0;
    for (let y = first; y <= 2036; y++) sum += G / 1.1 ** (y + 1 - t0);
    return sum;
  };

  test("on 1 January: every later year in full, the first discounted one year (Excel's NPV)", () => {
    expect(pv("2025-01-01", 0.1)).toBeCloseTo(fullYears(2025, 2025), 4);
    expect(pv("2025-01-01", 0.1)).toBeCloseTo(formulajs.NPV(0.1, ...new Array<number>(12).fill(G)) as number, 4);
    // 2025 ends on the valuation date 2026-01-01: earned before it, so history, not value.
    expect(pv("2026-01-01", 0.1)).toBeCloseTo(fullYears(2026, 2026), 4);
  });

  test("inside a year: only the part from the date on counts, received at the year end", () => {
    // 2026-05-10 is day 129 of 365: t0 = 2026 + 129/365; 236/365 of 2026's gross profit remains.
    const t0 = 2026 + 129 / 365;
    const expected = (G * 236) / 365 / 1.1 ** (236 / 365) + fullYears(2027, t0);
    expect(pv("2026-05-10", 0.1)).toBeCloseTo(expected, 4);
    const flows = unwrap(npvFlows(at("2026-05-10")));
    expect(flows[0].year).toBe(2026);
    expect(flows[0].grossProfit).toBeCloseTo((G * 236) / 365, 4);
    expect(flows[0].years).toBeCloseTo(236 / 365, 12);
    // A leap year has 366 days: 2028-07-02 is day 183, t0 = 2028.5 exactly.
    expect(unwrap(valuationTime(unwrap(resolveScenario("base", [["valuation_date", "2028-07-02"]])).values.valuation_date))).toBe(2028.5);
  });

  test("inside a ramp: the part from the date on is integrated over the ramp", () => {
    // Start 2026-01-01 with a 12-month ramp; valued 2026-05-10 (x = 129/365 into the ramp):
    // 2026 bills 100 MW x 1M x (1/2 - x^2/2) from the date on, at 50% margin.
    const x = 129 / 365;
    const ramp: Override[] = [["t1_start", "2026-01-01"], ["t1_ramp_months", 12]];
    const flows = unwrap(npvFlows(at("2026-05-10", ramp)));
    expect(flows[0].grossProfit).toBeCloseTo(0.5 * 100e6 * (0.5 - (x * x) / 2), 4);
  });

  test("a flow on the valuation date is undiscounted; a later date scales what is left by (1 + rate) and drops the year before", () => {
    expect(unwrap(discountFlows([{ year: 2025, grossProfit: 123, years: 0 }], 0.1))).toBe(123);
    expect(unwrap(discountFlows([{ year: 2025, grossProfit: 110, years: 1 }, { year: 2026, grossProfit: 121, years: 2 }], 0.1))).toBeCloseTo(200, 9);
    // 2026-05-10 -> 2027-05-10 (both day 129 of 365): what is earned in between (the rest of
    // 2026 and 2027 up to the date) drops out; every later flow gains one year of interest.
    const a = 236 / 365;
    const v0 = pv("2026-05-10", 0.1);
    const v1 = pv("2027-05-10", 0.1);
    const earnedBetween = (G * a) / 1.1 ** a + (G * (1 - a)) / 1.1 ** (a + 1); // rest of 2026, then 2027 up to the date
    expect(v1).toBeCloseTo((v0 - earnedBetween) * 1.1, 3);
    // The base scenario too, on 1 January: one year later = (NPV - the first year's flow) x 1.1.
    const b0 = model("base", [["valuation_date", "2027-01-01"]]);
    const b1 = model("base", [["valuation_date", "2028-01-01"]]);
    const first = yearRow(b0, 2027).grossProfit / 1.1;
    expect(unwrap(dealNpv(b1, 0.1))).toBeCloseTo((unwrap(dealNpv(b0, 0.1)) - first) * 1.1, 3);
  });

  test("TCV, revenue by year and gross profit do not depend on the valuation date", () => {
    const early = model("base", [["valuation_date", "2020-01-01"]]);
    const late = model("base", [["valuation_date", "2031-08-17"]]);
    expect(late.tcv).toBe(early.tcv);
    expect(late.years).toEqual(early.years);
    expect(late.contractYears).toEqual(early.contractYears);
  });

  test("a date before the first billing discounts the whole schedule; after the last billing it is #NUM!; a rate of -100% is #DIV/0!", () => {
    expect(pv("2024-01-01", 0.1)).toBeCloseTo(pv("2025-01-01", 0.1) / 1.1, 3);
    expect(dealNpv(model("base", [["valuation_date", "2060-01-01"]]), 0.1)).toEqual({
      ok: false,
      error: { kind: "num", message: "no gross profit is earned after the valuation date 2060-01-01" },
    });
    expect(dealNpv(base, -1)).toEqual({ ok: false, error: { kind: "div0", message: "rate of -100% divides by zero" } });
    expect(dealNpv(base, -1.5).ok).toBe(false);
  });

  test("valuation_year is retired: an override naming it is #N/A naming valuation_date", () => {
    const r = resolveScenario("base", [["valuation_year", 2027]]);
    expect(r.ok ? "ok" : `${r.error.kind}: ${r.error.message}`).toMatch(/^na: .*valuation_date/);
  });
  test("a delay lowers NPV: bear at base's 10% is below base", () => {
    expect(unwrap(dealNpv(model("bear"), 0.1))).toBeLessThan(unwrap(dealNpv(base, 0.1)));
  });

  test("yearRow: the computed row, or zeros in a year with no billing", () => {
    expect(yearRow(base, 2030)).toBe(base.years.find((y) => y.year === 2030));
    expect(yearRow(base, 2050)).toEqual({
      year: 2050,
      revenue: 0,
      revenueByTranche: [0, 0, 0, 0, 0], // one per tranche: five in base
      mwBillable: 0,
      mwBillableEnd: 0,
      grossProfit: 0,
      passThroughPower: 0,
      reportedRevenue: 0,
      reportedMargin: undefined,
    });
  });

  test("capacity years cover first energisation to the target year", () => {
    expect(capacityYears(base)).toEqual({ first: 2025, last: 2027 });
    expect(capacitySchedule(base, 2027, 2026)).toEqual([]);
  });

  test("the model's years sit inside the model's reporting range", () => {
    for (const y of base.years) {
      expect(y.year).toBeGreaterThanOrEqual(MODEL_FIRST_YEAR);
      expect(y.year).toBeLessThanOrEqual(MODEL_LAST_YEAR);
    }
  });

  test("pure: the same inputs give the same numbers", () => {
    expect(model("bear", [["t1_mw", 180]])).toEqual(model("bear", [["t1_mw", 180]]));
  });
});

describe("no NaN anywhere", () => {
  test("a contract value on a vanishingly small MW is #NUM!, not NaN or Infinity", () => {
    for (const mw of [5e-324, 1e-310]) {
      const r = runScenario("base", [["t1_mw", mw]]);
      expect(r.ok ? "ok" : r.error.kind).toBe("num");
    }
  });

  test("property: for any valid overrides, runScenario gives finite numbers everywhere, or a ModelError", () => {
    let computed = 0;
    fc.assert(
      fc.property(fc.constantFrom("base", "bull", "bear"), anyValidOverrides, (name, overrides: Override[]) => {
        // Every generated value is itself valid.
        for (const [k, v] of overrides) {
          expect(validateAssumption(ASSUMPTIONS.find((a) => a.key === k)!, v).ok).toBe(true);
        }
        const r = runScenario(name, overrides);
        if (!r.ok) {
          expect(isModelError(r.error)).toBe(true);
          expect(["value", "num", "na", "div0"]).toContain(r.error.kind);
          expect(r.error.message.trim()).not.toBe("");
          return;
        }
        computed++;
        const m = r.value;
        for (const [path, x] of numbersIn(m)) {
          if (!Number.isFinite(x)) throw new Error(`${path} = ${x}`);
        }
        for (const y of m.years) expect(y.reportedMargin === undefined || Number.isFinite(y.reportedMargin)).toBe(true);
        const { first, last } = capacityYears(m);
        for (const [path, x] of numbersIn(capacitySchedule(m, first, last))) {
          if (!Number.isFinite(x)) throw new Error(`capacity ${path} = ${x}`);
        }
        const npv = dealNpv(m, m.scenario.values.discount_rate);
        if (npv.ok) expect(Number.isFinite(npv.value)).toBe(true);
        else expect(isModelError(npv.error)).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(computed).toBeGreaterThan(150); // most generated scenarios compute: the property is not vacuous
  });
});

describe("inputs are never mutated", () => {
  const overrides: Override[] = [
    ["scenario", "bear"],
    ["Contract term", 15],
    ["t1_start", "2025-06-01"],
    ["t2_start", 45901],
    ["escalator", "2%"],
    ["renewal_options", 1],
  ];
  const copy = JSON.parse(JSON.stringify(overrides));

  test("a deep-frozen overrides array goes through every public function unchanged", () => {
    const frozen = deepFreeze(overrides.map((o) => [...o] as const));
    expect(() => resolveScenario("base", frozen)).not.toThrow();
    expect(() => runScenario("base", frozen)).not.toThrow();
    expect(unwrap(runScenario("base", frozen)).scenario.name).toBe("bear + 5 overrides");
    expect(JSON.parse(JSON.stringify(frozen))).toEqual(copy);
  });

  test("frozen resolved scenarios, assumptions and tranches are only read", () => {
    const s = deepFreeze(unwrap(resolveScenario("bear", overrides)));
    const before = JSON.stringify(s);
    const m = unwrap(computeScenario(s));
    const tranches = deepFreeze(unwrap(buildTranches(s.values)));
    expect(() => capacityLines(s.values, tranches)).not.toThrow();
    expect(() => marginBridge(s.values, 1_450_000)).not.toThrow();
    expect(JSON.stringify(s)).toBe(before);
    expect(m.scenario).toBe(s);
  });

  test("a frozen model can still be queried", () => {
    const m = deepFreeze(model("bull"));
    const before = JSON.stringify(m);
    expect(() => {
      yearRow(m, 2030);
      yearRow(m, 2100);
      capacitySchedule(m, 2024, 2030);
      capacityYears(m);
      dealNpv(m, 0.1);
    }).not.toThrow();
    expect(JSON.stringify(m)).toBe(before);
  });
});
