/** Unlevered cash flows and their value: identities that tie them to the gross-profit NPV, and what each item does. */
import fc from "fast-check";
import { npv } from "../../src/model/finance";
import { dealNpv, runScenario } from "../../src/model/scenarioModel";
import { Override } from "../../src/model/scenarios";
import { cashFlowYear, cashFlowYears, dealIrr, dealValue, valueFlows } from "../../src/model/valuation";

function model(name: string, overrides: readonly Override[] = []) {
  const m = runScenario(name, overrides);
  if (!m.ok) throw new Error(m.error.message);
  return m.value;
}
function value(name: string, overrides: readonly Override[] = []): number {
  const v = dealValue(model(name, overrides));
  if (!v.ok) throw new Error(v.error.message);
  return v.value;
}
function grossNpv(name: string, overrides: readonly Override[] = []): number {
  const m = model(name, overrides);
  const v = dealNpv(m, m.scenario.values.discount_rate);
  if (!v.ok) throw new Error(v.error.message);
  return v.value;
}
const NOTHING_ELSE: Override[] = [
  ["overhead_rate", 0],
  ["core_capex_per_mw", 0],
  ["maintenance_capex_rate", 0],
  ["tax_rate", 0],
];

test("with no overhead, capex, maintenance or tax, the value is the gross-profit NPV (same flows, same convention)", () => {
  for (const n of ["base", "seed", "bull", "bear"]) expect(value(n, NOTHING_ELSE)).toBeCloseTo(grossNpv(n, NOTHING_ELSE), 2);
});

test("capex and tax cost something: the value is below the gross-profit NPV in every built-in scenario", () => {
  for (const n of ["base", "seed", "bull", "bear"]) expect(value(n, [["core_capex_per_mw", 1e6]])).toBeLessThan(grossNpv(n));
});

test("pass-through power is billed and paid in the same amount: the power price never moves the cash flow", () => {
  fc.assert(
    fc.property(fc.double({ min: 0, max: 500, noNaN: true }), (price) => {
      const a = cashFlowYear(model("base", [["power_price", price]]), 2027);
      const b = cashFlowYear(model("base"), 2027);
      expect(a.freeCashFlow).toBeCloseTo(b.freeCashFlow, 4);
      expect(a.passThroughPower).toBeCloseTo((b.passThroughPower * price) / 40, 4);
    }),
    { numRuns: 20 },
  );
});

test("Core Scientific's capex adds up to MW x capex per MW, and its depreciation to the same over the term", () => {
  const m = model("base", [["core_capex_per_mw", 1.2e6]]);
  const { first, last } = cashFlowYears(m);
  let capex = 0;
  let depreciation = 0;
  for (let y = first; y <= last; y++) {
    capex += cashFlowYear(m, y).capex;
    depreciation += cashFlowYear(m, y).depreciation;
  }
  expect(capex).toBeCloseTo(572 * 1.2e6, 2);
  expect(depreciation).toBeCloseTo(572 * 1.2e6, 2);
});

test("each year's free cash flow is EBITDA less tax, capex and maintenance, and EBITDA is revenue x (margin - overhead)", () => {
  const m = model("base", [["core_capex_per_mw", 1e6]]);
  for (const y of [2025, 2026, 2030, 2037]) {
    const r = cashFlowYear(m, y);
    expect(r.ebitda).toBeCloseTo(r.licenceRevenue * (0.825 - m.scenario.values.overhead_rate), 4);
    expect(r.freeCashFlow).toBeCloseTo(r.ebitda - r.tax - r.capex - r.maintenanceCapex, 4);
    expect(r.tax).toBeGreaterThanOrEqual(0);
  }
});

test("the IRR is the rate at which the yearly cash flows are worth nothing; without capex of Core's there is none", () => {
  const m = model("base", [["core_capex_per_mw", 1e6]]);
  const r = dealIrr(m);
  if (!r.ok) throw new Error(r.error.message);
  const { first, last } = cashFlowYears(m);
  const flows: number[] = [];
  for (let y = first; y <= last; y++) flows.push(cashFlowYear(m, y).freeCashFlow);
  const at = npv(r.value, flows);
  if (!at.ok) throw new Error(at.error.message);
  expect(Math.abs(at.value)).toBeLessThan(1e-3 * Math.abs(flows[0]));
  expect(dealIrr(model("base", [["core_capex_per_mw", 0]]))).toMatchObject({ ok: false, error: { kind: "num" } });
});

test("flows before the valuation date are history: a later date drops them and compounds the rest", () => {
  const early = valueFlows(model("base", [["valuation_date", "2026-05-10"]]));
  const late = valueFlows(model("base", [["valuation_date", "2028-01-01"]]));
  if (!early.ok || !late.ok) throw new Error("no flows");
  expect(late.value[0].year).toBe(2028);
  expect(early.value[0].year).toBe(2026);
});
