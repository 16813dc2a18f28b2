import fc from "fast-check";
import { capacityAt, capacityEndOfYear, capacityLines, contractedLines, contractedTotal, pipelineLines, pipelineMw } from "../../src/model/capacity";
import { TRANCHE_DATA } from "../../src/model/assumptions";
import { Override } from "../../src/model/scenarios";
import { capacitySchedule, capacityYears, runScenario } from "../../src/model/scenarioModel";
import { anyValidOverrides, model, serialOf } from "./helpers";

const base = model("base");
/** The brief's capacity: four tranches (500 MW) and the 70 MW reallocated from mining, on the pre-slip schedule. */
const seed = model("seed");
const bull = model("bull");
const bear = model("bear");

const end2027 = (m: typeof base) => capacityEndOfYear(m.capacityLines, 2027);

describe("capacity lines", () => {
  test("base: a contracted line per tranche of the data (five on the record), the reallocated line (0 MW) and two pipeline sites", () => {
    const lines = base.capacityLines;
    expect(lines.map((l) => [l.id, l.category, l.basis, l.mw])).toEqual([
      ["t1", "contracted", "critical-it", 200],
      ["t2", "contracted", "critical-it", 70],
      ["t3", "contracted", "critical-it", 112],
      ["t4", "contracted", "critical-it", 120],
      // The Denton expansion (2025-02-26), which the brief counted as capacity reallocated from mining.
      ["t5", "contracted", "critical-it", 70],
      ["realloc", "contracted", "critical-it", 0],
      ["hunt", "pipeline", "gross", 430],
      ["daltonPecos", "pipeline", "gross", 300],
    ]);
    expect(lines.filter((l) => l.category === "contracted").map((l) => l.label)).toEqual([
      ...TRANCHE_DATA.map((t, i) => `CoreWeave tranche ${i + 1}: ${t.name}`),
      "CoreWeave: reallocated from bitcoin mining (seed only)",
    ]);
    const contracted = contractedLines(lines);
    expect(contracted.map((l) => l.contractDate)).toEqual(["2024-06-03", "2024-08-07", "2024-08-07", "2024-10-22", "2025-02-26", "2025-02-26"].map(serialOf));
    // Energised dates (t<n>_energised), not billing starts: in base each is its billing start, a judgement.
    expect(contracted.map((l) => l.plannedDate)).toEqual(["2025-07-15", "2025-12-01", "2026-06-01", "2026-10-01", "2025-12-01", "2027-03-31"].map(serialOf));
    base.tranches.forEach((t, i) => expect(contracted[i].energised).toBe(t.energised));
    expect(contractedTotal(lines)).toBe(572);
    expect(pipelineMw(lines)).toBe(730);
    expect(capacityLines(base.scenario.values, base.tranches)).toEqual(lines);
  });

  test("seed: the four tranches, an empty fifth and the reallocated mining capacity; two pipeline sites", () => {
    const lines = seed.capacityLines;
    expect(lines.map((l) => [l.id, l.category, l.basis, l.mw])).toEqual([
      ["t1", "contracted", "critical-it", 198],
      ["t2", "contracted", "critical-it", 70],
      ["t3", "contracted", "critical-it", 112],
      ["t4", "contracted", "critical-it", 120],
      ["t5", "contracted", "critical-it", 0],
      // The seed: ~100 MW reallocated from mining "to HPC hosting for CoreWeave" -> 570 MW: CoreWeave's, so contracted.
      ["realloc", "contracted", "critical-it", 70],
      // Q4 2025 results (2026-03-02): Hunt County ~430 MW and Dalton/Pecos +~300 MW of gross power, no contract.
      ["hunt", "pipeline", "gross", 430],
      ["daltonPecos", "pipeline", "gross", 300],
    ]);
    const contracted = contractedLines(lines);
    expect(contracted.map((l) => l.contractDate)).toEqual(["2024-06-03", "2024-08-07", "2024-08-07", "2024-10-22", "2025-02-26", "2025-02-26"].map(serialOf));
    // The schedule guided before the slip: billing and energisation on the same day.
    expect(contracted.slice(0, 4).map((l) => l.plannedDate)).toEqual(["2025-05-01", "2025-09-01", "2026-01-01", "2026-07-01"].map(serialOf));
    expect(contracted[5].plannedDate).toBe(serialOf("2027-03-31"));
    expect(contractedTotal(lines)).toBe(570);
    expect(pipelineMw(lines)).toBe(730);
    expect(pipelineLines(lines).map((l) => l.id)).toEqual(["hunt", "daltonPecos"]);
    seed.tranches.forEach((t, i) => expect(contracted[i].energised).toBe(t.start));
    // capacityLines is what the model used.
    expect(capacityLines(seed.scenario.values, seed.tranches)).toEqual(lines);
  });

  test("bear: the 9-month delay moves tranches 3 and 4 and the reallocated capacity; pipeline has no dates to move", () => {
    // Energised after 2026-03-02 in base: tranches 3 (2026-06-01) and 4 (2026-10-01), the reallocated line (2027-03-31).
    const contracted = contractedLines(bear.capacityLines);
    expect(contracted.map((l) => l.delayed)).toEqual([false, false, true, true, false, true]);
    // 2027-03-31 + 9 months = 2027-12-31 (day 365 of 2027).
    expect(contracted[5].energised).toBeCloseTo(2027 + 364 / 365, 12);
    // 2026-10-01 + 9 months = 2027-07-01 (day 182 of 2027).
    expect(contracted[3].energised).toBeCloseTo(2027 + 181 / 365, 12);
    expect(pipelineMw(bear.capacityLines)).toBe(730);
  });
});

