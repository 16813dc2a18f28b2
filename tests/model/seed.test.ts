/**
 * The contract as it stands: the seed brief (shared/seed/000_aa76e348b6e79788.txt) beside the
 * public record.
 *
 * The "seed" scenario reproduces the brief: one test per seed figure. These numbers must
 * reproduce exactly; a change here is a change to the seed, not a tweak. The "base" scenario is
 * the contracts as the public record states them (src/model/record): five tranches, each with a
 * public source, billing calibrated to the colocation revenue Core Scientific reported.
 */
import { ASSUMPTIONS, TRANCHE_DATA, TRANCHE_IDS } from "../../src/model/assumptions";
import { capacityEndOfYear, contractedLines, contractedTotal } from "../../src/model/capacity";
import { TRANCHE_COUNT, trancheMwAt } from "../../src/model/deal";
import { CUMULATIVE_STATEMENTS, REPORTED_QUARTERS, TRANCHES, contractedMw, scalesTo } from "../../src/model/record";
import { CALIBRATED_FROM, reportedVsModel } from "../../src/model/reportedVsModel";
import { findScenario } from "../../src/model/scenarios";
import { capacitySchedule, dealNpv } from "../../src/model/scenarioModel";
import { SEED_BRIEF } from "../../src/model/sources";
import { model, serialOf, spec, unwrap } from "./helpers";
import { addresses, problems } from "./sourceChecks";

const seed = model("seed");
const base = model("base");

