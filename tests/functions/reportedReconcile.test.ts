/** CORZ.REPORTED_VS_MODEL and CORZ.RECONCILE: the spills are the model's rows, and bad arguments give clear errors. */
import * as F from "../../src/functions/functions";
import { REPORTED_QUARTERS } from "../../src/model/record";
import { reportedVsModel } from "../../src/model/reportedVsModel";
import { dealNpv, runScenario } from "../../src/model/scenarioModel";
import { excelError } from "./helpers";

function model(name: string) {
  const m = runScenario(name);
  if (!m.ok) throw new Error(m.error.message);
  return m.value;
}

describe("CORZ.REPORTED_VS_MODEL", () => {
  test("spills period | reported | model | variance for every reported quarter, oldest first", () => {
    const t = F.reportedVsModelFn();
    expect(t[0]).toEqual(["Period", "Reported (USD)", "Model, reported basis (USD)", "Variance"]);
    expect(t.slice(1).map((r) => r[0])).toEqual(REPORTED_QUARTERS.map((q) => q.period));
    const rows = reportedVsModel(model("base"));
    t.slice(1).forEach((r, i) => {
      expect(r[1]).toBe(REPORTED_QUARTERS[i].colocationRevenueUsd.value);
      expect(r[2]).toBeCloseTo(rows[i].model, 2);
      expect(r[3]).toBeCloseTo((rows[i].model - rows[i].reported) / rows[i].reported, 12);
    });
  });

  test("follows the scenario: overrides move the model, never the reported figures", () => {
    const base = F.reportedVsModelFn();
    const more = F.reportedVsModelFn([["other_colocation_revenue", 10e6]] as any);
    more.slice(1).forEach((r, i) => {
      expect(r[1]).toBe(base[i + 1][1]);
      expect(r[2] as number).toBeCloseTo((base[i + 1][2] as number) + 1.4e6, 2);
    });
  });

  test("a bad scenario is #N/A naming the scenarios; a bad override is #VALUE! with the range", () => {
    expect(excelError(() => F.reportedVsModelFn([["nosuch"]]))).toMatchObject({ code: "#N/A", message: expect.stringContaining("seed") });
    expect(excelError(() => F.reportedVsModelFn([["reported_power_share", 2]] as any))).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("reported_power_share") });
  });
});

describe("CORZ.RECONCILE", () => {
  test("by default walks from seed to base: first and last rows are each scenario's MW, value and NPV", () => {
    const t = F.reconcileFn();
    expect(t[0]).toEqual(["Step", "MW contracted", "Contract value, initial term (USD)", "NPV of gross profit (USD)", "Source"]);
    expect(t).toHaveLength(7);
    const npv = (n: string) => {
      const m = model(n);
      const v = dealNpv(m, m.scenario.values.discount_rate);
      if (!v.ok) throw new Error(v.error.message);
      return v.value;
    };
    expect(t[1].slice(0, 3)).toEqual(["seed", 500, 8.7e9]);
    expect(t[1][3]).toBeCloseTo(npv("seed"), 1);
    expect(t[6].slice(0, 3)).toEqual(["base", 572, 10.2e9]);
    expect(t[6][3]).toBeCloseTo(npv("base"), 1);
    for (const r of t.slice(2, 6)) expect(String(r[4])).toMatch(/<https:\/\/[^>]+>/);
  });

  test("from and to take any scenarios; bull to bull changes nothing", () => {
    const t = F.reconcileFn([["bull"]], [["bull"]]);
    for (const r of t.slice(2, 6)) {
      expect(r[1]).toBe(0);
      expect(Math.abs(r[2] as number)).toBeLessThan(0.01);
      expect(Math.abs(r[3] as number)).toBeLessThan(0.01);
    }
    expect(F.reconcileFn(undefined, [["bear"]])[6][0]).toBe("bear");
  });

  test("an unknown scenario in either argument is #N/A", () => {
    expect(excelError(() => F.reconcileFn([["nosuch"]]))).toMatchObject({ code: "#N/A" });
    expect(excelError(() => F.reconcileFn(undefined, [["nosuch"]]))).toMatchObject({ code: "#N/A" });
  });
});
