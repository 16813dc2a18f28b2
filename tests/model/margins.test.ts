import fc from "fast-check";
import { HOURS_PER_YEAR, marginBridge, powerPassThrough, reportedMargin } from "../../src/model/margins";
import { resolveScenario } from "../../src/model/scenarios";
import { model, unwrap } from "./helpers";

const baseValues = unwrap(resolveScenario("base")).values;

describe("powerPassThrough", () => {
  test("hand-checked: 1 MW-year at PUE 1.56 and 80.6 USD/MWh is 1,101,447.36 USD", () => {
    // 1 MW x 1.56 x 8,760 h = 13,665.6 MWh; x 80.6 USD/MWh = 1,101,447.36 USD.
    expect(HOURS_PER_YEAR).toBe(8760);
    expect(powerPassThrough(1, { load_factor: 1, pue: 1.56, power_price: 80.6 })).toBeCloseTo(1_101_447.36, 6);
  });

  test("hand-checked base: 1 MW-year at the AI-hall PUE 1.18 and the company's 40 USD/MWh is 413,472 USD", () => {
    // 1 MW x 1.18 x 8,760 h = 10,336.8 MWh; x 40 USD/MWh = 413,472 USD (load factor 1).
    expect([baseValues.pue, baseValues.power_price, baseValues.load_factor]).toEqual([1.18, 40, 1]);
    expect(powerPassThrough(1, baseValues)).toBeCloseTo(413_472, 6);
  });

  test("scales with MW-years, load factor, PUE and price", () => {
    expect(powerPassThrough(500, { load_factor: 0.5, pue: 1.2, power_price: 50 })).toBeCloseTo(500 * 0.5 * 1.2 * 8760 * 50, 4);
    expect(powerPassThrough(0, baseValues)).toBe(0);
  });
});

describe("reportedMargin", () => {
  test("hand-checked: 1.45M x 77.5% with 1.10M of power (PUE 1.56 at 80.6 USD/MWh) = 1,123,750 / 2,551,447.36 = 44.0%", () => {
    expect(reportedMargin(1_450_000, 0.775, 1_101_447.36)).toBeCloseTo(1_123_750 / 2_551_447.36, 12);
    expect(reportedMargin(1_450_000, 0.775, 1_101_447.36)).toBeCloseTo(0.4404, 4);
  });

  test("no power, no dilution; no revenue, no margin", () => {
    expect(reportedMargin(1_000, 0.775, 0)).toBe(0.775);
    expect(reportedMargin(0, 0.775, 0)).toBeUndefined();
  });

  test("property: lower than the licence margin whenever power > 0, with the same gross profit in dollars", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e10, noNaN: true }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e10, noNaN: true }),
        (licence, margin, power) => {
          const reported = reportedMargin(licence, margin, power)!;
          expect(reported).toBeLessThan(margin);
          expect(reported).toBeGreaterThan(0);
          expect(reported * (licence + power)).toBeCloseTo(licence * margin, 6 - Math.log10(licence * margin));
        },
      ),
    );
  });
});

describe("margin bridge", () => {
  test("base: 82.5% licence margin, 18.0 points of pass-through dilution, 38.5 points unexplained, 26% observed", () => {
    // Price 10.2B / 572 / 12 = 1,486,013.99; power 413,472 a MW-year; reported at run-rate
    // 1,486,013.99 x 0.825 / (1,486,013.99 + 413,472) = 1,225,961.54 / 1,899,485.99 = 0.645418.
    const b = model("base").marginBridge;
    const price = 10.2e9 / 572 / 12;
    expect(b.licenceMargin).toBe(0.825);
    expect(b.pricePerMwYear).toBeCloseTo(price, 6);
    expect(b.powerPerMwYear).toBeCloseTo(413_472, 6);
    expect(b.reportedAtRunRate).toBeCloseTo((price * 0.825) / (price + 413_472), 12);
    expect(b.reportedAtRunRate).toBeCloseTo(0.645418, 6);
    expect(b.passThroughEffect).toBeCloseTo(0.825 - 0.645418, 6);
    expect(b.observed).toBe(0.26);
    expect(b.unexplained).toBeCloseTo(0.645418 - 0.26, 6);
  });

  test("seed: 77.5% on 1.45M per MW-year with the same power: 1,123,750 / 1,863,472 = 60.3% at run-rate", () => {
    const b = model("seed").marginBridge;
    expect([b.licenceMargin, b.pricePerMwYear, b.powerPerMwYear]).toEqual([0.775, 1_450_000, 413_472]);
    expect(b.reportedAtRunRate).toBeCloseTo(1_123_750 / 1_863_472, 12);
    expect(b.passThroughEffect).toBeCloseTo(0.775 - 1_123_750 / 1_863_472, 12);
  });

  test("property: the bridge adds up, licence - dilution - unexplained = observed", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 1e8, noNaN: true }),
        (licence_margin, pue, power_price, observed, price) => {
          const a = { ...baseValues, licence_margin, pue, power_price, reported_margin_observed: observed };
          const b = marginBridge(a, price);
          expect(b.licenceMargin - b.passThroughEffect - b.unexplained).toBeCloseTo(b.observed, 12);
          // Dilution is never negative (up to rounding: m - L*m/(L + 0) can be -1e-146).
          expect(b.passThroughEffect).toBeGreaterThanOrEqual(-1e-15);
          expect(b.reportedAtRunRate).toBeLessThanOrEqual(b.licenceMargin + 1e-15);
        },
      ),
    );
  });

  test("every billing year: reported revenue = licence + power, and the reported margin is below the licence margin", () => {
    for (const name of ["base", "seed", "bull", "bear"]) {
      const m = model(name);
      for (const y of m.years) {
        expect(y.grossProfit).toBeCloseTo(y.revenue * m.licenceMargin, 3);
        expect(y.passThroughPower).toBeCloseTo(powerPassThrough(y.mwBillable, m.scenario.values), 3);
        expect(y.reportedRevenue).toBeCloseTo(y.revenue + y.passThroughPower, 3);
        expect(y.passThroughPower).toBeGreaterThan(0);
        expect(y.reportedMargin!).toBeLessThan(m.licenceMargin);
      }
      expect(m.reportedMarginTerm).toBeLessThan(m.licenceMargin);
      expect(m.reportedMarginTerm).toBeGreaterThan(0);
    }
  });

  test("with no pass-through power the reported margin equals the licence margin", () => {
    const m = model("base", [["power_price", 0]]);
    expect(m.reportedMarginTerm).toBeCloseTo(0.825, 12);
    expect(m.marginBridge.passThroughEffect).toBeCloseTo(0, 12);
  });
});
