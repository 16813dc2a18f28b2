/**
 * The Monte Carlo model: the seeded generator against published reference outputs, the
 * statistics against Excel's definitions (formulajs), and the simulation against cases that
 * can be computed by hand: no uncertainty gives the deterministic value (valuation.ts
 * `dealValue`, CORZ.DEAL_VALUE: the present value of free cash flow) on every path; a single
 * binary risk gives a known mean within sampling error.
 */
import fc from "fast-check";
import * as formulajs from "@formulajs/formulajs";
import { MAX_PATHS, RiskInput, RiskSummary, checkRiskInput, prepareRisk, runRisk, sortedNpvs, stepRisk, summariseRisk } from "../../src/model/risk/montecarlo";
import { MAX_SEED, Rng, Xoshiro128StarStar, splitMix64 } from "../../src/model/risk/random";
import { RiskSpec, certainSpec, defaultRiskSpec } from "../../src/model/risk/spec";
import { RISK_SETTINGS, riskSpecFromSettings } from "../../src/model/risk/settings";
import { sortedDealValues } from "../../src/model/risk/dealValues";
import * as stats from "../../src/model/risk/stats";
import { histogramSorted, niceStep, percentileSorted, percentilesUnsorted } from "../../src/model/risk/stats";
import { Override, ResolvedScenario, resolveScenario } from "../../src/model/scenarios";
import { averageContractPrice } from "../../src/model/assumptions";
import { LEASES } from "../../src/model/leases/data";
import { usdPerMwYear } from "../../src/model/leases/normalise";
import { ScenarioModel, valuationTime } from "../../src/model/scenarioModel";
import { cashFlowWindow, dealValue, valueFlows } from "../../src/model/valuation";
import { deepFreeze, model, numbersIn, relClose, unwrap } from "./helpers";

function scenario(name = "base", overrides: readonly Override[] = []): ResolvedScenario {
  return unwrap(resolveScenario(name, overrides));
}

function input(s: ResolvedScenario, sp: RiskSpec, paths: number, seed = 1, threshold?: number): RiskInput {
  return { scenario: s, spec: sp, paths, seed, threshold };
}

function run(i: RiskInput, opts: Parameters<typeof runRisk>[1] = {}): RiskSummary {
  const r = unwrap(runRisk(i, opts));
  if (r.status !== "done") throw new Error("expected the run to finish");
  return r.summary;
}

/**
 * The value of a path whose revenue in each year is scaled by `scale(year)` (a default: the
 * recovery share after the default year), summed here from the model's own cash-flow windows,
 * not by the simulator: site opex, overhead and maintenance capex follow revenue; capex and
 * depreciation stay as scheduled; tax is recomputed on the scaled EBITDA.
 */
function valueScaled(m: ScenarioModel, rate: number, scale: (year: number) => number): number {
  const v = m.scenario.values;
  const t0 = unwrap(valuationTime(v.valuation_date));
  return unwrap(valueFlows(m)).reduce((sum, f) => {
    const w = cashFlowWindow(m, Math.max(f.year, t0), f.year + 1);
    const revenue = w.licenceRevenue * scale(f.year);
    const ebitda = revenue * (v.licence_margin - v.overhead_rate);
    const tax = v.tax_rate * Math.max(0, ebitda - w.depreciation);
    return sum + (ebitda - tax - w.capex - revenue * v.maintenance_capex_rate) / (1 + rate) ** f.years;
  }, 0);
}

/** The value of a scenario with overrides (valuation.ts `dealValue`, CORZ.DEAL_VALUE), at its own discount rate unless given. */
const valueOf = (name: string, overrides: readonly Override[], rate?: number) => unwrap(dealValue(model(name, overrides), rate));

/** Core Scientific paying for part of the build, so capex, depreciation and tax all matter. */
const CAPEX: Override[] = [["core_capex_per_mw", 2e6]];
/** The same, valued before any tranche bills and with every site still to be energised (a delay moves capex and depreciation). */
const CAPEX_EARLY: Override[] = [...CAPEX, ["valuation_date", "2024-01-01"], ["delay_after", "2024-01-01"]];

/** The built-in scenarios as they stand, and base with capex: the cases valued both ways. */
const BUILT_INS_AND_CAPEX: Array<[string, Override[]]> = [
  ["base", []],
  ["seed", []],
  ["bull", []],
  ["bear", []],
  ["base", CAPEX],
];

const base = scenario();
const BASE_VALUE = valueOf("base", []);

