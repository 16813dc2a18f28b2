/** The seed-to-base walk: it starts and ends at each scenario's own figures, and the steps add up. */
import fc from "fast-check";
import { reconcile, SEED_TO_BASE_SOURCES, unitPv } from "../../src/model/reconcile";
import { dealNpv, runScenario } from "../../src/model/scenarioModel";
import { Override } from "../../src/model/scenarios";

function model(name: string, overrides: readonly Override[] = []) {
  const m = runScenario(name, overrides);
  if (!m.ok) throw new Error(m.error.message);
  return m.value;
}

function walk(from: ReturnType<typeof model>, to: ReturnType<typeof model>) {
  const r = reconcile(from, to, SEED_TO_BASE_SOURCES);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function npv(m: ReturnType<typeof model>): number {
  const v = dealNpv(m, m.scenario.values.discount_rate);
  if (!v.ok) throw new Error(v.error.message);
  return v.value;
}

describe("reconcile(seed, base)", () => {
  const seed = model("seed");
  const base = model("base");
  const steps = walk(seed, base);

  test("starts at the seed's 500 MW, $8.7B and NPV, and ends at base's 572 MW, $10.2B and NPV", () => {
    expect(steps[0]).toMatchObject({ mw: 500, value: 8.7e9 });
    expect(steps[0].npv).toBeCloseTo(npv(seed), 2);
    const last = steps[steps.length - 1];
    expect(last).toMatchObject({ mw: 572, value: 10.2e9 });
    expect(last.npv).toBeCloseTo(npv(base), 2);
  });

  test("the steps add up from the first row to the last in every measure", () => {
    const middle = steps.slice(1, -1);
    for (const k of ["mw", "value", "npv"] as const) {
      expect(steps[0][k] + middle.reduce((s, x) => s + x[k], 0)).toBeCloseTo(steps[steps.length - 1][k], 2);
    }
  });

  test("the Denton step is its 70 MW at the seed's $1.45M per MW-year for 12 years; price carries the rest of its $1.5B", () => {
    expect(steps[1].mw).toBe(70);
    expect(steps[1].value).toBeCloseTo(70 * 1.45e6 * 12, 2);
    expect(steps[3].value).toBeCloseTo(1.5e9 - 70 * 1.45e6 * 12, 2);
    expect(steps[3].mw).toBe(2); // tranche 1: 198 MW in the seed, 200 MW as filed
  });

  test("the margin step is the margin change times base's gross-profit base, and every step has a public source", () => {
    expect(steps[4].npv).toBeCloseTo(((0.825 - 0.775) / 0.825) * npv(base), 2);
    for (const s of steps.slice(1, -1)) expect(s.source).toMatch(/<https:\/\/[^>]+>/);
  });
});

test("valued before any billing, a unit of contract value is worth less the later it bills (property over delays)", () => {
  // Valued after billing began, a delay also moves revenue from before the date (history) to after
  // it, which can raise the value: that is why the seed-to-base slip nearly cancels.
  const before: Override[] = [["valuation_date", "2025-01-01"], ["delay_after", "2020-01-01"]];
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 36 }), (months) => {
      const early = unitPv(model("base", before));
      const late = unitPv(model("base", [...before, ["delay_months", months]]));
      late.forEach((u, i) => expect(u).toBeLessThan(early[i]));
    }),
    { numRuns: 12 },
  );
});

test("walking a scenario to itself changes nothing", () => {
  const bull = model("bull");
  const steps = walk(bull, bull);
  for (const s of steps.slice(1, -1)) {
    expect(s.mw).toBe(0);
    expect(Math.abs(s.value)).toBeLessThan(1e-3);
    expect(Math.abs(s.npv)).toBeLessThan(1e-3);
  }
});

test("override ranges typed with the version 1.2 tranche labels still resolve to the same keys", () => {
  const viaOld = model("base", [["Tranche 1 billing start", "2025-09-01"], ["Tranche 5 critical IT load", 80]]);
  const viaKey = model("base", [["t1_start", "2025-09-01"], ["t5_mw", 80]]);
  expect(viaOld.tcv).toBe(viaKey.tcv);
  expect(viaOld.tranches.map((t) => [t.mw, t.start])).toEqual(viaKey.tranches.map((t) => [t.mw, t.start]));
  expect(viaOld.tranches[0].start).not.toBe(model("base").tranches[0].start);
});
