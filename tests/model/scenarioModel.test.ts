import * as formulajs from "@formulajs/formulajs";
import fc from "fast-check";
import { ASSUMPTIONS } from "../../src/model/assumptions";
import { capacityLines } from "../../src/model/capacity";
import { buildTranches } from "../../src/model/deal";
import { marginBridge } from "../../src/model/margins";
import { isModelError } from "../../src/model/result";
import { Override, resolveScenario, validateAssumption } from "../../src/model/scenarios";
import {
  MODEL_FIRST_YEAR,
  MODEL_LAST_YEAR,
  capacitySchedule,
  capacityYears,
  computeScenario,
  dealNpv,
  runScenario,
  yearRow,
} from "../../src/model/scenarioModel";
import { anyValidOverrides, deepFreeze, model, numbersIn, unwrap } from "./helpers";

const base = model("base");

describe("the base scenario, computed", () => {
  test("hand-checked 2025 revenue: tranche 1 98,554,033.49 + tranche 2 8,553,621.69 = 107,107,655.18 USD", () => {
    // Tranche 1: (3.5B / 12) x 74/219 (see deal.test.ts).
    // Tranche 2 starts 2025-09-01 = 2025 + 243/365 with an 8-month ramp still running at year end:
    // share-years = x^2 / (2r) with x = 122/365, r = 2/3, i.e. (122/365)^2 x 0.75 = 0.0837898;
    // revenue = (1.225B / 12) x 0.0837898 = 8,553,621.69 USD.
    const t2 = (1.225e9 / 12) * (122 / 365) ** 2 * 0.75;
    expect(t2).toBeCloseTo(8_553_621.69, 2);
    expect(base.years[0].revenueByTranche[1]).toBeCloseTo(t2, 4);
    expect(base.years[0].revenue).toBeCloseTo(3.5e9 * 74 / 2628 + t2, 4);
    expect(base.years[0].revenue).toBeCloseTo(107_107_655.18, 2);
  });

  test("NPV of base gross profit at 10%, as of 2025-01-01, equals Excel's NPV over the year row", () => {
    const gp = base.years.map((y) => y.grossProfit);
    const v = unwrap(dealNpv(base, 0.1));
    expect(v).toBeCloseTo(formulajs.NPV(0.1, ...gp) as number, 4);
    expect(v).toBeCloseTo(3_446_940_411.24, 2);
    // Undiscounted, it is the licence margin on the TCV.
    expect(unwrap(dealNpv(base, 0))).toBeCloseTo(0.775 * 8.7e9, 3);
  });

  test("an earlier valuation year discounts one more year; a later one drops earlier years; none left is #NUM!", () => {
    const v2025 = unwrap(dealNpv(base, 0.1));
    const m2024 = model("base", [["valuation_year", 2024]]);
    expect(unwrap(dealNpv(m2024, 0.1))).toBeCloseTo(v2025 / 1.1, 3);
    const m2027 = model("base", [["valuation_year", 2027]]);
    const gpFrom2027 = base.years.filter((y) => y.year >= 2027).map((y) => y.grossProfit);
    expect(unwrap(dealNpv(m2027, 0.1))).toBeCloseTo(formulajs.NPV(0.1, ...gpFrom2027) as number, 3);
    const r = dealNpv(model("base", [["valuation_year", 2040]]), 0.1);
    expect(r).toEqual({ ok: false, error: { kind: "num", message: "no gross profit on or after the valuation year 2040" } });
    expect(dealNpv(base, -1).ok ? "ok" : "error").toBe("error");
  });

  test("a delay lowers NPV: bear at base's 10% is below base", () => {
    expect(unwrap(dealNpv(model("bear"), 0.1))).toBeLessThan(unwrap(dealNpv(base, 0.1)));
  });

  test("yearRow: the computed row, or zeros in a year with no billing", () => {
    expect(yearRow(base, 2030)).toBe(base.years.find((y) => y.year === 2030));
    expect(yearRow(base, 2050)).toEqual({
      year: 2050,
      revenue: 0,
      revenueByTranche: [0, 0, 0, 0],
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
