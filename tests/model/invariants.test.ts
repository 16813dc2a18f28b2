/**
 * Invariants of the model as properties, beside those kept with their subject (deal.test.ts:
 * calendar and contract-year revenue sum to the TCV, a delay never adds capacity;
 * customers.test.ts: shares sum to 1; capacity.test.ts: capacity never falls year on year):
 * NPV falls as the discount rate rises whenever the flows are positive, for any cash flows and
 * for the deal under any valid scenario, and removing the delay of any scenario never lowers
 * its capacity.
 */
import fc from "fast-check";
import { capacitySchedule, dealNpv, npvFlows, runScenario } from "../../src/model/scenarioModel";
import { npv } from "../../src/model/finance";
import { Override } from "../../src/model/scenarios";
import { anyValidOverrides, model, unwrap } from "./helpers";

const rates = fc
  .tuple(fc.double({ min: -0.9, max: 5, noNaN: true }), fc.double({ min: 1e-6, max: 5, noNaN: true }))
  .map(([lo, gap]) => [lo, lo + gap] as const);

test("property: for positive cash flows, a higher rate gives a lower NPV", () => {
  fc.assert(
    fc.property(rates, fc.array(fc.double({ min: 1, max: 1e10, noNaN: true }), { minLength: 1, maxLength: 40 }), ([lo, hi], flows) => {
      expect(unwrap(npv(hi, flows))).toBeLessThan(unwrap(npv(lo, flows)));
    }),
    { numRuns: 2000 },
  );
});

test("property: for flows that are positive or zero (some positive), NPV never rises with the rate", () => {
  fc.assert(
    fc.property(rates, fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e10, noNaN: true })), { minLength: 1, maxLength: 40 }), ([lo, hi], flows) => {
      expect(unwrap(npv(hi, flows))).toBeLessThanOrEqual(unwrap(npv(lo, flows)));
    }),
    { numRuns: 2000 },
  );
});

test("property: the deal's NPV falls as the rate rises, in any valid scenario (its gross profit is never negative)", () => {
  let compared = 0;
  fc.assert(
    fc.property(fc.constantFrom("base", "bull", "bear"), anyValidOverrides, rates, (name, overrides: Override[], [lo, hi]) => {
      const r = runScenario(name, overrides);
      if (!r.ok) return; // an impossible combination (e.g. value on 0 MW) is #NUM!, tested elsewhere
      const m = r.value;
      expect(m.years.every((y) => y.grossProfit >= 0)).toBe(true);
      const a = dealNpv(m, lo);
      const b = dealNpv(m, hi);
      if (!a.ok || !b.ok) return; // no gross profit after the valuation date, or an overflow: errors are tested elsewhere
      compared++;
      expect(b.value).toBeLessThanOrEqual(a.value);
      if (unwrap(npvFlows(m)).some((f) => f.grossProfit > 1)) expect(b.value).toBeLessThan(a.value);
    }),
    { numRuns: 150 },
  );
  expect(compared).toBeGreaterThan(75);
});

test("property: removing a scenario's supply-chain delay never lowers its capacity in any year", () => {
  fc.assert(
    fc.property(fc.constantFrom("base", "bull", "bear"), fc.integer({ min: 1, max: 36 }), (name, months) => {
      const late = model(name, [["delay_months", months]]);
      const onTime = model(name, [["delay_months", 0]]);
      const a = capacitySchedule(onTime, 2019, 2070);
      const b = capacitySchedule(late, 2019, 2070);
      expect(a.filter((row, i) => row.energisedMw < b[i].energisedMw)).toEqual([]);
    }),
    { numRuns: 100 },
  );
});
