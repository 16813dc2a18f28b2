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
import { yearFraction } from "../../src/model/dates";
import { Override, resolveScenario } from "../../src/model/scenarios";
import { capacitySchedule, dealNpv, runScenario } from "../../src/model/scenarioModel";
import { model, relClose, serialOf, unwrap } from "./helpers";

const base = model("base");
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

/** Random deals within the assumptions' bounds; tranche 1 always has MW. */
const dealArb: fc.Arbitrary<DealInputs> = fc.record({
  tranches: fc
    .tuple(trancheArb, trancheArb, trancheArb, trancheArb)
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
  test("base tranches: dates, ramps and the flat price each earns", () => {
    const ts = base.tranches;
    expect(ts).toHaveLength(TRANCHE_COUNT);
    expect(ts.map((t) => t.id)).toEqual(["t1", "t2", "t3", "t4"]);
    expect(ts.map((t) => t.plannedStart)).toEqual(["2025-05-01", "2025-09-01", "2026-01-01", "2026-07-01"].map(serialOf));
    expect(ts.map((t) => t.ramp * 12)).toEqual([8, 8, 9, 6]);
    expect(ts.every((t) => !t.delayed && t.totalYears === 12)).toBe(true);
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
    expect(m.tcv).toBe(6.7e9);
    expect(m.contractedMw).toBe(380);
    expect(m.years.every((y) => y.revenueByTranche[3] === 0)).toBe(true);
  });

  test("a deal with no MW at all is a #VALUE! error", () => {
    const o: Override[] = [1, 2, 3, 4].flatMap((i): Override[] => [
      [`t${i}_mw`, 0],
      [`t${i}_value`, 0],
    ]);
    const r = runScenario("base", o);
    expect(r).toEqual({ ok: false, error: { kind: "value", message: "every tranche has 0 MW: the deal has no capacity" } });
  });

  test("a value on a vanishingly small MW is #NUM!, not Infinity or NaN", () => {
    const r = buildTranches({ ...baseValues, t1_mw: 1e-310 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe("num");
  });

  test("base billing years run from 2025 to 2038", () => {
    expect(dealYears(base.tranches)).toEqual({ first: 2025, last: 2038 });
    expect(base.years.map((y) => y.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035, 2036, 2037, 2038]);
  });
});

describe("revenue", () => {
  test("hand-checked: tranche 1 alone earns 98,554,033.49 USD in 2025", () => {
    // Start 2025-05-01 = 2025 + 120/365; ramp 8 months = 2/3 year, ending 2025-12-30, inside 2025.
    // Share-years billed in 2025: (2026 - start) - ramp/2 = 245/365 - 1/3 = 74/219 = 0.337900.
    // Price: 3.5B / (198 MW x 12) = 1,473,063.97 USD per MW-year, so revenue =
    // 198 x 1,473,063.97 x 74/219 = (3.5B / 12) x 74/219 = 259,000,000,000 / 2,628 = 98,554,033.49 USD.
    const t1 = base.tranches[0];
    expect(trancheRevenue(t1, 2025, 2026)).toBeCloseTo(98_554_033.49, 2);
    expect(base.years[0].revenueByTranche[0]).toBeCloseTo(98_554_033.49, 2);
    expect(trancheMwYears(t1, 2025, 2026)).toBeCloseTo(198 * (74 / 219), 9);
  });

  test("hand-checked: 233 MW billable at the end of 2025 (tranche 1 full, tranche 2 half-ramped)", () => {
    // Tranche 2 starts 2025-09-01 = 2025 + 243/365 with an 8-month ramp: at 2026.0 it is
    // (122/365) / (2/3) = 50.1% billable, 35.1 MW; tranche 1's ramp ended on 2025-12-30.
    const end2025 = base.years[0].mwBillableEnd;
    expect(end2025).toBeCloseTo(198 + 70 * (122 / 365) * 1.5, 9);
    expect(end2025).toBeCloseTo(233.1, 1);
    expect(trancheMwAt(base.tranches[0], 2026)).toBe(198);
  });

  test("base calendar years: full run-rate of 725M from 2027 to 2036, and the ramp-down mirrors the ramp-up", () => {
    const byYear = new Map(base.years.map((y) => [y.year, y.revenue]));
    for (let y = 2027; y <= 2036; y++) expect(byYear.get(y)).toBeCloseTo(725_000_000, 2);
    // Each MW bills 12 years from the day it becomes billable, so 2037 + 2038 make up what 2025 + 2026 lacked.
    const short = 2 * 725e6 - (byYear.get(2025)! + byYear.get(2026)!);
    expect(byYear.get(2037)! + byYear.get(2038)!).toBeCloseTo(short, 2);
  });

  test("contract-year revenue is MW x price, each tranche earning value / term in each year at a flat price", () => {
    for (const t of base.tranches) {
      for (let k = 1; k <= 12; k++) expect(trancheContractYearRevenue(t, k)).toBeCloseTo(t.value / 12, 4);
      expect(trancheContractYearRevenue(t, 0)).toBe(0);
      expect(trancheContractYearRevenue(t, 13)).toBe(0);
    }
  });

  test("property: calendar-year revenue sums to the TCV for any ramp, start, term, escalator and renewals", () => {
    fc.assert(
      fc.property(dealArb, (d) => {
        const m = model("base", overridesOf(d));
        const expected = expectedTcv(d);
        const calendar = m.years.reduce((s, y) => s + y.revenue, 0);
        const byContractYear = m.contractYears.reduce((s, y) => s + y.revenue, 0);
        expect(relClose(m.tcv, expected, 1e-9)).toBe(true);
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
        const m = model("base", [["escalator", e]]);
        expect(relClose(m.tcv, 8.7e9, 1e-12)).toBe(true);
        expect(relClose(m.years.reduce((s, y) => s + y.revenue, 0), 8.7e9, 1e-9)).toBe(true);
        const first = m.contractYears[0].revenue;
        const last = m.contractYears[11].revenue;
        if (e > 1e-9) expect(first).toBeLessThan(725e6);
        if (e > 1e-9) expect(last).toBeGreaterThan(725e6);
        if (e < -1e-9) expect(first).toBeGreaterThan(725e6);
      }),
      { numRuns: 100 },
    );
  });

  test("hand-checked: the bull case's two 5-year renewals at +10% add 500 MW x 1.45M x 1.1 x 10 years", () => {
    const bull = model("bull");
    expect(bull.tcv).toBeCloseTo(8.7e9 + 500 * 1.45e6 * 1.1 * 10, 0); // 16,675,000,000
    expect(bull.contractYears[12].revenue).toBeCloseTo(797_500_000, 3);
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
          expect(relClose(m.tcv, 8.7e9 + added, 1e-12)).toBe(true);
          expect(relClose(m.years.reduce((s, y) => s + y.revenue, 0), 8.7e9 + added, 1e-9)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("supply-chain delay", () => {
  test("moves only the tranches planned after the 'delay applies after' date", () => {
    const bear = model("bear");
    expect(bear.tranches.map((t) => t.delayed)).toEqual([false, false, false, true]);
    // Tranche 4: 2026-07-01 + 9 months = 2027-04-01 = 2027 + 90/365.
    expect(bear.tranches[3].start).toBeCloseTo(2027 + 90 / 365, 12);
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
        expect(late.tcv).toBe(onTime.tcv);
        expect(relClose(late.years.reduce((s, y) => s + y.revenue, 0), onTime.tcv, 1e-9)).toBe(true);
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
