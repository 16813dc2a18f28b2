import fc from "fast-check";
import { capacityAt, capacityEndOfYear, capacityLines, capacityTotal } from "../../src/model/capacity";
import { Override } from "../../src/model/scenarios";
import { capacitySchedule, capacityYears, runScenario } from "../../src/model/scenarioModel";
import { anyValidOverrides, model, serialOf } from "./helpers";

const base = model("base");
const bull = model("bull");
const bear = model("bear");

const end2027 = (m: typeof base) => capacityEndOfYear(m.capacityLines, 2027);

describe("capacity lines", () => {
  test("base: four CoreWeave tranches, the reallocated mining capacity and the new sites", () => {
    const lines = base.capacityLines;
    expect(lines.map((l) => [l.id, l.customer, l.mw])).toEqual([
      ["t1", "CoreWeave", 198],
      ["t2", "CoreWeave", 70],
      ["t3", "CoreWeave", 112],
      ["t4", "CoreWeave", 120],
      ["realloc", "Uncontracted", 70],
      ["expansion", "Uncontracted", 450],
    ]);
    expect(lines.map((l) => l.plannedDate)).toEqual(
      ["2025-05-01", "2025-09-01", "2026-01-01", "2026-07-01", "2027-03-31", "2027-06-30"].map(serialOf),
    );
    expect(capacityTotal(lines)).toBe(1020);
    // A CoreWeave tranche energises when it starts billing.
    base.tranches.forEach((t, i) => expect(lines[i].energised).toBe(t.start));
    // capacityLines is what the model used.
    expect(capacityLines(base.scenario.values, base.tranches)).toEqual(lines);
  });

  test("bear: the 9-month delay moves tranche 4, the reallocated capacity and the new sites", () => {
    expect(bear.capacityLines.map((l) => l.delayed)).toEqual([false, false, false, true, true, true]);
    // 2027-03-31 + 9 months = 2027-12-31 (day 365 of 2027); 2027-06-30 + 9 months = 2028-03-30.
    expect(bear.capacityLines[4].energised).toBeCloseTo(2027 + 364 / 365, 12);
    expect(bear.capacityLines[5].energised).toBeCloseTo(2028 + 89 / 366, 12);
  });
});

describe("capacity by year", () => {
  test("end of 2027 by scenario, checked by hand", () => {
    // Base and bull: all six lines energised by 2027-06-30: 198 + 70 + 112 + 120 + 70 + 450 = 1020 MW.
    expect(end2027(base)).toBe(1020);
    expect(end2027(bull)).toBe(1020);
    expect(end2027(base)).toBeGreaterThanOrEqual(1000);
    // Bear: tranche 4 (2027-04-01) and the reallocated 70 MW (2027-12-31) make it; the 450 MW of
    // new sites slip to 2028-03-30. 500 + 70 = 570 MW < 1000 MW.
    expect(end2027(bear)).toBe(570);
    expect(end2027(bear)).toBeLessThan(1000);
    expect(capacityEndOfYear(bear.capacityLines, 2028)).toBe(1020);
  });

  test("base schedule 2024-2028, split by customer", () => {
    expect(capacitySchedule(base, 2024, 2028)).toEqual([
      { year: 2024, hpcMw: 0, coreWeaveMw: 0, otherMw: 0 },
      { year: 2025, hpcMw: 268, coreWeaveMw: 268, otherMw: 0 },
      { year: 2026, hpcMw: 500, coreWeaveMw: 500, otherMw: 0 },
      { year: 2027, hpcMw: 1020, coreWeaveMw: 500, otherMw: 520 },
      { year: 2028, hpcMw: 1020, coreWeaveMw: 500, otherMw: 520 },
    ]);
    expect(capacityYears(base)).toEqual({ first: 2025, last: 2027 });
    expect(capacityYears(bear)).toEqual({ first: 2025, last: 2028 });
  });

  test("capacityAt counts a line from the moment it energises", () => {
    const lines = base.capacityLines;
    expect(capacityAt(lines, 2025.3)).toBe(0);
    expect(capacityAt(lines, lines[0].energised)).toBe(198);
    expect(capacityAt(lines, 2027.25)).toBe(570); // the reallocated 70 MW energised on 2027-03-31
    expect(capacityAt(lines, 2027.5)).toBe(1020);
    expect(capacityAt(lines, 2027.5, "CoreWeave")).toBe(500);
    expect(capacityAt(lines, 2027.5, "Uncontracted")).toBe(520);
  });

  test("property: capacity is never negative, never falls from one year to the next, and ends at the total", () => {
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
            row.hpcMw < 0 ||
            row.coreWeaveMw < 0 ||
            row.otherMw < 0 ||
            row.hpcMw !== row.coreWeaveMw + row.otherMw ||
            (i > 0 && row.hpcMw < rows[i - 1].hpcMw),
        );
        expect(broken).toEqual([]);
        expect(rows[rows.length - 1].hpcMw).toBeCloseTo(capacityTotal(r.value.capacityLines), 6);
      }),
      { numRuns: 150 },
    );
    expect(computed).toBeGreaterThan(75); // most generated scenarios compute: the property is not vacuous
  });
});
