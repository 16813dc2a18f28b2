import fc from "fast-check";
import {
  TRANCHE_COUNT,
  buildTranches,
  dealYears,
  delayedStart,
  delayedStartSerial,
  pricesFor,
  trancheContractYearRevenue,
  trancheMwAt,
  trancheMwYears,
  trancheRevenue,
  trancheTotal,
} from "../../src/model/deal";
import { TRANCHE_DATA, TRANCHE_IDS } from "../../src/model/assumptions";
import { yearFraction } from "../../src/model/dates";
import { Override, resolveScenario } from "../../src/model/scenarios";
import { capacitySchedule, dealNpv, runScenario } from "../../src/model/scenarioModel";
import { model, relClose, serialOf, unwrap } from "./helpers";

const base = model("base");
/** The brief's deal on its pre-slip schedule: the hand-checked revenue below is worked out on it. */
const seed = model("seed");
const baseValues = unwrap(resolveScenario("base")).values;

const FIRST_DAY = serialOf("2020-01-01");
const LAST_DAY = serialOf("2060-12-31");

interface DealInputs {
  tranches: Array<{ mw: number; value: number; start: number; ramp: number }>;
  term: number;
  escalator: number;
  renewals: number;
  renewalYears: number;
  repricing: number;
}

const trancheArb = fc
  .record({
    mw: fc.oneof(fc.constant(0), fc.double({ min: 1, max: 1000, noNaN: true })),
    value: fc.double({ min: 0, max: 1e10, noNaN: true }),
    start: fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
    ramp: fc.integer({ min: 0, max: 60 }),
  })
  .map((t) => (t.mw === 0 ? { ...t, value: 0 } : t));

/** Random deals within the assumptions' bounds, one entry per tranche of the data; tranche 1 always has MW. */
const dealArb: fc.Arbitrary<DealInputs> = fc.record({
  tranches: fc
    .array(trancheArb, { minLength: TRANCHE_COUNT, maxLength: TRANCHE_COUNT })
    .map(([t1, ...rest]) => [{ ...t1, mw: Math.max(t1.mw, 1) }, ...rest]),
  term: fc.integer({ min: 1, max: 30 }),
  escalator: fc.double({ min: -0.1, max: 0.2, noNaN: true }),
  renewals: fc.integer({ min: 0, max: 2 }),
  renewalYears: fc.integer({ min: 1, max: 10 }),
  repricing: fc.double({ min: -0.5, max: 1, noNaN: true }),
});

function overridesOf(d: DealInputs): Override[] {
  const o: Override[] = [
    ["term_years", d.term],
    ["escalator", d.escalator],
    ["renewal_options", d.renewals],
    ["renewal_term_years", d.renewalYears],
    ["renewal_repricing", d.repricing],
  ];
  d.tranches.forEach((t, i) => {
    o.push([`t${i + 1}_mw`, t.mw], [`t${i + 1}_value`, t.value], [`t${i + 1}_start`, t.start], [`t${i + 1}_ramp_months`, t.ramp]);
  });
  return o;
}

/** The total contract value worked out independently of the model's schedule. */
function expectedTcv(d: DealInputs): number {
  let weight = 0;
  for (let k = 0; k < d.term; k++) weight += (1 + d.escalator) ** k;
  let renewalWeight = 0;
  for (let k = d.term; k < d.term + d.renewals * d.renewalYears; k++) renewalWeight += (1 + d.escalator) ** k;
  return d.tranches.reduce((s, t) => s + t.value + (t.mw > 0 ? (t.value / weight) * renewalWeight * (1 + d.repricing) : 0), 0);
}

