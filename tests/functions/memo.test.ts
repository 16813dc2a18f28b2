/**
 * The functions' per-scenario memo (src/functions/scenario.ts) changes speed, never answers:
 * every memoised figure equals the model's own computation, for any year, rate and scenario
 * spelling, including years with no billing and scenarios given as override ranges.
 */
import fc from "fast-check";
import { capacityEndOfYear } from "../../src/model/capacity";
import { dealNpv, runScenario, yearRow } from "../../src/model/scenarioModel";
import { dealNpvFn, dealRevenue, grossProfit, hpcCapacity } from "../../src/functions/functions";
import { flowsOf, modelFor, usd } from "../../src/functions/scenario";
import { excelError } from "./helpers";

const SCENARIOS: ReadonlyArray<[label: string, arg: unknown, name: string, overrides: [string, unknown][]]> = [
  ["omitted", undefined, "base", []],
  ["bull by name", "bull", "bull", []],
  ["bear in a cell", [["bear"]], "bear", []],
  ["Bull, spaced and capitalised", [[" Bull "]], "bull", []],
  ["overrides", [["delay_months", 7], ["escalator", 0.03]], "base", [["delay_months", 7], ["escalator", 0.03]]],
  ["overrides on bear", [["scenario", "bear"], ["t1_mw", 150]], "base", [["scenario", "bear"], ["t1_mw", 150]]],
];

const model = (name: string, overrides: [string, unknown][]) => {
  const r = runScenario(name, overrides as never);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

test.each(SCENARIOS)("%s: revenue, gross profit and capacity equal the model's for any year", (_label, arg, name, overrides) => {
  const m = model(name, overrides);
  fc.assert(
    fc.property(fc.integer({ min: 1900, max: 2100 }), (y) => {
      expect(dealRevenue(y, arg as never)).toBe(usd(yearRow(m, y).revenue));
      expect(grossProfit(y, arg as never)).toBe(usd(yearRow(m, y).grossProfit));
      expect(hpcCapacity(y, arg as never)).toBe(capacityEndOfYear(m.capacityLines, y));
    }),
    { numRuns: 400 },
  );
});

test.each(SCENARIOS)("%s: DEAL_NPV equals the model's dealNpv at any rate", (_label, arg, name, overrides) => {
  const m = model(name, overrides);
  fc.assert(
    fc.property(fc.double({ min: -0.99, max: 10, noNaN: true }), (r) => {
      const expected = dealNpv(m, r);
      if (expected.ok) expect(dealNpvFn(r, arg as never)).toBe(usd(expected.value));
      else expect(excelError(() => dealNpvFn(r, arg as never)).code).not.toBe("");
    }),
    { numRuns: 400 },
  );
});

test("a name and a one-cell range of the same name share one model; a miss does not poison the cache", () => {
  const a = modelFor("bull");
  expect(modelFor([["bull"]])).toBe(a);
  expect(modelFor("BULL")).toBe(a);
  expect(modelFor([["nope"]]).ok).toBe(false);
  expect(modelFor("bull")).toBe(a);
});

test("the memoised NPV flows are the model's and stay unchanged after calls", () => {
  const m = model("base", []);
  const f = flowsOf(m);
  if (!f.ok) throw new Error(f.error.message);
  const copy = [...f.value];
  for (let i = 0; i < 50; i++) dealNpvFn(0.01 * i);
  expect(f.value).toEqual(copy);
  expect(flowsOf(m)).toBe(f);
});
