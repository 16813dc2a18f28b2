/** Bitcoin mining against HPC hosting: hand calculations, sources of the defaults, volatility and the revenue mix. */
import fc from "fast-check";
import { HASHPRICE_LEVELS, MINING_DEFAULTS, MINING_REFERENCE } from "../../src/model/mining/data";
import { revenueMix } from "../../src/model/mining/mix";
import { MiningParams, miningParams, validateMiningParams } from "../../src/model/mining/params";
import { compareMw, hpcPerMw, miningPerMw } from "../../src/model/mining/perMw";
import { breakevenHashprice, hashratePerMw, miningPowerMw, miningRevenue, powerCost } from "../../src/model/mining/units";
import { mwVolatility } from "../../src/model/mining/volatility";
import { deepFreeze, model, numbersIn, unwrap } from "./helpers";

const base = model("base");
/** The brief's round price (1.45M per MW-year) and 77.5% margin: the hand calculations below use it. */
const seed = model("seed");
const defaults = miningParams();

describe("defaults: each sourced or marked as a judgement", () => {
  test("hashprice, efficiency and power price carry a source, a period and an as-of date", () => {
    for (const f of [MINING_DEFAULTS.hashprice, MINING_DEFAULTS.efficiency, MINING_DEFAULTS.powerPrice, ...Object.values(MINING_REFERENCE)]) {
      expect(f.source.length).toBeGreaterThan(30);
      expect(f.asOf).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      expect(f.period.length).toBeGreaterThan(3);
    }
    expect(defaults).toEqual({ hashprice: 39.82, efficiency: 26.85, powerPrice: 40, uptime: 1 });
    expect(MINING_DEFAULTS.hashprice.source).toContain("hashrateindex.com");
    expect(MINING_DEFAULTS.efficiency.source).toContain("Core Scientific");
    expect(MINING_DEFAULTS.powerPrice.source).toContain("Core Scientific");
  });
  test("uptime has no source and says so", () => {
    expect(MINING_DEFAULTS.uptime.source).toMatch(/^Modelling judgement \(no public figure\)/);
  });
  test("the default hashprice is one of the sourced levels", () => {
    expect(HASHPRICE_LEVELS.map((l) => l.value)).toContain(MINING_DEFAULTS.hashprice.value);
  });
  test("hashprice levels: sourced, dated, highest first, in USD per PH/s per day", () => {
    expect(HASHPRICE_LEVELS).toHaveLength(8);
    for (const l of HASHPRICE_LEVELS) {
      expect(l.source.length).toBeGreaterThan(30);
      expect(l.asOf).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      expect(l.unit).toBe("USD per PH/s per day");
    }
    const v = HASHPRICE_LEVELS.map((l) => l.value);
    expect(v).toEqual([...v].sort((a, b) => b - a));
    expect(new Set(HASHPRICE_LEVELS.map((l) => l.id)).size).toBe(HASHPRICE_LEVELS.length);
  });
});

describe("mining revenue against hand calculations", () => {
  test("1 EH/s at $50: 1 x 1,000 PH/s x $50 x 365 days = $18,250,000 a year", () => {
    expect(unwrap(miningRevenue(1, 50))).toBe(18_250_000);
  });
  test("Core Scientific's 19.1 EH/s at $39.82, 95% uptime", () => {
    // 19.1 EH/s x 1,000 = 19,100 PH/s; x $39.82 = $760,562 a day; x 365 = $277,605,130; x 0.95 = $263,724,873.50
    expect(unwrap(miningRevenue(19.1, 39.82, 0.95))).toBeCloseTo(263_724_873.5, 4);
  });
  test("zero hashrate, hashprice or uptime earns nothing", () => {
    expect(unwrap(miningRevenue(0, 50))).toBe(0);
    expect(unwrap(miningRevenue(5, 0))).toBe(0);
    expect(unwrap(miningRevenue(5, 50, 0))).toBe(0);
  });
  test("bad input: #VALUE! with the allowed range; non-finite is #NUM!", () => {
    expect(miningRevenue(-1, 50)).toEqual({ ok: false, error: { kind: "value", message: "hashrate must be EH/s from 0 to 1,000,000, got -1" } });
    expect(miningRevenue(1, -50)).toMatchObject({ ok: false, error: { kind: "value", message: expect.stringContaining("hashprice must be") } });
    expect(miningRevenue(1, 50, 1.2)).toMatchObject({ ok: false, error: { kind: "value", message: "uptime must be a decimal from 0 to 1, got 1.2" } });
    expect(miningRevenue(Number.NaN, 50)).toMatchObject({ ok: false, error: { kind: "num" } });
    expect(miningRevenue(1, Infinity)).toMatchObject({ ok: false, error: { kind: "num" } });
  });
});