describe("pricesFor", () => {
  test("flat price: value / (MW x term) in every year", () => {
    const p = pricesFor(3.5e9, 200, 12, 0, 0, 0, 0);
    expect(p).toHaveLength(12);
    for (const x of p) expect(x).toBeCloseTo(3.5e9 / 2400, 6); // 1,458,333.33 USD per MW-year
  });

  test("escalator: year 1 is set so the initial term still earns the value", () => {
    // 3 years at 10%: weights 1 + 1.1 + 1.21 = 3.31, so p1 = 331 / (1 x 3.31) = 100.
    const p = pricesFor(331, 1, 3, 0.1, 0, 0, 0);
    expect(p[0]).toBeCloseTo(100, 10);
    expect(p[1]).toBeCloseTo(110, 10);
    expect(p[2]).toBeCloseTo(121, 10);
  });

  test("renewal years continue the escalation and apply the repricing", () => {
    const p = pricesFor(331, 1, 3, 0.1, 2, 1, 0.5);
    expect(p).toHaveLength(5);
    expect(p[3]).toBeCloseTo(133.1 * 1.5, 9);
    expect(p[4]).toBeCloseTo(146.41 * 1.5, 9);
  });

  test("no MW, no prices", () => {
    expect(pricesFor(0, 0, 12, 0, 0, 0, 0)).toEqual([]);
  });
});

