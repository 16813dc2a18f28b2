/** Customer categories, the illustrative pipeline and concentration: shares and HHI checked by hand, totals by property. */
import fc from "fast-check";
import {
  COREWEAVE,
  concentrationPath,
  concentrationYear,
  hhi,
  prospectRevenue,
  revenueByCustomer,
  shares,
  topShare,
  validatePipeline,
  yearFractionInTerm,
} from "../../src/model/customers/concentration";
import { CATEGORIES, DEFAULT_PIPELINE_IS_ILLUSTRATIVE, DEFAULT_PIPELINE_LABEL, PipelineRow, defaultPipeline } from "../../src/model/customers/data";
import { deepFreeze, model, numbersIn, unwrap } from "./helpers";

const base = model("base");
/** The hand-checked figures below are worked out on the seed's round price and run-rate. */
const seed = model("seed");
const PRICE = seed.pricePerMwYear; // 8.7B / 500 MW / 12 years = 1,450,000
const pipeline = defaultPipeline(PRICE);

function row(over: Partial<PipelineRow> = {}): PipelineRow {
  return { prospect: "P", category: "ai-labs", mw: 100, pricePerMwYear: 1_450_000, startYear: 2028, termYears: 5, probability: 0.5, basis: "test", ...over };
}

describe("the seed's customer categories", () => {
  test("seven categories, each with the seed's example prospects", () => {
    expect(CATEGORIES.map((c) => c.id)).toEqual(["big-tech-cloud", "ai-labs", "research", "healthcare-biotech", "financial-quant", "media-gaming", "government-defense"]);
    const examples = CATEGORIES.flatMap((c) => c.examples);
    for (const name of ["Microsoft Azure", "Meta", "Anthropic", "Inflection AI", "Los Alamos National Laboratory", "Recursion Pharmaceuticals", "Two Sigma", "Electronic Arts", "NASA"]) {
      expect(examples).toContain(name);
    }
    for (const c of CATEGORIES) expect(c.rationale.length).toBeGreaterThan(20);
  });
});