describe("conversions", () => {
  test("power (MW) = TH/s x J/TH / 1e6: 1 EH/s at 26.85 J/TH draws 26.85 MW", () => {
    expect(miningPowerMw(1, 26.85)).toBeCloseTo(26.85, 12);
    expect(miningPowerMw(0.5, 20)).toBe(10);
  });
  test("one MW at 20 J/TH runs 0.05 EH/s (50 PH/s); MW and hashrate round-trip", () => {
    expect(hashratePerMw(20)).toBe(0.05);
    for (const e of [15, 20, 26.85, 38]) expect(miningPowerMw(hashratePerMw(e), e)).toBeCloseTo(1, 12);
  });
  test("power cost: 1 MW x 8,760 h x $40/MWh = $350,400; half the hours, half the cost", () => {
    expect(powerCost(1, 40)).toBe(350_400);
    expect(powerCost(1, 40, 0.5)).toBe(175_200);
    expect(powerCost(10, 80.6)).toBeCloseTo(7_060_560, 6);
  });
  test("break-even hashprice: 26.85 J/TH x 0.024 x $40 = $25.776 per PH/s per day", () => {
    expect(breakevenHashprice(26.85, 40)).toBeCloseTo(25.776, 12);
  });
});

describe("a megawatt mining against the same megawatt hosting HPC (seed's price and margin)", () => {
  const c = unwrap(compareMw(seed, defaults));

  test("HPC: $1.45M licence fee per MW-year x 77.5% = $1,123,750 gross profit", () => {
    expect(c.hpc.revenue).toBe(1_450_000);
    expect(c.hpc.grossProfit).toBeCloseTo(1_123_750, 6);
    expect(c.hpc.cost).toBeCloseTo(326_250, 6);
    expect(c.hpc.margin).toBe(0.775);
    // Pass-through power: 8,760 h x PUE 1.18 x $40/MWh (the one power price) x load factor 1 = $413,472.
    expect(c.hpc.passThroughPower).toBeCloseTo(8760 * 1.18 * 40, 6);
    expect(c.hpc.passThroughPower).toBeCloseTo(413_472, 6);
  });
  test("base: 10.2B / 572 MW / 12 years = $1,486,013.99 per MW-year x 82.5% = $1,225,961.54 gross profit", () => {
    const b = unwrap(compareMw(base, defaults));
    expect(b.hpc.revenue).toBeCloseTo(10.2e9 / 572 / 12, 6);
    expect(b.hpc.grossProfit).toBeCloseTo((10.2e9 / 572 / 12) * 0.825, 6);
    expect(b.hpc.grossProfit).toBeCloseTo(1_225_961.54, 2);
    expect(b.mining).toEqual(c.mining); // the mining side does not depend on the scenario
  });
  test("mining at $39.82, 26.85 J/TH, $40/MWh: $541,315 revenue, $350,400 power, $190,915 gross profit", () => {
    // 1 MW / 26.85 J/TH = 37.2439 PH/s; x $39.82 = $1,483.05 a day; x 365 = $541,314.71
    expect(c.mining.hashrateEh).toBeCloseTo(0.0372439, 7);
    expect(c.mining.revenue).toBeCloseTo(541_314.71, 2);
    expect(c.mining.powerCost).toBe(350_400);
    expect(c.mining.grossProfit).toBeCloseTo(190_914.71, 2);
    expect(c.mining.margin).toBeCloseTo(190_914.71 / 541_314.71, 8);
    expect(c.hpcAdvantage).toBeCloseTo(1_123_750 - 190_914.71, 2);
  });
  test("mining matches HPC only at about $108.44 per PH/s per day", () => {
    // (1,123,750 + 350,400) / (37.2439 PH/s x 365) = 108.4409
    expect(c.hpcEquivalentHashprice).toBeCloseTo(108.4409, 4);
    const there = unwrap(compareMw(seed, { ...defaults, hashprice: c.hpcEquivalentHashprice! }));
    expect(there.mining.grossProfit).toBeCloseTo(c.hpc.grossProfit, 4);
  });
  test("HPC gross profit does not depend on the power price (pass-through nets out)", () => {
    const dear = model("seed", [["power_price", 300]]);
    expect(hpcPerMw(dear).grossProfit).toBeCloseTo(c.hpc.grossProfit, 6);
    expect(hpcPerMw(dear).passThroughPower).toBeGreaterThan(c.hpc.passThroughPower);
  });
  test("HPC follows the scenario's margin (bull 85% on base's price)", () => {
    // 10.2B / 572 / 12 x 0.85 = 1,263,111.89
    expect(unwrap(compareMw(model("bull"), defaults)).hpc.grossProfit).toBeCloseTo((10.2e9 / 572 / 12) * 0.85, 6);
    expect(unwrap(compareMw(model("bull"), defaults)).hpc.grossProfit).toBeCloseTo(1_263_111.89, 2);
  });
  test("no uptime, or next to no revenue: no matching hashprice and no margin (undefined, never Infinity)", () => {
    expect(unwrap(compareMw(base, { ...defaults, uptime: 0 })).hpcEquivalentHashprice).toBeUndefined();
    expect(unwrap(compareMw(base, { ...defaults, uptime: 0 })).mining.margin).toBeUndefined();
    // A revenue so small that the margin would be -Infinity has no margin.
    expect(miningPerMw({ ...defaults, hashprice: 5e-324 }).margin).toBeUndefined();
    // An uptime so small that no finite hashprice would do (found by the property test below).
    expect(unwrap(compareMw(base, { ...defaults, uptime: 5e-324 })).hpcEquivalentHashprice).toBeUndefined();
  });
  test.each<[Partial<MiningParams>, string]>([
    [{ efficiency: 0 }, "efficiency must be"],
    [{ powerPrice: -1 }, "power price must be"],
    [{ uptime: -0.1 }, "uptime must be"],
    [{ hashprice: -3 }, "hashprice must be"],
  ])("bad mining input %p is #VALUE!", (over, msg) => {
    expect(compareMw(base, { ...defaults, ...over })).toMatchObject({ ok: false, error: { kind: "value", message: expect.stringContaining(msg) } });
    expect(validateMiningParams({ ...defaults, ...over }).ok).toBe(false);
  });
});