describe("the seeded generator", () => {
  test("xoshiro128** reproduces the reference implementation's outputs", () => {
    // Test data generated with the C reference (prng.di.unimi.it/xoshiro128starstar.c), published
    // in github.com/edorfaus/xoshiro-6502 test-rom/testdata.asm: state words, then four outputs.
    const g = new Xoshiro128StarStar(0x964d4a0c, 0xd40ab895, 0xad7fdecb, 0x3006f0f0);
    expect([g.next(), g.next(), g.next(), g.next()]).toEqual([0xf1391922, 0x6fe53806, 0xa5be2840, 0xf510ee70]);
  });

  test("SplitMix64 reproduces Vigna's splitmix64.c for seed 1234567", () => {
    const sm = splitMix64(1234567);
    expect([sm(), sm(), sm(), sm(), sm()].map(String)).toEqual([
      "6457827717110365317",
      "3203168211198807973",
      "9817491932198370423",
      "4593380528125082431",
      "16408922859458223821",
    ]);
  });

  test("Rng(1) gives the words the C reference gives when seeded the same way (SplitMix64 -> four words, low half first)", () => {
    // gcc-compiled transcription of the two reference algorithms, seeded with 1.
    const rng = new Rng(1);
    expect([1, 2, 3, 4, 5].map(() => rng.nextUint32())).toEqual([1695105466, 1423115009, 634581793, 1068227753, 716759206]);
  });

  test("the same seed gives the same stream; different seeds give different streams", () => {
    const draw = (seed: number) => {
      const r = new Rng(seed);
      return Array.from({ length: 20 }, () => [r.uniform(), r.normal(), r.triangular(0, 1, 3)]);
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(0)).not.toEqual(draw(MAX_SEED));
  });

  test("uniform draws lie in [0, 1) with mean 1/2 (within 4 standard errors)", () => {
    const r = new Rng(7);
    const n = 20000;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
    }
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
  });

  test("normal draws have mean 0 and variance 1 (within 4 standard errors)", () => {
    const r = new Rng(11);
    const n = 20000;
    const xs = Array.from({ length: n }, () => r.normal());
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
  });

  test("triangular draws lie in [min, max] with mean (min + mode + max) / 3", () => {
    const r = new Rng(3);
    const [a, c, b] = [2, 5, 14];
    const n = 20000;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const x = r.triangular(a, c, b);
      expect(x >= a && x <= b).toBe(true);
      sum += x;
    }
    const sd = Math.sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18);
    expect(Math.abs(sum / n - (a + b + c) / 3)).toBeLessThan((4 * sd) / Math.sqrt(n));
    // The distribution function, not just the mean: F(x) = (x-a)^2/((b-a)(c-a)) up to the mode, 1 - (b-x)^2/((b-a)(b-c)) after.
    const F = (x: number) => (x <= c ? (x - a) ** 2 / ((b - a) * (c - a)) : 1 - (b - x) ** 2 / ((b - a) * (b - c)));
    const draws = Array.from({ length: n }, () => r.triangular(a, c, b));
    for (const x of [3.5, c, 8, 12]) {
      const share = draws.filter((d) => d <= x).length / n;
      expect(Math.abs(share - F(x))).toBeLessThan(4 * Math.sqrt((F(x) * (1 - F(x))) / n));
    }
    expect(r.triangular(4, 4, 4)).toBe(4);
  });

  test("bernoulli(p) is true a share p of the time; p = 0 and p = 1 decide without drawing", () => {
    const r = new Rng(5);
    const n = 20000;
    let hits = 0;
    for (let i = 0; i < n; i++) if (r.bernoulli(0.3)) hits++;
    expect(Math.abs(hits / n - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / n));
    const a = new Rng(9);
    const b = new Rng(9);
    expect(a.bernoulli(0)).toBe(false);
    expect(a.bernoulli(1)).toBe(true);
    expect(a.uniform()).toBe(b.uniform());
  });

  test.each([-1, 1.5, MAX_SEED + 1, Number.NaN])("a seed of %p is a programmer mistake", (seed) => {
    expect(() => new Rng(seed)).toThrow(/seed must be a whole number/);
  });
});