describe("the default pipeline is illustrative and says so", () => {
  test("flag and label", () => {
    expect(DEFAULT_PIPELINE_IS_ILLUSTRATIVE).toBe(true);
    expect(DEFAULT_PIPELINE_LABEL).toMatch(/^Illustrative, not a forecast/);
  });
  test("one placeholder per category, every number's basis given, priced at the contract price", () => {
    expect(pipeline.map((r) => r.category)).toEqual(CATEGORIES.map((c) => c.id));
    for (const r of pipeline) {
      expect(r.prospect).toMatch(/\(illustrative prospect\)$/);
      expect(r.basis).toMatch(/^Illustrative: price = the scenario's CoreWeave contract price/);
      expect(r.basis).toContain("placeholders");
      expect(r.pricePerMwYear).toBe(1_450_000);
      // Round placeholders, not precise-looking figures.
      expect(r.mw % 10).toBe(0);
      expect(Number.isInteger(r.startYear) && Number.isInteger(r.termYears)).toBe(true);
      expect([0.25, 0.5]).toContain(r.probability);
    }
    expect(defaultPipeline(2e6).every((r) => r.pricePerMwYear === 2e6)).toBe(true);
  });
  test("its 300 MW fit in the base case's uncontracted pipeline (730 MW of gross power at Hunt County, Dalton and Pecos)", () => {
    expect(pipeline.reduce((a, r) => a + r.mw, 0)).toBe(300);
    for (const r of unwrap(concentrationPath(base, pipeline))) expect(r.pipelineMw).toBeLessThanOrEqual(r.uncontractedMw);
  });
  test("each call returns a new array (callers may edit it)", () => {
    expect(defaultPipeline(PRICE)).not.toBe(defaultPipeline(PRICE));
  });
});

describe("HHI and shares by hand", () => {
  test("shares 0.5 / 0.3 / 0.2 give 0.25 + 0.09 + 0.04 = 0.38", () => {
    expect(unwrap(hhi([0.5, 0.3, 0.2]))).toBeCloseTo(0.38, 12);
  });
  test("revenues or percents give the same HHI as fractions", () => {
    expect(unwrap(hhi([500e6, 300e6, 200e6]))).toBeCloseTo(0.38, 12);
    expect(unwrap(hhi([50, 30, 20]))).toBeCloseTo(0.38, 12);
  });
  test("a single customer is 1; n equal customers are 1/n", () => {
    expect(unwrap(hhi([725e6]))).toBe(1);
    expect(unwrap(hhi([1, 1, 1, 1]))).toBe(0.25);
    expect(unwrap(hhi([7, 7, 7, 7, 7]))).toBeCloseTo(0.2, 12);
  });
  test("blanks are skipped; zeros take no share", () => {
    expect(unwrap(hhi([0.5, null, 0.3, undefined, 0.2]))).toBeCloseTo(0.38, 12);
    expect(unwrap(hhi([3, 0, 0]))).toBe(1);
    expect(unwrap(shares([3, 0, 1]))).toEqual([0.75, 0, 0.25]);
  });
  test("huge revenues do not overflow", () => {
    expect(unwrap(hhi([1e308, 1e308]))).toBe(0.5);
    expect(unwrap(hhi([Number.MAX_VALUE, Number.MAX_VALUE, Number.MAX_VALUE, Number.MAX_VALUE]))).toBe(0.25);
  });
  test("negatives are #VALUE! naming the item; nothing above zero is #DIV/0!; NaN is #NUM!", () => {
    expect(hhi([0.5, -0.1])).toEqual({ ok: false, error: { kind: "value", message: "values must not be negative (revenues or shares), got -0.1 at item 2" } });
    expect(hhi([0, 0])).toMatchObject({ ok: false, error: { kind: "div0" } });
    expect(hhi([])).toMatchObject({ ok: false, error: { kind: "div0" } });
    expect(hhi([null, undefined])).toMatchObject({ ok: false, error: { kind: "div0" } });
    expect(hhi([1, Number.NaN])).toMatchObject({ ok: false, error: { kind: "num" } });
    expect(hhi([1, Infinity])).toMatchObject({ ok: false, error: { kind: "num" } });
  });
  test("top-n share", () => {
    expect(unwrap(topShare([10, 40, 30, 20], 3))).toBeCloseTo(0.9, 12);
    expect(unwrap(topShare([10, 40, 30, 20], 1))).toBeCloseTo(0.4, 12);
    expect(unwrap(topShare([2, 1], 3))).toBe(1);
    expect(topShare([0], 3)).toMatchObject({ ok: false, error: { kind: "div0" } });
    expect(() => topShare([1], 0)).toThrow();
  });
});

describe("pipeline revenue by year", () => {
  test("fraction of a calendar year inside a term", () => {
    expect(yearFractionInTerm(2028, 5, 2027)).toBe(0);
    expect(yearFractionInTerm(2028, 5, 2028)).toBe(1);
    expect(yearFractionInTerm(2028, 5, 2032)).toBe(1);
    expect(yearFractionInTerm(2028, 5, 2033)).toBe(0);
    expect(yearFractionInTerm(2028.5, 5, 2028)).toBe(0.5);
    expect(yearFractionInTerm(2028.5, 5, 2033)).toBe(0.5);
    expect(yearFractionInTerm(2028.25, 0.5, 2028)).toBe(0.5);
  });
  test("100 MW x $1.45M x probability 0.5 = $72.5M a year in term, $145M unweighted, 0 outside", () => {
    expect(prospectRevenue(row(), 2029)).toBe(72_500_000);
    expect(prospectRevenue(row(), 2029, false)).toBe(145_000_000);
    expect(prospectRevenue(row(), 2027)).toBe(0);
    expect(prospectRevenue(row(), 2033)).toBe(0);
    expect(prospectRevenue(row({ startYear: 2028.5 }), 2028)).toBe(36_250_000);
  });
});

describe("the seed's concentration path with the default pipeline (hand-checked)", () => {
  const path = unwrap(concentrationPath(seed, pipeline));
  const at = (y: number) => path.find((r) => r.year === y)!;

  test("years run from the first billing year to the last", () => {
    expect(path[0].year).toBe(2025);
    expect(path[path.length - 1].year).toBe(2038);
  });
  test("2025-2027: CoreWeave is the only customer (share 1, top-3 1, HHI 1)", () => {
    for (const y of [2025, 2026, 2027]) {
      expect(at(y)).toMatchObject({ pipelineWeighted: 0, coreWeaveShare: 1, top3Share: 1, hhi: 1, customers: 1 });
    }
  });
  test("2028: two prospects at 100 MW x $1.45M x 0.5 = $72.5M each; CoreWeave 725 / 870", () => {
    const r = at(2028);
    expect(r.contracted).toBe(725_000_000);
    expect(r.pipelineWeighted).toBe(145_000_000);
    expect(r.pipelineUnweighted).toBe(290_000_000);
    expect(r.coreWeaveShare).toBeCloseTo(725 / 870, 12); // 0.8333
    expect(r.coreWeaveShareAllWon).toBeCloseTo(725 / 1015, 12); // 0.7143
    expect(r.top3Share).toBeCloseTo(1, 12);
    // (725/870)^2 + 2 (72.5/870)^2 = 0.69444 + 0.01389 = 0.70833
    expect(r.hhi).toBeCloseTo(0.708333, 6);
  });
  test("2029: all seven prospects; weighted $181.25M, CoreWeave 0.8, top-3 0.96, HHI 0.65312", () => {
    const r = at(2029);
    // 2 x 72.5M + 5 x (20 MW x 1.45M x 0.25 = 7.25M) = 181.25M
    expect(r.pipelineWeighted).toBe(181_250_000);
    expect(r.hpcRevenue).toBeCloseTo(906_250_000, 4);
    expect(r.coreWeaveShare).toBeCloseTo(0.8, 12);
    expect(r.coreWeaveShareAllWon).toBeCloseTo(725 / 1160, 12); // 0.625
    expect(r.top3Share).toBeCloseTo(0.96, 12); // (725 + 72.5 + 72.5) / 906.25
    // 0.8^2 + 2 x 0.08^2 + 5 x 0.008^2 = 0.64 + 0.0128 + 0.00032
    expect(r.hhi).toBeCloseTo(0.65312, 12);
    expect(r.customers).toBe(8);
    expect(r.pipelineMw).toBe(300);
    expect(r.pipelineMwWeighted).toBe(125);
  });
  test("2034: only the 10-year big-tech placeholder is left; 2038: CoreWeave alone again", () => {
    expect(at(2034).coreWeaveShare).toBeCloseTo(725 / 797.5, 12);
    expect(at(2038)).toMatchObject({ pipelineWeighted: 0, coreWeaveShare: 1 });
  });
  test("a year with no revenue has no shares (undefined, never NaN)", () => {
    const r = concentrationYear(seed, pipeline, 2060);
    expect(r).toMatchObject({ contracted: 0, hpcRevenue: 0, coreWeaveShare: undefined, top3Share: undefined, hhi: undefined, customers: 0 });
  });
  test("an empty pipeline leaves CoreWeave at 100% in every billing year", () => {
    for (const r of unwrap(concentrationPath(seed, []))) expect(r.coreWeaveShare).toBe(1);
    for (const r of unwrap(concentrationPath(base, []))) expect(r.coreWeaveShare).toBe(1);
  });
});

describe("the base case's concentration path: the record's contracts and price", () => {
  const price = base.pricePerMwYear; // 10.2B / 572 MW / 12 years = 1,486,013.99
  const path = unwrap(concentrationPath(base, defaultPipeline(price)));
  const at = (y: number) => path.find((r) => r.year === y)!;

  test("years run from the first billing year (2025) to the last (2039: tranche 4's last MW bills to 2039-04-01)", () => {
    expect(path.map((r) => r.year)).toEqual(base.years.map((y) => y.year));
    expect([path[0].year, path[path.length - 1].year]).toEqual([2025, 2039]);
  });
  test("2029: CoreWeave 850M (10.2B / 12) against the pipeline's 125 probability-weighted MW at base's price", () => {
    const r = at(2029);
    expect(r.contracted).toBeCloseTo(850_000_000, 4);
    expect(r.pipelineMwWeighted).toBe(125);
    expect(r.pipelineWeighted).toBeCloseTo(125 * price, 4);
    expect(r.coreWeaveShare).toBeCloseTo(850e6 / (850e6 + 125 * price), 12);
    // The pipeline priced at base's own price (850M / 572 per MW-year), the share is a ratio of MW:
    // 572 / (572 + 125), above the seed's 500 / (500 + 125) = 0.8.
    expect(r.coreWeaveShare).toBeCloseTo(572 / 697, 12);
    expect(r.coreWeaveShare!).toBeGreaterThan(0.8);
  });
});

describe("customers are matched by name", () => {
  test("a pipeline row named CoreWeave adds to CoreWeave, not a new customer", () => {
    const r = concentrationYear(base, [row({ prospect: " coreweave " })], 2029);
    expect(r.coreWeaveShare).toBe(1);
    expect(r.customers).toBe(1);
  });
  test("two rows for one prospect are one customer", () => {
    const byName = revenueByCustomer(base, [row({ prospect: "Acme" }), row({ prospect: "ACME", mw: 50 })], 2029);
    expect([...byName.values()].map((c) => c.name)).toEqual([COREWEAVE, "Acme"]);
    expect(byName.get("acme")!.revenue).toBe(72_500_000 + 36_250_000);
  });
});

describe("bad pipeline rows are #VALUE! naming the row and field", () => {
  test.each([
    [{ mw: -1 }, "MW"],
    [{ mw: Number.NaN }, "MW"],
    [{ probability: 1.5 }, "probability"],
    [{ termYears: 0 }, "term"],
    [{ startYear: 1800 }, "start year"],
    [{ pricePerMwYear: -5 }, "price per MW-year"],
    [{ prospect: " " }, "prospect"],
  ])("%p", (over, field) => {
    const r = concentrationPath(base, [row(), row(over as Partial<PipelineRow>)]);
    expect(r).toMatchObject({ ok: false, error: { kind: "value", message: expect.stringContaining(`pipeline row 2`) } });
    expect(!r.ok && r.error.message).toContain(`${field} must be`);
  });
  test("a good pipeline passes through unchanged", () => {
    expect(unwrap(validatePipeline(pipeline))).toBe(pipeline);
  });
});

const arbRow: fc.Arbitrary<PipelineRow> = fc.record({
  prospect: fc.constantFrom("A", "B", "C", "D", "E", "a"),
  category: fc.constant("x"),
  mw: fc.double({ min: 0, max: 2000, noNaN: true }),
  pricePerMwYear: fc.double({ min: 0, max: 5e6, noNaN: true }),
  startYear: fc.oneof(fc.integer({ min: 2020, max: 2045 }), fc.double({ min: 2020, max: 2045, noNaN: true })),
  termYears: fc.double({ min: 0.1, max: 20, noNaN: true }),
  probability: fc.double({ min: 0, max: 1, noNaN: true }),
  basis: fc.constant("property"),
});

describe("properties", () => {
  test("shares sum to 1 and HHI lies in [1/n, 1] for any set of non-negative values", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e300, noNaN: true }), { minLength: 1, maxLength: 30 }), (xs) => {
        fc.pre(xs.some((x) => x > 0));
        const s = unwrap(shares(xs));
        expect(Math.abs(s.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-9);
        const n = xs.filter((x) => x > 0).length;
        const h = unwrap(hhi(xs));
        expect(h).toBeGreaterThanOrEqual(1 / n - 1e-12);
        expect(h).toBeLessThanOrEqual(1 + 1e-12);
        // Scale does not matter: revenues and shares give the same index.
        expect(unwrap(hhi(xs.map((x) => x * 7)))).toBeCloseTo(h, 9);
      }),
    );
  });

  test("for any pipeline: weighted <= unweighted, shares consistent, HHI within bounds, never NaN", () => {
    fc.assert(
      fc.property(fc.array(arbRow, { maxLength: 8 }), fc.constantFrom("base", "bull", "bear"), (rows, scenario) => {
        const m = model(scenario);
        const path = unwrap(concentrationPath(m, rows));
        expect(numbersIn(path).filter(([, v]) => !Number.isFinite(v))).toEqual([]);
        for (const r of path) {
          expect(r.pipelineWeighted).toBeLessThanOrEqual(r.pipelineUnweighted * (1 + 1e-12));
          expect(r.pipelineMwWeighted).toBeLessThanOrEqual(r.pipelineMw * (1 + 1e-12));
          if (r.hpcRevenue === 0) {
            expect(r.hhi).toBeUndefined();
            continue;
          }
          const byCustomer = [...revenueByCustomer(m, rows, r.year).values()].map((c) => c.revenue);
          const s = unwrap(shares(byCustomer));
          expect(Math.abs(s.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-9);
          const top = Math.max(...s);
          // HHI lies between the largest share squared and the largest share, and above 1/n.
          expect(r.hhi!).toBeGreaterThanOrEqual(top * top - 1e-12);
          expect(r.hhi!).toBeLessThanOrEqual(top + 1e-12);
          expect(r.hhi!).toBeGreaterThanOrEqual(1 / r.customers - 1e-12);
          expect(r.top3Share!).toBeGreaterThanOrEqual(r.coreWeaveShare! - 1e-12);
          expect(r.top3Share!).toBeLessThanOrEqual(1 + 1e-12);
          // If every prospect signs, CoreWeave's share can only fall.
          expect(r.coreWeaveShareAllWon!).toBeLessThanOrEqual(r.coreWeaveShare! + 1e-12);
        }
      }),
      { numRuns: 60 },
    );
  });

  test("inputs are never mutated", () => {
    const m = deepFreeze(model("base"));
    const rows = deepFreeze(defaultPipeline(m.pricePerMwYear));
    expect(() => concentrationPath(m, rows)).not.toThrow();
    expect(() => hhi(deepFreeze([3, 1, 2]))).not.toThrow();
    expect(() => topShare(deepFreeze([3, 1, 2]), 2)).not.toThrow();
  });
});