describe("volatility over the sourced hashprice levels", () => {
  const v = unwrap(mwVolatility(base, defaults));
  test("one row per level; HPC is the same in every row", () => {
    expect(v.rows.map((r) => r.id)).toEqual(HASHPRICE_LEVELS.map((l) => l.id));
    expect(new Set(v.rows.map((r) => r.hpcGrossProfit)).size).toBe(1);
    expect(new Set(v.rows.map((r) => r.hpcRevenue))).toEqual(new Set([base.pricePerMwYear])); // 10.2B / 572 / 12
  });
  test("mining gross profit per MW-year swings from $126k (all-time low) to $5.26M (2021 high)", () => {
    // $35.06: 37.2439 x 35.06 x 365 - 350,400 = 476,607.08 - 350,400
    expect(v.miningGrossProfitLow).toBeCloseTo(126_207.08, 2);
    // $412.57: 37.2439 x 412.57 x 365 - 350,400 = 5,608,493.48 - 350,400
    expect(v.miningGrossProfitHigh).toBeCloseTo(5_258_093.48, 2);
  });
  test("only the 2021-2022 levels beat the contracted HPC megawatt", () => {
    expect(v.levelsAboveHpc).toBe(3);
    expect(v.rows.filter((r) => r.miningLessHpc > 0).map((r) => r.id)).toEqual(["2021-high", "2021-avg", "2022-avg"]);
  });
  test("the user's own levels; an empty set is #VALUE!; a bad level names itself", () => {
    const own = unwrap(mwVolatility(base, defaults, [{ id: "a", label: "flat", value: 25.776 }]));
    expect(own.rows[0].miningGrossProfit).toBeCloseTo(0, 6); // the break-even hashprice
    expect(mwVolatility(base, defaults, [])).toMatchObject({ ok: false, error: { kind: "value" } });
    expect(mwVolatility(base, defaults, [{ id: "x", label: "typo", value: -1 }])).toMatchObject({ ok: false, error: { message: expect.stringContaining('"typo"') } });
  });
});