describe("capacity by year", () => {
  test("end of 2027 by scenario, checked by hand: the 1 GW target is not met by construction", () => {
    // Base, bull and bear: 200 + 70 + 112 + 120 + 70 = 572 MW, all energised by 2026-10-01 (bear: t3 2027-03-01, t4 2027-07-01).
    // Seed: 198 + 70 + 112 + 120 + 70 reallocated = 570 MW by 2027-03-31.
    for (const [m, mw] of [[base, 572], [bull, 572], [bear, 572], [seed, 570]] as const) {
      expect(end2027(m)).toBe(mw);
      expect(capacityEndOfYear(m.capacityLines, 2027, "contracted")).toBe(mw);
      expect(end2027(m)).toBeLessThan(m.scenario.values.target_mw);
    }
    // Bear's delay takes tranches 3 (to 2027-03-01) and 4 (to 2027-07-01) out of 2026.
    expect(capacityEndOfYear(bear.capacityLines, 2026)).toBe(572 - 112 - 120);
    // Pipeline (730 MW gross) is never counted, in any year.
    expect(capacityEndOfYear(base.capacityLines, 2040)).toBe(572);
  });

  test("base schedule 2024-2028: contracted, energised, pipeline, target and the gaps", () => {
    const row = (year: number, contractedMw: number, energisedMw: number) => ({
      year,
      energisedMw,
      contractedMw,
      pipelineMw: 730,
      targetMw: 1000,
      contractedGapMw: contractedMw - 1000,
      energisedGapMw: energisedMw - 1000,
    });
    // Contracted: tranches 1-4 in 2024 (200 + 70 + 112 + 120 = 502), Denton in 2025. Energised: 200 + 70 + 70 by the end of 2025, all by 2026-10-01.
    expect(capacitySchedule(base, 2024, 2028)).toEqual([row(2024, 502, 0), row(2025, 572, 340), row(2026, 572, 572), row(2027, 572, 572), row(2028, 572, 572)]);
    // Seed: 198 + 70 energised by 2025-09-01 (268), + 112 + 120 in 2026 (500), + the reallocated 70 on 2027-03-31.
    expect(capacitySchedule(seed, 2024, 2028)).toEqual([row(2024, 500, 0), row(2025, 570, 268), row(2026, 570, 500), row(2027, 570, 570), row(2028, 570, 570)]);
    expect(capacityYears(base)).toEqual({ first: 2025, last: 2027 });
    expect(capacityYears(bear)).toEqual({ first: 2025, last: 2027 });
  });

  test("capacityAt counts a line from the moment it is contracted or energised", () => {
    const b = base.capacityLines;
    expect(capacityAt(b, 2025.5)).toBe(0); // tranche 1 energised on 2025-07-15
    expect(capacityAt(b, contractedLines(b)[0].energised)).toBe(200);
    expect(capacityAt(b, 2024.5, "contracted")).toBe(200); // 2024-06-03
    expect(capacityAt(b, 2025.0, "contracted")).toBe(502);
    expect(capacityAt(b, 2025.2, "contracted")).toBe(572); // Denton expansion 2025-02-26
    const lines = seed.capacityLines;
    const t1 = contractedLines(lines)[0];
    expect(capacityAt(lines, 2025.3)).toBe(0);
    expect(capacityAt(lines, t1.energised)).toBe(198);
    expect(capacityAt(lines, 2027.25)).toBe(570); // the reallocated 70 MW energised on 2027-03-31
    expect(capacityAt(lines, 2027.25, "energised")).toBe(570);
    expect(capacityAt(lines, 2024.5, "contracted")).toBe(198); // 2024-06-03
    expect(capacityAt(lines, 2025.0, "contracted")).toBe(500);
    expect(capacityAt(lines, 2025.2, "contracted")).toBe(570); // Denton expansion 2025-02-26
  });

  test("property: contracted and energised MW are never negative, never fall from one year to the next, and end at the contracted total; pipeline stays apart", () => {
    let computed = 0;
    fc.assert(
      fc.property(anyValidOverrides, (overrides: Override[]) => {
        const r = runScenario("base", overrides);
        if (!r.ok) return; // errors are covered elsewhere; here only the schedules
        computed++;
        const rows = capacitySchedule(r.value, 2019, 2070);
        // One expect per run (jest's expect is slow in a 52-year loop): the rows that break a rule.
        const broken = rows.filter(
          (row, i) =>
            row.energisedMw < 0 ||
            row.contractedMw < 0 ||
            row.pipelineMw < 0 ||
            row.energisedMw - row.targetMw !== row.energisedGapMw ||
            row.contractedMw - row.targetMw !== row.contractedGapMw ||
            (i > 0 && (row.energisedMw < rows[i - 1].energisedMw || row.contractedMw < rows[i - 1].contractedMw || row.pipelineMw !== rows[i - 1].pipelineMw)),
        );
        expect(broken).toEqual([]);
        expect(rows[rows.length - 1].energisedMw).toBeCloseTo(contractedTotal(r.value.capacityLines), 6);
        expect(rows[rows.length - 1].contractedMw).toBeCloseTo(contractedTotal(r.value.capacityLines), 6);
      }),
      { numRuns: 150 },
    );
    expect(computed).toBeGreaterThan(75); // most generated scenarios compute: the property is not vacuous
  });
});