describe("tranches", () => {
  test("base tranches: one per entry of the data, with its billing start, ramp and energisation", () => {
    const ts = base.tranches;
    expect(ts).toHaveLength(TRANCHE_COUNT);
    expect(ts.map((t) => t.id)).toEqual(TRANCHE_IDS);
    expect(ts.map((t) => t.id)).toEqual(["t1", "t2", "t3", "t4", "t5"]);
    expect(ts.map((t) => t.plannedStart)).toEqual(TRANCHE_DATA.map((d) => serialOf(String(d.start.base))));
    expect(ts.map((t) => t.plannedEnergised)).toEqual(TRANCHE_DATA.map((d) => serialOf(String(d.energised.base))));
    expect(ts.map((t) => t.ramp * 12)).toEqual(TRANCHE_DATA.map((d) => d.rampMonths.base));
    expect(ts.every((t) => !t.delayed && !t.energisedDelayed && t.totalYears === 12)).toBe(true);
    // Tranche 1 bills from 2025-07-15 = 2025 + 195/365 (day 196 of 2025).
    expect(ts[0].plannedStart).toBe(serialOf("2025-07-15"));
    expect(ts[0].start).toBeCloseTo(2025 + 195 / 365, 12);
    // 3.5B / (200 MW x 12) = 1,458,333.33 USD per MW-year; the Denton expansion 1.5B / (70 x 12) = 1,785,714.29.
    expect(ts[0].prices[0]).toBeCloseTo(3.5e9 / 2400, 6);
    expect(ts[4].prices[0]).toBeCloseTo(1.5e9 / 840, 6);
    for (const t of ts) expect(trancheTotal(t)).toBe(t.value);
  });

  test("seed tranches: the schedule guided before the slip, dates, ramps and the flat price each earns", () => {
    const ts = seed.tranches;
    expect(ts.map((t) => t.id)).toEqual(TRANCHE_IDS);
    expect(ts.slice(0, 4).map((t) => t.plannedStart)).toEqual(["2025-05-01", "2025-09-01", "2026-01-01", "2026-07-01"].map(serialOf));
    expect(ts.slice(0, 4).map((t) => t.ramp * 12)).toEqual([8, 8, 9, 6]);
    expect(ts[4].mw).toBe(0); // no Denton expansion in the brief
    expect(ts[4].totalYears).toBe(0); // no MW, no prices
    expect(ts.slice(0, 4).every((t) => !t.delayed && t.totalYears === 12)).toBe(true);
    expect(ts[0].start).toBeCloseTo(2025 + 120 / 365, 12);
    expect(ts[2].start).toBe(2026);
    // 3.5B / (198 MW x 12) = 1,473,063.97 USD per MW-year.
    expect(ts[0].prices[0]).toBeCloseTo(1_473_063.973064, 5);
    for (const t of ts) expect(trancheTotal(t)).toBe(t.value);
  });

  test("a tranche with 0 MW and a value is a #VALUE! error that says what to fix", () => {
    expect(runScenario("base", [["t2_mw", 0]])).toEqual({
      ok: false,
      error: { kind: "value", message: "t2_value is 1225000000 USD but t2_mw is 0: a tranche with value needs MW" },
    });
  });

  test("a tranche with 0 MW and 0 value is simply absent", () => {
    const m = model("base", [
      ["t4_mw", 0],
      ["t4_value", 0],
    ]);
    // Base less tranche 4: 10.2B - 2.0B and 572 - 120 MW.
    expect(m.tcv).toBe(8.2e9);
    expect(m.contractedMw).toBe(452);
    expect(m.years.every((y) => y.revenueByTranche[3] === 0)).toBe(true);
  });

  test("a deal with no MW at all is a #VALUE! error", () => {
    const o: Override[] = TRANCHE_IDS.flatMap((id): Override[] => [
      [`${id}_mw`, 0],
      [`${id}_value`, 0],
    ]);
    const r = runScenario("base", o);
    expect(r).toEqual({ ok: false, error: { kind: "value", message: "every tranche has 0 MW: the deal has no capacity" } });
  });

  test("a value on a vanishingly small MW is #NUM!, not Infinity or NaN", () => {
    const r = buildTranches({ ...baseValues, t1_mw: 1e-310 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe("num");
  });

  test("billing years: seed 2025 to 2038, base 2025 to 2039", () => {
    // Seed: tranche 4's last MW is billable from 2027-01-01 (2026-07-01 + 6 months) and bills 12 years, to 2039-01-01.
    expect(dealYears(seed.tranches)).toEqual({ first: 2025, last: 2038 });
    expect(seed.years.map((y) => y.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035, 2036, 2037, 2038]);
    // Base: tranche 4 from 2026-10-01 over 6 months, its last MW billable from 2027-04-01, billed to 2039-04-01.
    expect(dealYears(base.tranches)).toEqual({ first: 2025, last: 2039 });
    expect(base.years.map((y) => y.year)).toEqual(Array.from({ length: 15 }, (_, i) => 2025 + i));
  });
});

describe("revenue", () => {
  test("hand-checked (seed): tranche 1 alone earns 98,554,033.49 USD in 2025", () => {
    // Start 2025-05-01 = 2025 + 120/365; ramp 8 months = 2/3 year, ending 2025-12-30, inside 2025.
    // Share-years billed in 2025: (2026 - start) - ramp/2 = 245/365 - 1/3 = 74/219 = 0.337900.
    // Price: 3.5B / (198 MW x 12) = 1,473,063.97 USD per MW-year, so revenue =
    // 198 x 1,473,063.97 x 74/219 = (3.5B / 12) x 74/219 = 259,000,000,000 / 2,628 = 98,554,033.49 USD.
    const t1 = seed.tranches[0];
    expect(trancheRevenue(t1, 2025, 2026)).toBeCloseTo(98_554_033.49, 2);
    expect(seed.years[0].revenueByTranche[0]).toBeCloseTo(98_554_033.49, 2);
    expect(trancheMwYears(t1, 2025, 2026)).toBeCloseTo(198 * (74 / 219), 9);
  });

  test("hand-checked (seed): 233 MW billable at the end of 2025 (tranche 1 full, tranche 2 half-ramped)", () => {
    // Tranche 2 starts 2025-09-01 = 2025 + 243/365 with an 8-month ramp: at 2026.0 it is
    // (122/365) / (2/3) = 50.1% billable, 35.1 MW; tranche 1's ramp ended on 2025-12-30.
    const end2025 = seed.years[0].mwBillableEnd;
    expect(end2025).toBeCloseTo(198 + 70 * (122 / 365) * 1.5, 9);
    expect(end2025).toBeCloseTo(233.1, 1);
    expect(trancheMwAt(seed.tranches[0], 2026)).toBe(198);
  });

  test("hand-checked (base): MW billable at the end of 2025 and at 2026-05-06 beside the 243 MW billing on record", () => {
    // Tranche 1: 2025-07-15 + 14-month ramp: at 2026.0 it has run 170 of ~426 days (170/365 of 14/12 years).
    // Tranches 2 and 5 start 2025-12-01 (9- and 3-month ramps): 31 days in at 2026.0.
    const at2026 = 200 * (170 / 365) / (14 / 12) + 70 * (31 / 365) / (9 / 12) + 70 * (31 / 365) / (3 / 12);
    expect(base.years[0].mwBillableEnd).toBeCloseTo(at2026, 9);
    // The Q1 2026 review (2026-05-06): "243 MW billing". On day 125 of 2026 tranche 1 is 295 days into its
    // 14-month ramp, tranche 2 156 days into its 9-month ramp, tranche 5 full and tranche 3 not yet billing: ~248.5 MW.
    const may6 = 2026 + 125 / 365;
    const billing = base.tranches.reduce((s, t) => s + trancheMwAt(t, may6), 0);
    expect(billing).toBeCloseTo(200 * (295 / 365) / (14 / 12) + 70 * (156 / 365) / (9 / 12) + 70, 9);
    expect(Math.abs(billing - 243) / 243).toBeLessThan(0.1);
  });

  test("seed calendar years: full run-rate of 725M from 2027 to 2036, and the ramp-down mirrors the ramp-up", () => {
    const byYear = new Map(seed.years.map((y) => [y.year, y.revenue]));
    for (let y = 2027; y <= 2036; y++) expect(byYear.get(y)).toBeCloseTo(725_000_000, 2);
    // Each MW bills 12 years from the day it becomes billable, so 2037 + 2038 make up what 2025 + 2026 lacked.
    const short = 2 * 725e6 - (byYear.get(2025)! + byYear.get(2026)!);
    expect(byYear.get(2037)! + byYear.get(2038)!).toBeCloseTo(short, 2);
  });

  test("base calendar years: full run-rate of 850M (10.2B / 12) from 2028 to 2036, and the ramp-down mirrors the ramp-up", () => {
    // Every MW billable from 2027-04-01 (tranche 4's ramp ends) until 2037-07-15 (tranche 1's first MW ends its term).
    const byYear = new Map(base.years.map((y) => [y.year, y.revenue]));
    expect(byYear.get(2027)!).toBeLessThan(850e6);
    for (let y = 2028; y <= 2036; y++) expect(byYear.get(y)).toBeCloseTo(850_000_000, 2);
    const short = 3 * 850e6 - (byYear.get(2025)! + byYear.get(2026)! + byYear.get(2027)!);
    expect(byYear.get(2037)! + byYear.get(2038)! + byYear.get(2039)!).toBeCloseTo(short, 2);
  });

  test("contract-year revenue is MW x price, each tranche earning value / term in each year at a flat price", () => {
    for (const t of base.tranches) {
      for (let k = 1; k <= 12; k++) expect(trancheContractYearRevenue(t, k)).toBeCloseTo(t.value / 12, 4);
      expect(trancheContractYearRevenue(t, 0)).toBe(0);
      expect(trancheContractYearRevenue(t, 13)).toBe(0);
    }
  });

  test("property: calendar-year revenue sums to the TCV incl. options for any ramp, start, term, escalator and renewals", () => {
    fc.assert(
      fc.property(dealArb, (d) => {
        const m = model("base", overridesOf(d));
        const expected = expectedTcv(d);
        const calendar = m.years.reduce((s, y) => s + y.revenue, 0);
        const byContractYear = m.contractYears.reduce((s, y) => s + y.revenue, 0);
        expect(relClose(m.tcvInclOptions, expected, 1e-9)).toBe(true);
        expect(relClose(m.tcv, d.tranches.reduce((s, t) => s + t.value, 0), 1e-12)).toBe(true); // TCV is the initial term's value, options apart
        expect(relClose(calendar, expected, 1e-9)).toBe(true);
        expect(relClose(byContractYear, expected, 1e-9)).toBe(true);
        // And the tranches' columns add up to the year.
        for (const y of m.years) {
          expect(relClose(y.revenueByTranche.reduce((s, r) => s + r, 0), y.revenue, 1e-12)).toBe(true);
          expect(y.revenue).toBeGreaterThanOrEqual(-1e-6 * Math.max(1, expected));
        }
      }),
      { numRuns: 150 },
    );
  });

  test("property: contract-year revenue matches the prices (value / weight x (1 + escalator)^(k-1))", () => {
    fc.assert(
      fc.property(dealArb, (d) => {
        const m = model("base", overridesOf(d));
        let weight = 0;
        for (let k = 0; k < d.term; k++) weight += (1 + d.escalator) ** k;
        const totalValue = d.tranches.reduce((s, t) => s + t.value, 0);
        for (const row of m.contractYears) {
          const k = row.contractYear;
          const renewal = k > d.term ? 1 + d.repricing : 1;
          const expected = (totalValue / weight) * (1 + d.escalator) ** (k - 1) * renewal;
          expect(relClose(row.revenue, expected, 1e-9)).toBe(true);
          expect(row.grossProfit).toBeCloseTo(row.revenue * m.licenceMargin, 3);
        }
        expect(m.contractYears).toHaveLength(d.term + d.renewals * d.renewalYears);
      }),
      { numRuns: 100 },
    );
  });

  test("property: an escalator moves revenue between years but keeps the initial-term value fixed", () => {
    fc.assert(
      fc.property(fc.double({ min: -0.1, max: 0.2, noNaN: true }), (e) => {
        // Base: 10.2B over 12 years, 850M a year at a flat price.
        const m = model("base", [["escalator", e]]);
        expect(relClose(m.tcv, 10.2e9, 1e-12)).toBe(true);
        expect(relClose(m.years.reduce((s, y) => s + y.revenue, 0), 10.2e9, 1e-9)).toBe(true);
        const first = m.contractYears[0].revenue;
        const last = m.contractYears[11].revenue;
        if (e > 1e-9) expect(first).toBeLessThan(850e6);
        if (e > 1e-9) expect(last).toBeGreaterThan(850e6);
        if (e < -1e-9) expect(first).toBeGreaterThan(850e6);
      }),
      { numRuns: 100 },
    );
  });

  test("hand-checked: the bull case's two 5-year renewals at base's +21.77% (to the library's market rent) add base's 850M a year x 1.2177 x 10 years", () => {
    // At a flat price every tranche earns value / 12 a year, so the five together earn 10.2B / 12 = 850M.
    // 850M / 572 MW = $1.486M per MW-year; x 1.2177 = $1.810M, the deal library's recent median.
    const bull = model("bull");
    expect(bull.scenario.values.renewal_repricing).toBe(0.2177);
    expect(bull.tcvInclOptions).toBeCloseTo(10.2e9 + 850e6 * 1.2177 * 10, 0); // 20,550,450,000
    expect(bull.tcv).toBe(10.2e9); // TCV: the firm initial term, the options not counted
    expect(bull.contractYears).toHaveLength(22);
    expect(bull.contractYears[12].revenue).toBeCloseTo(1_035_045_000, 3);
    expect((850e6 * 1.2177) / 572).toBeCloseTo(1.81e6, -4);
  });

  test("property: renewal years add MW x price x (1 + repricing) x years at a flat price", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 1, max: 10 }),
        fc.double({ min: -0.5, max: 1, noNaN: true }),
        (n, years, repricing) => {
          const m = model("base", [
            ["renewal_options", n],
            ["renewal_term_years", years],
            ["renewal_repricing", repricing],
          ]);
          const added = m.tranches.reduce((s, t) => s + t.mw * t.prices[0] * (1 + repricing) * n * years, 0);
          expect(relClose(m.tcvInclOptions, 10.2e9 + added, 1e-12)).toBe(true);
          expect(m.tcv).toBe(10.2e9);
          expect(relClose(m.years.reduce((s, y) => s + y.revenue, 0), 10.2e9 + added, 1e-9)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("supply-chain delay", () => {
  test("moves only the tranches planned after the 'delay applies after' date", () => {
    const bear = model("bear");
    // After 2026-03-02: tranches 3 (2026-06-01) and 4 (2026-10-01); 1, 2 and 5 started billing in 2025.
    expect(bear.tranches.map((t) => t.delayed)).toEqual([false, false, true, true, false]);
    expect(bear.tranches.map((t) => t.energisedDelayed)).toEqual([false, false, true, true, false]);
    // Tranche 3: 2026-06-01 + 9 months = 2027-03-01 = 2027 + 59/365; tranche 4: 2026-10-01 + 9 months = 2027-07-01 = 2027 + 181/365.
    expect(bear.tranches[2].start).toBeCloseTo(2027 + 59 / 365, 12);
    expect(bear.tranches[3].start).toBeCloseTo(2027 + 181 / 365, 12);
    expect(bear.tranches[3].energised).toBe(bear.tranches[3].start);
    expect(delayedStart(serialOf("2026-03-02"), bear.scenario.values)).toEqual({
      start: yearFraction({ year: 2026, month: 3, day: 2 }),
      delayed: false,
    });
    expect(delayedStart(serialOf("2026-03-03"), bear.scenario.values).delayed).toBe(true);
  });

  test("the delayed start as an Excel serial: months added as EDATE does, the last day kept in a shorter month", () => {
    const bear = model("bear").scenario.values; // 9 months for starts after 2026-03-02
    expect(delayedStartSerial(serialOf("2026-07-01"), bear)).toBe(serialOf("2027-04-01"));
    expect(delayedStartSerial(serialOf("2026-05-31"), bear)).toBe(serialOf("2027-02-28"));
    expect(delayedStartSerial(serialOf("2026-03-02"), bear)).toBe(serialOf("2026-03-02")); // not after the date: unchanged
  });

  const delayArb = fc.record({
    deal: dealArb,
    delay: fc.integer({ min: 1, max: 60 }),
    after: fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
    rate: fc.double({ min: 0.001, max: 1, noNaN: true }),
    margin: fc.double({ min: 0.01, max: 1, noNaN: true }),
  });

  test("property: a delay never adds capacity in any year, never changes the TCV, and lowers NPV at a positive rate", () => {
    fc.assert(
      fc.property(delayArb, ({ deal, delay, after, rate, margin }) => {
        const common: Override[] = [
          ...overridesOf(deal),
          ["delay_after", after],
          ["licence_margin", margin],
          ["valuation_date", "2020-01-01"], // on or before every billing start, so no gross profit is cut off
        ];
        const onTime = model("base", common);
        const late = model("base", [...common, ["delay_months", delay]]);
        expect(late.tcvInclOptions).toBe(onTime.tcvInclOptions);
        expect(relClose(late.years.reduce((s, y) => s + y.revenue, 0), onTime.tcvInclOptions, 1e-9)).toBe(true);
        const a = capacitySchedule(onTime, 2019, 2070);
        const b = capacitySchedule(late, 2019, 2070);
        a.forEach((row, i) => expect(b[i].energisedMw).toBeLessThanOrEqual(row.energisedMw));
        const npvOnTime = unwrap(dealNpv(onTime, rate));
        const npvLate = unwrap(dealNpv(late, rate));
        // Never higher (up to rounding); strictly lower once a delayed tranche carries real money
        // (a value of 5e-324 USD moves nothing a double can see).
        expect(npvLate).toBeLessThanOrEqual(npvOnTime + 1e-12 * Math.abs(npvOnTime) + 1e-9);
        const movesRevenue = late.tranches.some((t) => t.delayed && t.mw > 0 && t.value >= 1000);
        if (movesRevenue) expect(npvLate).toBeLessThan(npvOnTime);
        if (!late.tranches.some((t) => t.delayed)) expect(npvLate).toBe(npvOnTime);
      }),
      { numRuns: 120 },
    );
  });
});