describe("statistics", () => {
  test("percentileSorted is Excel's PERCENTILE.INC", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), (xs, q) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const excel = formulajs.PERCENTILE.INC(xs, q) as number;
        expect(Math.abs(percentileSorted(sorted, q) - excel)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(excel)));
      }),
    );
  });

  test("selection gives exactly the sorted percentiles, ties included", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }).map((k) => k * 1.5e8), { minLength: 1, maxLength: 300 }), (xs) => {
        const sorted = Float64Array.from(xs).sort();
        const qs = [0.1, 0.5, 0.9, 0, 1, 0.25];
        expect(percentilesUnsorted(Float64Array.from(xs), qs)).toEqual(qs.map((q) => percentileSorted(sorted, q)));
      }),
    );
  });

  test("a histogram's counts add up to n, its edges rise, and every value lies in its bin", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -5e9, max: 5e9, noNaN: true }), { minLength: 2, maxLength: 500 }), (xs) => {
        const sorted = Float64Array.from(xs).sort();
        const h = histogramSorted(sorted);
        expect(h.counts.reduce((a, b) => a + b, 0)).toBe(xs.length);
        expect(h.edges.length).toBe(h.counts.length + 1);
        for (let i = 1; i < h.edges.length; i++) expect(h.edges[i]).toBeGreaterThan(h.edges[i - 1]);
        expect(h.edges[0]).toBeLessThanOrEqual(sorted[0]);
        expect(h.edges[h.edges.length - 1]).toBeGreaterThanOrEqual(sorted[sorted.length - 1]);
        const recount = h.counts.map((_, b) => xs.filter((x) => x >= h.edges[b] && (b === h.counts.length - 1 ? x <= h.edges[b + 1] : x < h.edges[b + 1])).length);
        expect(recount).toEqual(h.counts);
        const [lo, hi] = [sorted[0], sorted[sorted.length - 1]];
        const distinct = hi - lo > 1e-12 * Math.max(Math.abs(lo), Math.abs(hi)) && hi - lo > 1e-280; // else one bin, by design
        expect(h.counts.length).toBeGreaterThanOrEqual(distinct ? stats.MIN_BINS : 1);
        expect(h.counts.length).toBeLessThanOrEqual(2 * stats.MAX_BINS + 1);
      }),
    );
  });

  test("equal values make one bin; bins are a nice step wide", () => {
    expect(histogramSorted([3, 3, 3])).toEqual({ edges: [2.5, 3.5], counts: [3] });
    expect([niceStep(37e6), niceStep(0.021), niceStep(1), niceStep(2.4e9)]).toEqual([5e7, 0.025, 1, 2.5e9]);
    expect([5e7, 2.5e7, 2e7, 1e7].map(stats.niceStepBelow)).toEqual([2.5e7, 2e7, 1e7, 5e6]);
  });
});

describe("no uncertainty: every path is the deterministic deal", () => {
  test.each<[string, Override[]]>([
    ...BUILT_INS_AND_CAPEX,
    ["base", CAPEX_EARLY],
    ["bear", CAPEX],
    ["base", [["escalator", 0.03], ["valuation_date", "2027-03-15"], ["t4_mw", 0], ["t4_value", 0]]],
  ])("%s %j at its discount rate: every path = DEAL_VALUE (to 1e-12), revenue by year as the schedule", (name, overrides) => {
    const s = scenario(name, overrides);
    const m = model(name, overrides);
    const expected = unwrap(dealValue(m));
    const out = run(input(s, certainSpec(s.values), 200, 17));
    for (const v of [out.npv.p10, out.npv.p50, out.npv.p90, out.npv.min, out.npv.max, out.npv.mean]) expect(relClose(v, expected, 1e-12)).toBe(true);
    expect(out.npv.sd).toBe(0);
    expect(out.deterministicNpv).toBe(expected);
    expect(out.histogram).toEqual({ edges: [out.npv.min - 0.5, out.npv.min + 0.5], counts: [200] });
    expect(out.npv.probBelow).toBe(0); // the threshold defaults to the deterministic NPV, and nothing is below it
    for (const row of m.years) {
      const y = out.years.find((x) => x.year === row.year)!;
      expect([y.p10, y.p50, y.p90, y.mean]).toEqual([row.revenue, row.revenue, row.revenue, row.revenue]);
    }
    expect(out.defaultShare).toBe(0);
  });

  test("at another rate, every path = DEAL_VALUE at that rate", () => {
    const s = scenario("base", CAPEX);
    const out = run(input(s, { ...certainSpec(s.values), discountRate: { kind: "fixed", value: 0.08 } }, 20));
    const expected = valueOf("base", CAPEX, 0.08);
    expect(relClose(out.npv.p50, expected, 1e-12)).toBe(true);
    expect(out.deterministicNpv).toBe(expected);
  });

  test("a fixed 12-month delay moves only the sites after delay_after: the value of the scenario with delay_months = 12", () => {
    const sp: RiskSpec = { ...certainSpec(base.values), delayMonths: { kind: "fixed", value: 12 } };
    const out = run(input(base, sp, 50));
    const delayed = valueOf("base", [["delay_months", 12]]);
    expect(delayed).toBeLessThan(BASE_VALUE);
    expect(relClose(out.npv.p50, delayed, 1e-12)).toBe(true);
    expect(out.years.find((y) => y.year === 2025)!.p50).toBe(model("base").years[0].revenue); // tranches 1-3 were energised before 2026-03-02
  });

  test("a delay moves capex and depreciation with the billing start: the value of the delayed scenario with capex", () => {
    const s = scenario("base", CAPEX_EARLY);
    for (const months of [6, 12]) {
      const out = run(input(s, { ...certainSpec(s.values), delayMonths: { kind: "fixed", value: months } }, 20));
      const delayed = valueOf("base", [...CAPEX_EARLY, ["delay_months", months]]);
      expect(relClose(out.npv.p50, delayed, 1e-12)).toBe(true);
      // Revenue alone would not say it: the same delay without capex is another number.
      expect(relClose(out.npv.p50, valueOf("base", [["valuation_date", "2024-01-01"], ["delay_after", "2024-01-01"], ["delay_months", months]]), 1e-6)).toBe(false);
    }
  });

  test("renewal probability 1 takes both options: the value of the scenario with renewal_options = 2", () => {
    const out = run(input(base, { ...certainSpec(base.values), renewalProbability: 1 }, 20));
    expect(relClose(out.npv.p10, valueOf("base", [["renewal_options", 2]]), 1e-12)).toBe(true);
    const none = run(input(scenario("bull"), { ...certainSpec(scenario("bull").values), renewalProbability: 0 }, 20));
    expect(relClose(none.npv.p90, valueOf("bull", [["renewal_options", 0]]), 1e-12)).toBe(true);
  });
});

