import fc from "fast-check";
import { capacityAt, capacityEndOfYear, capacityLines, contractedLines, contractedTotal, pipelineLines, pipelineMw } from "../../src/model/capacity";
import { Override } from "../../src/model/scenarios";
import { capacitySchedule, capacityYears, runScenario } from "../../src/model/scenarioModel";
import { anyValidOverrides, model, serialOf } from "./helpers";

const base = model("base");
const bull = model("bull");
const bear = model("bear");

const end2027 = (m: typeof base) => capacityEndOfYear(m.capacityLines, 2027);

describe("capacity lines", () => {
  test("base: five contracted CoreWeave lines (four tranches and the reallocated mining capacity) and two pipeline sites", () => {
    const lines = base.capacityLines;
    expect(lines.map((l) => [l.id, l.category, l.basis, l.mw])).toEqual([
      ["t1", "contracted", "critical-it", 198],
      ["t2", "contracted", "critical-it", 70],
      ["t3", "contracted", "critical-it", 112],
      ["t4", "contracted", "critical-it", 120],
      // The seed: ~100 MW reallocated from mining "to HPC hosting for CoreWeave" -> 570 MW: CoreWeave's, so contracted.
      ["realloc", "contracted", "critical-it", 70],
      // Q4 2025 results (2026-03-02): Hunt County ~430 MW and Dalton/Pecos +~300 MW of gross power, no contract.
      ["hunt", "pipeline", "gross", 430],
      ["daltonPecos", "pipeline", "gross", 300],
    ]);
    const contracted = contractedLines(lines);
    expect(contracted.map((l) => l.contractDate)).toEqual(["2024-06-03", "2024-08-07", "2024-08-07", "2024-10-22", "2025-02-26"].map(serialOf));
    expect(contracted.map((l) => l.plannedDate)).toEqual(["2025-05-01", "2025-09-01", "2026-01-01", "2026-07-01", "2027-03-31"].map(serialOf));
    expect(contractedTotal(lines)).toBe(570);
    expect(pipelineMw(lines)).toBe(730);
    expect(pipelineLines(lines).map((l) => l.id)).toEqual(["hunt", "daltonPecos"]);
    // A CoreWeave tranche energises when it starts billing.
    base.tranches.forEach((t, i) => expect(contracted[i].energised).toBe(t.start));
    // capacityLines is what the model used.
    expect(capacityLines(base.scenario.values, base.tranches)).toEqual(lines);
  });

  test("bear: the 9-month delay moves tranche 4 and the reallocated capacity; pipeline has no dates to move", () => {
    const contracted = contractedLines(bear.capacityLines);
    expect(contracted.map((l) => l.delayed)).toEqual([false, false, false, true, true]);
    // 2027-03-31 + 9 months = 2027-12-31 (day 365 of 2027).
    expect(contracted[4].energised).toBeCloseTo(2027 + 364 / 365, 12);
    expect(pipelineMw(bear.capacityLines)).toBe(730);
  });
});

describe("capacity by year", () => {
  test("end of 2027 by scenario, checked by hand: the 1 GW target is not met by construction", () => {
    // Energised: 198 + 70 + 112 + 120 + 70 = 570 MW by 2027-03-31 (bear: t4 2027-04-01, realloc 2027-12-31).
    for (const m of [base, bull, bear]) {
      expect(end2027(m)).toBe(570);
      expect(capacityEndOfYear(m.capacityLines, 2027, "contracted")).toBe(570);
      expect(end2027(m)).toBeLessThan(m.scenario.values.target_mw);
    }
    // Pipeline (730 MW gross) is never counted, in any year.
    expect(capacityEndOfYear(base.capacityLines, 2040)).toBe(570);
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
    expect(capacitySchedule(base, 2024, 2028)).toEqual([row(2024, 500, 0), row(2025, 570, 268), row(2026, 570, 500), row(2027, 570, 570), row(2028, 570, 570)]);
    expect(capacityYears(base)).toEqual({ first: 2025, last: 2027 });
    expect(capacityYears(bear)).toEqual({ first: 2025, last: 2027 });
  });

  test("capacityAt counts a line from the moment it is contracted or energised", () => {
    const lines = base.capacityLines;
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