describe("revenue mix as MW move from mining to HPC", () => {
  const mine = miningPerMw(defaults);
  test("an 800 MW site (seed): 2027 has 500 MW of HPC and 300 MW left for mining", () => {
    const rows = unwrap(revenueMix(seed, 800, defaults));
    expect(rows.map((r) => r.year)).toEqual(seed.years.map((r) => r.year));
    const r = rows.find((x) => x.year === 2027)!;
    expect(r.hpcMw).toBeCloseTo(500, 9);
    expect(r.miningMw).toBeCloseTo(300, 9);
    expect(r.hpcRevenue).toBe(725_000_000);
    expect(r.miningRevenue).toBeCloseTo(300 * 541_314.71, 0);
    expect(r.miningGrossProfit).toBeCloseTo(300 * 190_914.71, 0);
    expect(r.hpcShareOfRevenue).toBeCloseTo(725e6 / (725e6 + 300 * mine.revenue), 12);
  });
  test("an 800 MW site (base): 2028 has all 572 MW of HPC billing (850M) and 228 MW left for mining", () => {
    const r = unwrap(revenueMix(base, 800, defaults)).find((x) => x.year === 2028)!;
    expect(r.hpcMw).toBeCloseTo(572, 9);
    expect(r.miningMw).toBeCloseTo(800 - 572, 9);
    expect(r.hpcRevenue).toBeCloseTo(850_000_000, 3);
  });
  test("mining MW never go below 0; HPC share rises as the deal ramps up", () => {
    const rows = unwrap(revenueMix(base, 100, defaults));
    expect(rows.every((r) => r.miningMw >= 0)).toBe(true);
    expect(rows.find((r) => r.year === 2027)!.miningMw).toBe(0);
    expect(rows.find((r) => r.year === 2027)!.hpcShareOfRevenue).toBe(1);
    const big = unwrap(revenueMix(base, 800, defaults));
    expect(big[0].hpcShareOfRevenue!).toBeLessThan(big[2].hpcShareOfRevenue!);
  });
  test("the seed's 100 MW mining -> 70 MW HPC ratio takes more site MW per HPC MW", () => {
    const r = unwrap(revenueMix(seed, 800, defaults, { siteMwPerHpcMw: 100 / 70 })).find((x) => x.year === 2027)!;
    expect(r.miningMw).toBeCloseTo(800 - 500 / 0.7, 9);
  });
  test("years outside the deal: all mining, no HPC; a site of 0 MW has no share", () => {
    const rows = unwrap(revenueMix(base, 50, defaults, { first: 2023, last: 2024 }));
    expect(rows.map((r) => [r.year, r.hpcMw, r.miningMw])).toEqual([
      [2023, 0, 50],
      [2024, 0, 50],
    ]);
    expect(unwrap(revenueMix(base, 0, defaults, { first: 2024, last: 2024 }))[0].hpcShareOfRevenue).toBeUndefined();
  });
  test("bad input is #VALUE! (site MW, ratio, years, mining inputs)", () => {
    expect(revenueMix(base, -1, defaults)).toMatchObject({ ok: false, error: { kind: "value", message: "site MW must be a number of MW from 0 to 100,000, got -1" } });
    expect(revenueMix(base, 100, defaults, { siteMwPerHpcMw: -1 })).toMatchObject({ ok: false, error: { kind: "value" } });
    expect(revenueMix(base, 100, defaults, { first: 2030, last: 2029 })).toMatchObject({ ok: false, error: { kind: "value" } });
    expect(revenueMix(base, 100, { ...defaults, uptime: 2 })).toMatchObject({ ok: false, error: { kind: "value" } });
    expect(revenueMix(base, Number.NaN, defaults)).toMatchObject({ ok: false, error: { kind: "num" } });
  });
});

const arbParams: fc.Arbitrary<MiningParams> = fc.record({
  hashprice: fc.double({ min: 0, max: 1000, noNaN: true }),
  efficiency: fc.double({ min: 5, max: 120, noNaN: true }),
  powerPrice: fc.double({ min: 0, max: 500, noNaN: true }),
  uptime: fc.double({ min: 0, max: 1, noNaN: true }),
});

describe("properties", () => {
  test("revenue is linear in hashrate and hashprice, and never negative", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (h, p, u) => {
        const one = unwrap(miningRevenue(h, p, u));
        expect(one).toBeGreaterThanOrEqual(0);
        expect(unwrap(miningRevenue(2 * h, p, u))).toBeCloseTo(2 * one, 3);
        expect(unwrap(miningRevenue(h, 2 * p, u))).toBeCloseTo(2 * one, 3);
      }),
    );
  });
  test("at the break-even hashprice a mining MW's gross profit is zero, whatever the uptime", () => {
    fc.assert(
      fc.property(arbParams, (p) => {
        const m = miningPerMw({ ...p, hashprice: breakevenHashprice(p.efficiency, p.powerPrice) });
        expect(Math.abs(m.grossProfit)).toBeLessThan(1e-6 * Math.max(1, m.powerCost));
      }),
    );
  });
  test("comparison, volatility and mix are finite for any valid inputs and scenario", () => {
    fc.assert(
      fc.property(arbParams, fc.double({ min: 0, max: 5000, noNaN: true }), fc.constantFrom("base", "bull", "bear"), (p, site, s) => {
        const m = model(s);
        const all = [unwrap(compareMw(m, p)), unwrap(mwVolatility(m, p)), unwrap(revenueMix(m, site, p))];
        expect(numbersIn(all).filter(([, v]) => !Number.isFinite(v))).toEqual([]);
        for (const r of unwrap(revenueMix(m, site, p))) {
          if (r.hpcShareOfRevenue !== undefined) {
            expect(r.hpcShareOfRevenue).toBeGreaterThanOrEqual(0);
            expect(r.hpcShareOfRevenue).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 50 },
    );
  });
  test("inputs are never mutated", () => {
    const m = deepFreeze(model("base"));
    const p = deepFreeze(miningParams());
    expect(() => [compareMw(m, p), mwVolatility(m, p, deepFreeze([...HASHPRICE_LEVELS])), revenueMix(m, 500, p)]).not.toThrow();
  });
});
