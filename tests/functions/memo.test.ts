/**
 * The one cache policy (src/functions/memo.ts): a Memo keeps at most its entries and weight,
 * dropping the least recently used first. And the caches built on it change speed, never
 * answers: every remembered figure equals the model's own computation, for any year, rate and
 * scenario spelling, including years with no billing and scenarios given as override ranges.
 */
import fc from "fast-check";
import { capacityEndOfYear } from "../../src/model/capacity";
import { dealNpv, runScenario, yearRow } from "../../src/model/scenarioModel";
import { dealNpvFn, dealRevenue, grossProfit, hpcCapacity } from "../../src/functions/functions";
import { flowsOf, modelFor, usd } from "../../src/functions/scenario";
import { Memo } from "../../src/functions/memo";
import { excelError } from "./helpers";

describe("Memo", () => {
  test("computes once per key; the least recently used entry goes first when full", () => {
    const m = new Memo<number>(2);
    let calls = 0;
    const get = (k: string) => m.get(k, () => ++calls);
    expect([get("a"), get("b"), get("a")]).toEqual([1, 2, 1]);
    get("c"); // full: "b" was used least recently
    expect(m.size).toBe(2);
    expect(get("a")).toBe(1);
    expect(get("b")).toBe(4); // recomputed
  });

  test("a weight bound drops the oldest until the rest fit, but keeps the newest however heavy", () => {
    const m = new Memo<number[]>(10, (v) => v.length, 5);
    m.get("a", () => [1, 2, 3]);
    m.get("b", () => [1, 2]);
    expect(m.size).toBe(2);
    m.get("c", () => [1]); // 6 > 5: "a" goes
    expect(m.size).toBe(2);
    m.get("huge", () => new Array(50).fill(0));
    expect(m.size).toBe(1);
    expect(m.get("huge", () => [])).toHaveLength(50);
  });

  test("errors are remembered as values too (the model is pure); clear() forgets everything", () => {
    const m = new Memo<{ ok: boolean }>(4);
    let calls = 0;
    const failing = () => (calls++, { ok: false });
    m.get("bad", failing);
    m.get("bad", failing);
    expect(calls).toBe(1);
    m.clear();
    m.get("bad", failing);
    expect(calls).toBe(2);
  });
});

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