describe("the deterministic centre", () => {
  test.each(BUILT_INS_AND_CAPEX)("the summary's deterministic centre equals dealValue (CORZ.DEAL_VALUE) for the same inputs: %s %j, default risks", (name, overrides) => {
    const s = scenario(name, overrides);
    const out = run(input(s, defaultRiskSpec(s.values), 200, 3));
    expect(out.deterministicNpv).toBe(unwrap(dealValue(model(name, overrides))));
    expect(out.npv.threshold).toBe(out.deterministicNpv);
  });

  test("with the rate drawn, the centre is dealValue at the rate's central value", () => {
    const sp: RiskSpec = { ...defaultRiskSpec(base.values), discountRate: { kind: "uniform", min: 0.08, max: 0.1 } };
    expect(run(input(base, sp, 50, 3)).deterministicNpv).toBe(valueOf("base", [], 0.09));
  });
});

describe("single risks with a known mean", () => {
  test("default in 2030 with probability p and no recovery: mean = p value(default) + (1 - p) value(base), within 4 standard errors", () => {
    const p = 0.3;
    const n = 20000;
    const sp: RiskSpec = { ...certainSpec(base.values), default: { annualProbability: p, recovery: 0, firstYear: 2030, lastYear: 2030 } };
    const out = run(input(base, sp, n, 2024));
    const m = model("base");
    const ifDefault = valueScaled(m, base.values.discount_rate, (y) => (y > 2030 ? 0 : 1));
    const analytic = p * ifDefault + (1 - p) * BASE_VALUE;
    const se = (BASE_VALUE - ifDefault) * Math.sqrt((p * (1 - p)) / n);
    expect(Math.abs(out.npv.mean - analytic)).toBeLessThan(4 * se);
    expect(Math.abs(out.defaultShare - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    // Two outcomes only: P10 is the default case, P90 the base case.
    expect(relClose(out.npv.p10, ifDefault, 1e-12)).toBe(true);
    expect(relClose(out.npv.p90, BASE_VALUE, 1e-12)).toBe(true);
    expect(out.years.find((y) => y.year === 2031)!.p10).toBe(0);
    expect(out.years.find((y) => y.year === 2030)!.p10).toBe(m.years.find((r) => r.year === 2030)!.revenue);
  });

  test.each([
    ["base", [] as Override[]],
    ["base", CAPEX],
    ["base", CAPEX_EARLY],
    ["bear", CAPEX],
  ])("a certain default in 2030 with 40% recovery (%s %j): every later year earns 40% of its revenue, capex and depreciation as scheduled", (name, overrides) => {
    const s = scenario(name, overrides);
    const sp: RiskSpec = { ...certainSpec(s.values), default: { annualProbability: 1, recovery: 0.4, firstYear: 2030, lastYear: 2030 } };
    const out = run(input(s, sp, 30));
    const m = model(name, overrides);
    const expected = valueScaled(m, s.values.discount_rate, (y) => (y > 2030 ? 0.4 : 1));
    expect(relClose(out.npv.p10, expected, 1e-12)).toBe(true);
    expect(relClose(out.npv.p90, expected, 1e-12)).toBe(true);
    expect(out.defaultShare).toBe(1);
    // A default path's value is below the value without a default.
    expect(out.npv.p90).toBeLessThan(unwrap(dealValue(m)) - 1e6);
  });

  test("a constant annual default probability makes the share of paths that default 1 - (1 - p)^years", () => {
    const p = 0.05;
    const n = 20000;
    const sp: RiskSpec = { ...certainSpec(base.values), default: { annualProbability: p, recovery: 0 } };
    const out = run(input(base, sp, n, 99));
    const from = Math.floor(unwrap(valuationTime(base.values.valuation_date)));
    const years = model("base").years.at(-1)!.year - from + 1; // the valuation date's year to the last billing year
    const share = 1 - (1 - p) ** years;
    expect(Math.abs(out.defaultShare - share)).toBeLessThan(4 * Math.sqrt((share * (1 - share)) / n));
  });

  test("renewal take-up q: mean = (1 - q) value0 + q(1 - q) value1 + q^2 value2, within 4 standard errors", () => {
    const q = 0.6;
    const n = 20000;
    const out = run(input(base, { ...certainSpec(base.values), renewalProbability: q }, n, 5));
    const [n0, n1, n2] = [0, 1, 2].map((k) => valueOf("base", [["renewal_options", k]]));
    const analytic = (1 - q) * n0 + q * (1 - q) * n1 + q * q * n2;
    expect(Math.abs(out.npv.mean - analytic)).toBeLessThan(4 * out.npv.stdError);
  });

  test("a uniform margin: with no capex the taxed EBITDA is positive every year, so the value is linear in the margin and the mean is the value at the mid-margin", () => {
    const n = 10000;
    const out = run(input(base, { ...certainSpec(base.values), licenceMargin: { kind: "uniform", min: 0.7, max: 0.8 } }, n, 8));
    const analytic = valueOf("base", [["licence_margin", 0.75]]);
    expect(Math.abs(out.npv.mean - analytic)).toBeLessThan(4 * out.npv.stdError);
    expect(out.npv.min).toBeGreaterThanOrEqual(valueOf("base", [["licence_margin", 0.7]]) - 1e-3);
    expect(out.npv.max).toBeLessThanOrEqual(valueOf("base", [["licence_margin", 0.8]]) + 1e-3);
  });

  test("a discount rate drawn from a normal never goes below its floor", () => {
    const sp: RiskSpec = { ...certainSpec(base.values), discountRate: { kind: "normal", mean: 0.1, sd: 0.05, floor: 0.08, cap: 0.2 } };
    const out = run(input(base, sp, 5000, 4));
    const atFloor = valueOf("base", [], 0.08);
    const atCap = valueOf("base", [], 0.2);
    expect(out.npv.max).toBeLessThanOrEqual(atFloor + 1e-3);
    expect(out.npv.min).toBeGreaterThanOrEqual(atCap - 1e-3);
    expect(out.npv.max).toBeCloseTo(atFloor, 3); // a third of the draws fall below the floor and are set to it
  });

  test("per-site delays: each site draws its own; a shared delay moves every site together", () => {
    // Every tranche still to be energised, valued before any billing (so a delay only moves value later).
    const early = scenario("base", [["delay_after", "2024-01-01"], ["valuation_date", "2024-01-01"]]);
    const tri = { kind: "triangular", min: 0, mode: 0, max: 12 } as const;
    const perSite = run(input(early, { ...certainSpec(early.values), delayMonths: tri, delayPerSite: true }, 4000, 2));
    const shared = run(input(early, { ...certainSpec(early.values), delayMonths: tri, delayPerSite: false }, 4000, 2));
    const at = (d: number) => valueOf("base", [["delay_after", "2024-01-01"], ["valuation_date", "2024-01-01"], ["delay_months", d]]);
    for (const out of [perSite, shared]) {
      expect(out.npv.min).toBeGreaterThanOrEqual(at(12) - 1e-3);
      expect(out.npv.max).toBeLessThanOrEqual(at(0) + 1e-3);
    }
    // Independent sites average out: the spread is narrower than when all move together.
    expect(perSite.npv.sd).toBeLessThan(shared.npv.sd * 0.8);
    // A shared delay takes whole-month values only: the value of each month's scenario.
    const months = new Set(Array.from({ length: 13 }, (_, d) => at(d).toFixed(2)));
    for (const v of [shared.npv.min, shared.npv.p50, shared.npv.max]) expect(months.has(v.toFixed(2))).toBe(true);
  });
});

describe("the default risks on the base case", () => {
  const sp = defaultRiskSpec(base.values);
  const n = 20000;
  const prepared = unwrap(prepareRisk(input(base, sp, n, 1)));
  stepRisk(prepared, n);
  const out = unwrap(summariseRisk(prepared));
  const sorted = sortedNpvs(prepared);

  test("defaults as documented: 1.5% a year, 40% re-let at the library's market rent, delay triangular(0, 3, 12), margin triangular(75%, 82.5%, 85%)", () => {
    // The margin ranges over management's stated 75-85% (the brief's earlier 75-80% to the 80-85% target), base's 82.5% the mode.
    // Recovery: 40% of the capacity re-let at the recent median of other hosts' leases, over base's
    // average price ($10.2B over 572 MW for 12 years), recomputed here from the library's rows.
    const others = LEASES.filter((l) => l.comparable && l.host !== "Core Scientific" && l.announced >= "2025-06-09");
    const rents = others.map((l) => usdPerMwYear(l)).flatMap((n) => ("value" in n ? [n.value] : []));
    expect(rents.length).toBe(12);
    const rent = formulajs.MEDIAN(rents) as number;
    expect(sp.default.recovery).toBeCloseTo((0.4 * rent) / (10.2e9 / (572 * 12)), 12);
    expect(sp.default.recovery).toBeGreaterThan(0.45);
    expect(sp).toEqual({
      default: { annualProbability: 0.015, recovery: sp.default.recovery },
      delayMonths: { kind: "triangular", min: 0, mode: 3, max: 12 },
      delayPerSite: true,
      licenceMargin: { kind: "triangular", min: 0.75, mode: 0.825, max: 0.85 },
      renewalProbability: null,
      discountRate: { kind: "fixed", value: base.values.discount_rate },
    });
  });

  test("re-letting settings build the recovery; a recovery typed directly wins; the build never passes 100%", () => {
    const avg = averageContractPrice(base.values);
    expect(avg).toBeCloseTo(10.2e9 / (572 * 12), 6);
    const set = (x: Record<string, number>) => unwrap(riskSpecFromSettings(base.values, x)).default.recovery;
    expect(set({ relet_share: 0.5, relet_rent_per_mw_year: 1.2e6 })).toBeCloseTo((0.5 * 1.2e6) / avg, 12);
    expect(set({ relet_rent_per_mw_year: avg })).toBeCloseTo(0.4, 12);
    expect(set({ relet_share: 1, relet_rent_per_mw_year: 3e6 })).toBe(1);
    expect(set({ relet_share: 0.5, default_recovery: 0.1 })).toBe(0.1);
    expect(set({ "Re-letting rent after a default": 0 })).toBe(0);
    const bad = riskSpecFromSettings(base.values, { relet_rent_per_mw_year: -1 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/relet_rent_per_mw_year must be an amount in USD per MW-year from 0/);
  });

  test("the summary is the paths' own statistics: percentiles, mean, threshold share, histogram", () => {
    const excel = [0.1, 0.5, 0.9].map((q) => formulajs.PERCENTILE.INC(Array.from(sorted), q) as number);
    [out.npv.p10, out.npv.p50, out.npv.p90].forEach((v, i) => expect(Math.abs(v - excel[i])).toBeLessThanOrEqual(1e-12 * excel[i]));
    expect(out.npv.mean).toBeCloseTo(Array.from(sorted).reduce((a, b) => a + b, 0) / n, 2);
    expect(out.npv.probBelow).toBe(Array.from(sorted).filter((x) => x < out.npv.threshold).length / n);
    expect(out.npv.threshold).toBe(BASE_VALUE);
    expect(out.histogram.counts.reduce((a, b) => a + b, 0)).toBe(n);
    expect(out.npv.p10).toBeLessThanOrEqual(out.npv.p50);
    expect(out.npv.p50).toBeLessThanOrEqual(out.npv.p90);
    // Delays and defaults only take value away, so nothing beats the top margin on time.
    expect(out.npv.max).toBeLessThanOrEqual(valueOf("base", [["licence_margin", 0.85]]) + 1e-3);
    expect(out.npv.p10).toBeLessThan(BASE_VALUE);
  });

  test("revenue by year: percentiles in order, the same by both summary methods", () => {
    for (const y of out.years) {
      expect(y.p10).toBeLessThanOrEqual(y.p50);
      expect(y.p50).toBeLessThanOrEqual(y.p90);
    }
    const byPaths = unwrap(summariseRisk(prepared, { yearMethod: "paths" })).years;
    const grouped = unwrap(summariseRisk(prepared, { yearMethod: "grouped" })).years;
    expect(byPaths.map(({ year, p10, p50, p90 }) => [year, p10, p50, p90])).toEqual(grouped.map(({ year, p10, p50, p90 }) => [year, p10, p50, p90]));
    byPaths.forEach((y, i) => expect(Math.abs(y.mean - grouped[i].mean)).toBeLessThanOrEqual(1e-6 * Math.max(1, y.mean)));
  });

  test("no NaN or infinity anywhere in a summary", () => {
    for (const [p, v] of numbersIn(out)) expect({ p, finite: Number.isFinite(v) }).toEqual({ p, finite: true });
  });
});

describe("reproducible, chunked, cancellable", () => {
  const sp = defaultRiskSpec(base.values);

  test("the same seed gives the same summary; another seed a different one", () => {
    const a = run(input(base, sp, 3000, 123));
    expect(run(input(base, sp, 3000, 123))).toEqual(a);
    const b = run(input(base, sp, 3000, 124));
    expect(b.npv.mean).not.toBe(a.npv.mean);
    expect(b.histogram).not.toEqual(a.histogram);
  });

  test("the paths do not depend on how the run is cut into chunks", () => {
    const whole = run(input(base, sp, 2500, 9), { chunk: 2500 });
    expect(run(input(base, sp, 2500, 9), { chunk: 7 })).toEqual(whole);
    const r = unwrap(prepareRisk(input(base, sp, 2500, 9)));
    for (const k of [1, 2, 3, 500, 5000]) stepRisk(r, k);
    expect(unwrap(summariseRisk(r))).toEqual(whole);
  });

  test("progress is reported after each chunk, up to the total", () => {
    const seen: number[] = [];
    run(input(base, sp, 2500, 1), { chunk: 1000, onProgress: (done, total) => void seen.push(done, total) });
    expect(seen).toEqual([1000, 2500, 2000, 2500, 2500, 2500]);
  });

  test("a progress callback that returns false stops the run early", () => {
    let calls = 0;
    const r = unwrap(runRisk(input(base, sp, 100000, 1), { chunk: 1000, onProgress: () => ++calls < 3 }));
    expect(r).toEqual({ status: "cancelled", done: 3000, total: 100000 });
    expect(calls).toBe(3);
  });

  test("inputs are not mutated", () => {
    const s = scenario("bear");
    const i = deepFreeze(input(s, defaultRiskSpec(s.values), 500, 3));
    const before = JSON.stringify(i);
    expect(() => run(i)).not.toThrow();
    expect(JSON.stringify(i)).toBe(before);
  });
});

describe("bad input gives clear errors", () => {
  const ok = certainSpec(base.values);
  test.each<[string, Omit<Partial<RiskInput>, "spec"> & { spec?: unknown }, RegExp]>([
    ["no paths", { paths: 0 }, /^paths must be a whole number from 1 to 1,000,000, got 0$/],
    ["fractional paths", { paths: 10.5 }, /paths must be a whole number/],
    ["too many paths", { paths: MAX_PATHS + 1 }, /got 1,000,001$/],
    ["NaN paths", { paths: Number.NaN }, /got NaN$/],
    ["negative seed", { seed: -1 }, /^seed must be a whole number from 0 to 4,294,967,295, got -1$/],
    ["huge seed", { seed: 2 ** 40 }, /seed must be/],
    ["infinite threshold", { threshold: Infinity }, /threshold must be a finite number/],
    ["p = 1.5", { spec: { ...ok, default: { annualProbability: 1.5, recovery: 0 } } }, /^the annual default probability must be a decimal from 0 to 1 \(0.05 is 5%\), got 1.5$/],
    ["negative recovery", { spec: { ...ok, default: { annualProbability: 0.1, recovery: -0.2 } } }, /recovery after a default must be a decimal from 0 to 1/],
    ["default window backwards", { spec: { ...ok, default: { annualProbability: 0.1, recovery: 0, firstYear: 2031, lastYear: 2030 } } }, /runs backwards/],
    ["renewal probability 2", { spec: { ...ok, renewalProbability: 2 } }, /renewal probability must be a decimal from 0 to 1/],
    ["triangular out of order", { spec: { ...ok, delayMonths: { kind: "triangular", min: 6, mode: 3, max: 12 } } }, /triangular needs min <= mode <= max, got 6, 3, 12/],
    ["delay beyond 60 months", { spec: { ...ok, delayMonths: { kind: "uniform", min: 0, max: 72 } } }, /delay \(months\): max must be from 0 to 60, got 72/],
    ["margin above 100%", { spec: { ...ok, licenceMargin: { kind: "fixed", value: 1.2 } } }, /licence margin: value must be from 0 to 1/],
    ["negative sd", { spec: { ...ok, discountRate: { kind: "normal", mean: 0.1, sd: -0.01 } } }, /standard deviation must be 0 or more/],
    ["floor above cap", { spec: { ...ok, discountRate: { kind: "normal", mean: 0.1, sd: 0.01, floor: 0.2, cap: 0.1 } } }, /floor \(0.2\) is above the cap \(0.1\)/],
    ["unknown kind", { spec: { ...ok, licenceMargin: { kind: "lognormal", mean: 0.7 } } }, /unknown distribution "lognormal"/],
    ["NaN parameter", { spec: { ...ok, licenceMargin: { kind: "uniform", min: Number.NaN, max: 0.8 } } }, /min must be a finite number/],
    ["missing spec", { spec: undefined }, /risk settings are missing/],
  ])("%s", (_, patch, message) => {
    const i = { ...input(base, ok, 10), ...patch } as RiskInput;
    const r = runRisk(i);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe("value");
      expect(r.error.message).toMatch(message);
    }
    expect(checkRiskInput(i).ok).toBe(false);
  });

  test("a scenario with no cash flow after the valuation date is #NUM!, as DEAL_VALUE", () => {
    const late = scenario("base", [["valuation_date", "2060-01-01"]]);
    const r = runRisk(input(late, certainSpec(late.values), 10));
    expect(r.ok ? r.value : r.error.kind).toBe("num");
  });

  test("one path is enough (its spread is 0)", () => {
    const out = run(input(base, defaultRiskSpec(base.values), 1));
    expect(out.paths).toBe(1);
    expect(out.npv.sd).toBe(0);
    expect(out.npv.p10).toBe(out.npv.p90);
  });
});

describe("named risk settings (an Excel range or a form)", () => {
  const v = base.values;
  test("with none set, the defaults", () => {
    expect(unwrap(riskSpecFromSettings(v, {}))).toEqual(defaultRiskSpec(v));
  });

  test("a triangular's unset ends widen to take in the ends set, and the mode stays inside", () => {
    expect(unwrap(riskSpecFromSettings(v, { delay_max_months: 2 })).delayMonths).toEqual({ kind: "triangular", min: 0, mode: 2, max: 2 });
    expect(unwrap(riskSpecFromSettings(v, { "Delay Min Months": 20 })).delayMonths).toEqual({ kind: "triangular", min: 20, mode: 20, max: 20 });
    expect(unwrap(riskSpecFromSettings(v, { margin_min: 0.7, margin_max: 0.76 })).licenceMargin).toEqual({ kind: "triangular", min: 0.7, mode: 0.76, max: 0.76 });
  });

  test("the bear case's own delay shifts the default delay range", () => {
    expect(defaultRiskSpec(scenario("bear").values).delayMonths).toEqual({ kind: "triangular", min: 9, mode: 12, max: 21 });
  });

  test("discount_sd draws the rate from a normal around the scenario's rate, floored at 4% by default", () => {
    expect(unwrap(riskSpecFromSettings(v, { discount_sd: 0.01 })).discountRate).toEqual({ kind: "normal", mean: 0.1, sd: 0.01, floor: 0.04, cap: 1 });
    expect(unwrap(riskSpecFromSettings(v, { discount_sd: 0.01, discount_floor: 0.07 })).discountRate).toMatchObject({ floor: 0.07 });
  });

  test("unknown names are #N/A with the valid names; values out of range are #VALUE!", () => {
    const unknown = riskSpecFromSettings(v, { default_rate: 0.1 });
    expect(unknown.ok ? "" : `${unknown.error.kind}: ${unknown.error.message}`).toMatch(/^na: unknown risk setting "default_rate"; valid names are default_probability, default_recovery/);
    const bad = riskSpecFromSettings(v, { default_probability: 1.5 });
    expect(bad.ok ? "" : `${bad.error.kind}: ${bad.error.message}`).toBe("value: default_probability must be a decimal from 0 to 1, got 1.5");
    const order = riskSpecFromSettings(v, { delay_min_months: 5, delay_max_months: 2 });
    expect(order.ok ? "" : order.error.message).toMatch(/triangular needs min <= mode <= max, got 5, 2, 2/);
  });

  test("every setting has a basis", () => {
    for (const s of RISK_SETTINGS) expect(s.basis.length).toBeGreaterThan(20);
  });
});

describe("sortedDealValues (the run behind CORZ.DEAL_NPV_RISK)", () => {
  const CERTAIN = { default_probability: 0, delay_max_months: 0, margin_min: 0.825, margin_max: 0.825 };
  const request = (over: Partial<Parameters<typeof sortedDealValues>[0]> = {}) => ({ scenario: "base", overrides: [], settings: CERTAIN, rate: 0.1, paths: 50, seed: 1, ...over });

  test("with no uncertainty every path is dealValue at the rate given, whatever the scenario's own rate", () => {
    const expected = unwrap(dealValue(model("base"), 0.07));
    const values = unwrap(sortedDealValues(request({ rate: 0.07 })));
    expect(values).toHaveLength(50);
    for (const v of values) expect(relClose(v, expected, 1e-9)).toBe(true);
  });

  test("overrides change the scenario; risk settings change the paths; the values come back ascending", () => {
    const more = unwrap(sortedDealValues(request({ overrides: [["escalator", 0.03]] })));
    const base = unwrap(sortedDealValues(request()));
    expect(relClose(more[0], unwrap(dealValue(model("base", [["escalator", 0.03]]), 0.1)), 1e-9)).toBe(true);
    expect(more[0]).not.toBe(base[0]);
    const risky = unwrap(sortedDealValues(request({ settings: { default_probability: 0.2 }, paths: 400 })));
    for (let i = 1; i < risky.length; i++) expect(risky[i]).toBeGreaterThanOrEqual(risky[i - 1]);
    expect(risky[0]).toBeLessThan(risky[risky.length - 1]);
  });

  test("an unknown scenario is #N/A; a setting out of range #VALUE!", () => {
    const unknown = sortedDealValues(request({ scenario: "moon" }));
    expect(unknown.ok ? "" : unknown.error.kind).toBe("na");
    const bad = sortedDealValues(request({ settings: { default_probability: 2 } }));
    expect(bad.ok ? "" : `${bad.error.kind}: ${bad.error.message}`).toBe("value: default_probability must be a decimal from 0 to 1, got 2");
  });
});
