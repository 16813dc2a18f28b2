import fc from "fast-check";
import { billableShareYears, contractYearShare, rampIntegral, rampShare } from "../../src/model/ramp";

/** Midpoint-rule integral of rampShare from `from` to x (rampShare is 0 before `from` <= 0). */
function numericIntegral(x: number, r: number, from = -1, steps = 20_000): number {
  if (x <= from) return 0;
  const h = (x - from) / steps;
  let sum = 0;
  for (let i = 0; i < steps; i++) sum += rampShare(from + (i + 0.5) * h, r);
  return sum * h;
}

describe("rampShare", () => {
  test("hand-checked values", () => {
    expect(rampShare(-0.5, 1)).toBe(0);
    expect(rampShare(0, 1)).toBe(0);
    expect(rampShare(0.25, 1)).toBe(0.25);
    expect(rampShare(0.25, 0.5)).toBe(0.5);
    expect(rampShare(1, 1)).toBe(1);
    expect(rampShare(7, 1)).toBe(1);
    // No ramp: fully billable from the first instant.
    expect(rampShare(1e-9, 0)).toBe(1);
    expect(rampShare(0, 0)).toBe(0);
  });

  test("property: between 0 and 1 and non-decreasing in x", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (x, dx, r) => {
          const s = rampShare(x, r);
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(1);
          expect(rampShare(x + dx, r)).toBeGreaterThanOrEqual(s);
        },
      ),
    );
  });
});

describe("rampIntegral", () => {
  test("hand-checked values", () => {
    expect(rampIntegral(-1, 1)).toBe(0);
    expect(rampIntegral(0, 1)).toBe(0);
    expect(rampIntegral(0.5, 1)).toBe(0.125); // 0.5^2 / (2 * 1)
    expect(rampIntegral(1, 1)).toBe(0.5); // the ramp's triangle
    expect(rampIntegral(2, 1)).toBe(1.5); // triangle 0.5 + one full year
    expect(rampIntegral(1, 2 / 3)).toBeCloseTo(1 - 1 / 3, 15); // 8-month ramp: x - r/2
    expect(rampIntegral(0.3, 0)).toBe(0.3); // no ramp: the integral is x
  });

  test.each([
    [0.5, 1],
    [1, 1],
    [2.5, 0.75],
    [0.3, 0.5],
    [12, 2 / 3],
    [3, 0],
  ])("rampIntegral(%p, %p) matches numeric integration of rampShare", (x, r) => {
    expect(Math.abs(rampIntegral(x, r) - numericIntegral(x, r))).toBeLessThan(1e-6);
  });

  test("property: matches numeric integration of rampShare", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -2, max: 8, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (x, r) => {
          // Midpoint rule on a piecewise-linear function: the error comes only from the step that
          // holds a kink or, with no ramp (r = 0), the jump from 0 to 1: at most half a step.
          const steps = 4000;
          const h = Math.max(0, x + 1) / steps;
          expect(Math.abs(rampIntegral(x, r) - numericIntegral(x, r, -1, steps))).toBeLessThanOrEqual(h / 2 + 1e-9);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("contract-year and billable shares", () => {
  test("each contract year of a ramped tranche is one share-year in total", () => {
    for (const [s, r] of [
      [2025.33, 2 / 3],
      [2026, 0.75],
      [2026.5, 0],
    ]) {
      for (let k = 1; k <= 12; k++) {
        expect(contractYearShare(-1e3, 1e4, s, r, k)).toBeCloseTo(1, 9);
      }
    }
  });

  test("hand-checked: tranche 1 (start 2025-05-01, 8-month ramp) bills 74/219 share-years in 2025", () => {
    // s = 2025 + 120/365, r = 2/3; 2026 - s = 245/365 > r, so F = 245/365 - 1/3 = 370/1095 = 74/219.
    const s = 2025 + 120 / 365;
    expect(contractYearShare(2025, 2026, s, 2 / 3, 1)).toBeCloseTo(74 / 219, 12);
    expect(contractYearShare(2025, 2026, s, 2 / 3, 2)).toBe(0);
    expect(billableShareYears(2025, 2026, s, 2 / 3, 12)).toBeCloseTo(74 / 219, 12);
  });

  test("property: the contract years' shares add up to the billable share-years of the term", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 2020, max: 2060, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 2015, max: 2120 }),
        (s, r, n, year) => {
          let sum = 0;
          for (let k = 1; k <= n; k++) sum += contractYearShare(year, year + 1, s, r, k);
          expect(Math.abs(sum - billableShareYears(year, year + 1, s, r, n))).toBeLessThan(1e-9);
          // Over one calendar year the average billable share is between 0 and 1.
          expect(sum).toBeGreaterThan(-1e-9);
          expect(sum).toBeLessThan(1 + 1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("property: over all time a term of n years bills n share-years whatever the ramp", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 2020, max: 2060, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        (s, r, n) => {
          expect(billableShareYears(1900, 2200, s, r, n)).toBeCloseTo(n, 9);
        },
      ),
    );
  });
});