describe("the seed scenario reproduces the brief exactly", () => {
  test("12-year term", () => {
    expect(seed.scenario.values.term_years).toBe(12);
    for (const t of seed.tranches) expect(t.term).toBe(12);
    expect(seed.contractYears).toHaveLength(12);
  });

  test("total contract value is exactly 8,700,000,000 USD", () => {
    // The brief: "approximately $8.7 billion in revenue over the 12-year term".
    expect(seed.tcv).toBe(8_700_000_000);
    // No renewal option is exercised in the seed, so TCV incl. options is the same 8.7B.
    expect(seed.scenario.values.renewal_options).toBe(0);
    expect(seed.tcvInclOptions).toBe(8_700_000_000);
  });

  test("average annual revenue is exactly 725,000,000 USD (8.7B / 12)", () => {
    expect(seed.averageAnnualRevenue).toBe(725_000_000);
  });

  test("each of the 12 contract years earns 725,000,000 USD and together they make 8.7B", () => {
    const revenues = seed.contractYears.map((r) => r.revenue);
    expect(seed.contractYears.map((r) => r.contractYear)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // Within a thousandth of a cent: each is a sum of the tranches' MW x price.
    for (const r of revenues) expect(Math.abs(r - 725_000_000)).toBeLessThan(1e-5);
    expect(Math.abs(revenues.reduce((s, r) => s + r, 0) - 8_700_000_000)).toBeLessThan(1e-4);
  });

  test("licence-fee gross margin is 0.775, the midpoint of the brief's 75-80%", () => {
    // The brief: "high gross margins of 75% to 80%".
    expect(seed.licenceMargin).toBe(0.775);
    expect(seed.licenceMargin).toBeCloseTo((0.75 + 0.8) / 2, 15);
  });

  test("500 MW of critical IT load contracted to CoreWeave: four tranches, the fifth (Denton, contracted later) empty", () => {
    // The brief: "all 500 MW of Core Scientific's critical IT load".
    expect(seed.contractedMw).toBe(500);
    expect(seed.tranches.reduce((s, t) => s + t.mw, 0)).toBe(500);
    expect(seed.tranches.map((t) => t.mw)).toEqual([198, 70, 112, 120, 0]);
    const tranches = seed.capacityLines.filter((l) => TRANCHE_IDS.includes(l.id));
    expect(tranches.reduce((s, l) => s + l.mw, 0)).toBe(500);
  });

  test("570 MW of HPC: the CoreWeave tranches plus the ~100 MW reallocated from mining for CoreWeave (70 MW critical IT), all contracted", () => {
    // The brief: "reallocated approximately 100 MW ... to HPC hosting for CoreWeave, increasing total HPC capacity to 570 MW".
    const contracted = contractedLines(seed.capacityLines);
    expect(contracted.map((l) => l.id)).toEqual([...TRANCHE_IDS, "realloc"]);
    expect(contractedTotal(seed.capacityLines)).toBe(570);
    expect(seed.contractedHpcMw).toBe(570);
    expect(seed.scenario.values.realloc_mw).toBe(570 - 500);
    // ... and energised by the end of 2027 (early 2027 on the record).
    expect(capacitySchedule(seed, 2027, 2027)[0].energisedMw).toBe(570);
  });

  test("more than 1 GW of HPC capacity by 2027 is a target: compared with contracted and energised MW, not met by construction", () => {
    expect(seed.scenario.values.target_year).toBe(2027);
    expect(seed.scenario.values.target_mw).toBe(1000);
    const y2027 = capacitySchedule(seed, 2027, 2027)[0];
    expect(y2027.targetMw).toBe(1000);
    expect(y2027.contractedGapMw).toBe(570 - 1000);
    expect(y2027.energisedGapMw).toBe(570 - 1000);
    // Pipeline sites (gross power, uncontracted: Hunt County 430 + Dalton and Pecos 300) are shown beside it, never counted toward it.
    expect(y2027.pipelineMw).toBe(430 + 300);
  });

  test("price of 1.45M USD per MW-year (8.7B / 500 MW / 12 years)", () => {
    expect(seed.pricePerMwYear).toBe(1_450_000);
    expect(8.7e9 / 500 / 12).toBe(1_450_000);
  });

  test("four tranches of 198/70/112/120 MW worth 3.5B/1.225B/1.975B/2.0B, as filed before the Denton expansion", () => {
    expect(seed.tranches.map((t) => t.value)).toEqual([3.5e9, 1.225e9, 1.975e9, 2.0e9, 0]);
    // The filings' 8.7B after the final option (8-K, 2024-10-22) is the brief's figure.
    const filed = CUMULATIVE_STATEMENTS.find((c) => c.id === "2024-10-final-option-usd")!;
    expect(filed.figure.value).toBe(seed.tcv);
    // Tranches 1 to 4 keep base's filed values; only MW that the brief restates differ (198, not the filed ~200).
    expect(seed.tranches.slice(0, 4).map((t) => t.value)).toEqual(base.tranches.slice(0, 4).map((t) => t.value));
  });

  test("NPV of gross profit at 10%, as of the data's as-of date: 3,730,797,170.71 USD", () => {
    // The seed scenario is the previous base case (the same four tranches, schedule and 77.5%
    // margin), whose NPV at the same valuation date (2026-06-09) is 3,730,797,170.71 USD.
    expect(seed.scenario.values.discount_rate).toBe(0.1); // built: 9% reference yield + 1% spread, exactly 10%
    expect(unwrap(dealNpv(seed, 0.1))).toBeCloseTo(3_730_797_170.71, 2);
  });

  test("what the seed scenario changes from base says why, and what only the brief gives cites it (not a repository file)", () => {
    const changes = Object.entries(findScenario("seed")!.changes);
    expect(changes.map(([k]) => k)).toEqual(expect.arrayContaining(["t1_mw", "t5_mw", "t5_value", "realloc_mw", "licence_margin"]));
    for (const [key, c] of changes) {
      expect({ key, problems: problems(c.rationale, true) }).toEqual({ key, problems: [] });
      expect(c.rationale.trim().length).toBeGreaterThan(20);
    }
    for (const key of ["t1_mw", "t5_mw", "t5_value", "realloc_mw", "licence_margin"]) {
      expect(findScenario("seed")!.changes[key].rationale.startsWith(SEED_BRIEF)).toBe(true);
    }
  });
});

describe("base: the contracts on the public record", () => {
  test("five tranches from the data: 200 + 70 + 112 + 120 + 70 = 572 MW, the record's twelve-year contracts", () => {
    expect(TRANCHE_COUNT).toBe(5);
    expect(TRANCHE_IDS).toEqual(["t1", "t2", "t3", "t4", "t5"]);
    expect(base.tranches.map((t) => t.id)).toEqual(TRANCHE_IDS);
    expect(base.tranches.map((t) => t.mw)).toEqual([200, 70, 112, 120, 70]);
    expect(base.contractedMw).toBe(572);
    // The record's tranches (tranches 2 and 3 are its one 182 MW option line, split 70 + 112), without the separate 16 MW Austin contract.
    expect(contractedMw(TRANCHES)).toBe(572);
    expect(contractedTotal(base.capacityLines)).toBe(572);
    expect(base.scenario.values.realloc_mw).toBe(0); // the reallocated ~70 MW are tranche 5 here, not a line of their own
  });

  test("contract value 10.2B = 3.5 + 1.225 + 1.975 + 2.0 + 1.5 B: the press figure for the total after the Denton expansion", () => {
    expect(base.tranches.map((t) => t.value)).toEqual([3.5e9, 1.225e9, 1.975e9, 2.0e9, 1.5e9]);
    expect(base.tcv).toBe(10_200_000_000);
    const press = CUMULATIVE_STATEMENTS.find((c) => c.id === "2025-06-press-usd")!;
    expect(press.figure.value).toBe(base.tcv);
    // The company's own words: "now exceeds $10 billion".
    expect(base.tcv).toBeGreaterThan(CUMULATIVE_STATEMENTS.find((c) => c.id === "2025-02-denton-usd")!.figure.value);
    // 10.2B over 12 years and 572 MW.
    expect(base.averageAnnualRevenue).toBe(850_000_000);
    expect(base.pricePerMwYear).toBeCloseTo(10.2e9 / 572 / 12, 6); // 1,486,013.99 USD per MW-year
  });

  test("licence margin 0.825, the midpoint of management's 80-85% target; bear and bull take its ends", () => {
    expect(base.licenceMargin).toBe(0.825);
    expect(base.licenceMargin).toBeCloseTo((0.8 + 0.85) / 2, 15);
    expect([model("bear").licenceMargin, model("bull").licenceMargin]).toEqual([0.8, 0.85]);
  });

  test("every tranche field has a public source: name: detail <https://…>, no repository path", () => {
    const fields = ["mw", "value", "start", "ramp_months", "contract_date", "energised"];
    expect(TRANCHE_DATA).toHaveLength(TRANCHE_COUNT);
    for (const id of TRANCHE_IDS) {
      for (const field of fields) {
        const s = spec(`${id}_${field}`);
        const at = `${s.key}: ${s.source}`;
        expect({ at, problems: problems(s.source, true) }).toEqual({ at, problems: [] });
        expect({ at, addresses: addresses(s.source).length > 0 }).toEqual({ at, addresses: true });
        // cite and citeFigure both write "name: detail <address>": every address closes a cited part.
        const parts = s.source.split(/<https:\/\/[^<>\s]+>/);
        expect({ at, last: parts[parts.length - 1] }).toEqual({ at, last: "" });
        for (const part of parts.slice(0, -1)) expect({ at, cited: /: \S/.test(part) }).toEqual({ at, cited: true });
        expect(s.asOf).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      }
    }
    // The base values are the data's, as the sheets and the pane show them.
    expect(ASSUMPTIONS.filter((a) => /^t\d+_mw$/.test(a.key)).map((a) => a.base)).toEqual(TRANCHE_DATA.map((t) => t.mw.base));
  });

  test("energised and billing are two dates: HPC capacity counts energised MW, revenue billable MW", () => {
    // Base energises each tranche when it starts billing (a judgement: which site is energised when is not disclosed).
    for (const id of TRANCHE_IDS) expect(base.scenario.values[`${id}_energised`]).toBe(base.scenario.values[`${id}_start`]);
    // By the end of 2025: tranche 1 (2025-07-15), tranche 2 and tranche 5 (2025-12-01) = 200 + 70 + 70.
    expect(capacityEndOfYear(base.capacityLines, 2025)).toBe(340);
    expect(capacityEndOfYear(base.capacityLines, 2026)).toBe(572);

    // Tranche 4 energised in June 2026 but billed only from March 2027: energised counts it in 2026, billing does not.
    const split = model("base", [
      ["t4_energised", "2026-06-01"],
      ["t4_start", "2027-03-01"],
    ]);
    const t4 = split.tranches[3];
    expect(t4.plannedEnergised).toBe(serialOf("2026-06-01"));
    expect(t4.plannedStart).toBe(serialOf("2027-03-01"));
    expect(capacityEndOfYear(split.capacityLines, 2026)).toBe(572);
    expect(trancheMwAt(t4, 2027)).toBe(0);
    expect(split.years.find((y) => y.year === 2026)!.revenueByTranche[3]).toBe(0);
    // Moving billing alone moves revenue, not energised MW; moving energisation alone, the reverse.
    const billLater = model("base", [["t4_start", "2027-03-01"]]);
    expect(capacitySchedule(billLater, 2025, 2027)).toEqual(capacitySchedule(base, 2025, 2027));
    expect(billLater.years.find((y) => y.year === 2026)!.revenue).toBeLessThan(base.years.find((y) => y.year === 2026)!.revenue);
    const energiseLater = model("base", [["t4_energised", "2027-03-01"]]);
    expect(capacityEndOfYear(energiseLater.capacityLines, 2026)).toBe(572 - 120);
    expect(energiseLater.years).toEqual(base.years);
  });
});

describe("base beside what Core Scientific reported (reportedVsModel)", () => {
  const rows = reportedVsModel(base);

  test("one row per reported quarter, oldest first, each the record's own figure", () => {
    expect(rows.map((r) => r.period)).toEqual(REPORTED_QUARTERS.map((q) => q.period));
    rows.forEach((r, i) => {
      const q = REPORTED_QUARTERS[i];
      expect(r.quarterRecord).toBe(q);
      expect(r.reported).toBe(q.colocationRevenueUsd.value);
      expect(scalesTo(r.reported, q.colocationRevenueUsd.asWritten)).toBe(true);
      expect(`${r.year}-Q${r.quarter}`).toBe(r.period);
    });
    // As the releases write them: "$15.0 million" (Q3 2025), "$31.3 million" (Q4 2025), "colocation ($77.5M)" (Q1 2026).
    const reported = (p: string) => rows.find((r) => r.period === p)!.reported;
    expect([reported("2025-Q3"), reported("2025-Q4"), reported("2026-Q1")]).toEqual([15.0e6, 31.3e6, 77.5e6]);
  });

  test(`within 10% of every reported quarter from ${CALIBRATED_FROM} on`, () => {
    const calibrated = rows.filter((r) => r.period >= CALIBRATED_FROM);
    expect(calibrated.map((r) => r.period)).toEqual(["2025-Q3", "2025-Q4", "2026-Q1"]);
    for (const r of calibrated) expect({ period: r.period, within10: Math.abs(r.varianceRate) <= 0.1 }).toEqual({ period: r.period, within10: true });
  });

  test("each row is licence + other + power on the reported basis, and its variance against what was reported", () => {
    for (const r of rows) {
      expect(r.model).toBe(r.licence + r.other + r.power);
      // Other colocation revenue: 8.6M a quarter, the 2025-Q1 figure (the last quarter before the 12-year contracts billed).
      expect(r.other).toBe(8.6e6);
      // No pass-through power in reported revenue in base (reported_power_share 0).
      expect(r.power).toBe(0);
      expect(r.variance).toBe(r.model - r.reported);
      expect(r.varianceRate).toBeCloseTo(r.variance / r.reported, 15);
    }
    // Tranche 1 bills from 2025-07-15: nothing of the 12-year contracts before 2025-Q3, something in every quarter after.
    for (const r of rows) expect({ period: r.period, billing: r.licence > 0 }).toEqual({ period: r.period, billing: r.period >= "2025-Q3" });
    const q1 = rows.find((r) => r.period === "2025-Q1")!;
    expect(q1.variance).toBe(0); // held flat at what was reported then
  });

  test("the seed's schedule, guided before the slip, runs far ahead of what was reported", () => {
    // The brief's tranche 1 bills 198 MW from 2025-05-01 over 8 months: about 40% of it on average
    // in Q3 2025, ~$30M a quarter at 1.47M per MW-year against $15.0M reported.
    const seedQ3 = reportedVsModel(seed).find((r) => r.period === "2025-Q3")!;
    expect(seedQ3.varianceRate).toBeGreaterThan(1);
    expect(rows.find((r) => r.period === "2025-Q3")!.varianceRate).toBeLessThan(0.1);
  });
});
