/**
 * The seed base case (shared/seed/000_aa76e348b6e79788.txt): one test per seed figure.
 * These numbers must reproduce exactly; a change here is a change to the seed, not a tweak.
 */
import { ASSUMPTIONS } from "../../src/model/assumptions";
import { contractedLines, contractedTotal } from "../../src/model/capacity";
import { capacitySchedule } from "../../src/model/scenarioModel";
import { model, spec } from "./helpers";

const base = model("base");

describe("seed base case", () => {
  test("12-year term", () => {
    expect(base.scenario.values.term_years).toBe(12);
    for (const t of base.tranches) expect(t.term).toBe(12);
    expect(base.contractYears).toHaveLength(12);
  });

  test("total contract value is exactly 8,700,000,000 USD", () => {
    expect(base.tcv).toBe(8_700_000_000);
  });

  test("average annual revenue is exactly 725,000,000 USD (8.7B / 12)", () => {
    expect(base.averageAnnualRevenue).toBe(725_000_000);
  });

  test("each of the 12 contract years earns 725,000,000 USD and together they make 8.7B", () => {
    const revenues = base.contractYears.map((r) => r.revenue);
    expect(base.contractYears.map((r) => r.contractYear)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // Within a thousandth of a cent: each is a sum of four tranches' MW x price.
    for (const r of revenues) expect(Math.abs(r - 725_000_000)).toBeLessThan(1e-5);
    expect(Math.abs(revenues.reduce((s, r) => s + r, 0) - 8_700_000_000)).toBeLessThan(1e-4);
  });

  test("licence-fee gross margin is 0.775 in base and within the seed's 75-80% in base, bull and bear", () => {
    expect(base.licenceMargin).toBe(0.775);
    const margins = ["base", "bull", "bear"].map((n) => model(n).licenceMargin);
    expect(margins).toEqual([0.775, 0.8, 0.75]);
    for (const m of margins) {
      expect(m).toBeGreaterThanOrEqual(0.75);
      expect(m).toBeLessThanOrEqual(0.8);
    }
  });

  test("500 MW of critical IT load contracted to CoreWeave", () => {
    expect(base.contractedMw).toBe(500);
    expect(base.tranches.reduce((s, t) => s + t.mw, 0)).toBe(500);
    const tranches = base.capacityLines.filter((l) => /^t\d$/.test(l.id));
    expect(tranches.reduce((s, l) => s + l.mw, 0)).toBe(500);
  });

  test("570 MW of HPC: the CoreWeave tranches plus the ~100 MW reallocated from mining for CoreWeave (70 MW critical IT), all contracted", () => {
    // The seed: "reallocated approximately 100 MW ... to HPC hosting for CoreWeave, increasing total HPC capacity to 570 MW".
    const contracted = contractedLines(base.capacityLines);
    expect(contracted.map((l) => l.id)).toEqual(["t1", "t2", "t3", "t4", "realloc"]);
    expect(contractedTotal(base.capacityLines)).toBe(570);
    expect(base.contractedHpcMw).toBe(570);
    expect(base.scenario.values.realloc_mw).toBe(570 - 500);
    // ... and energised by the end of 2027 (early 2027 on the record).
    expect(capacitySchedule(base, 2027, 2027)[0].energisedMw).toBe(570);
  });

  test("more than 1 GW of HPC capacity by 2027 is a target: compared with contracted and energised MW, not met by construction", () => {
    expect(base.scenario.values.target_year).toBe(2027);
    expect(base.scenario.values.target_mw).toBe(1000);
    const y2027 = capacitySchedule(base, 2027, 2027)[0];
    expect(y2027.targetMw).toBe(1000);
    expect(y2027.contractedGapMw).toBe(-430);
    expect(y2027.energisedGapMw).toBe(-430);
    // Pipeline sites (gross power, uncontracted) are shown beside it, never counted toward it.
    expect(y2027.pipelineMw).toBe(730);
  });

  test("price of 1.45M USD per MW-year (8.7B / 500 MW / 12 years)", () => {
    expect(base.pricePerMwYear).toBe(1_450_000);
    expect(8.7e9 / 500 / 12).toBe(1_450_000);
  });

  test("four tranches of 198/70/112/120 MW worth 3.5B/1.225B/1.975B/2.0B, each with a source and an as-of date", () => {
    expect(base.tranches.map((t) => t.mw)).toEqual([198, 70, 112, 120]);
    expect(base.tranches.map((t) => t.value)).toEqual([3.5e9, 1.225e9, 1.975e9, 2.0e9]);
    for (const id of ["t1", "t2", "t3", "t4"]) {
      for (const field of ["mw", "value", "start", "ramp_months"]) {
        const s = spec(`${id}_${field}`);
        expect(s.source.trim().length).toBeGreaterThan(10);
        expect(s.asOf).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      }
    }
    // The filed values add up to the seed's TCV and the MW to the seed's 500 MW.
    const values = ASSUMPTIONS.filter((a) => /^t\d_value$/.test(a.key)).map((a) => Number(a.base));
    expect(values.reduce((s, v) => s + v, 0)).toBe(8.7e9);
  });
});
