/**
 * Piecewise-linear billing ramps on the model's time axis (decimal calendar years).
 *
 * A tranche of M MW starts billing at time s and ramps linearly to full load over r years.
 * Every megawatt is billed for the full term N from the day it becomes billable, so the
 * billable load is M * (ramp(t - s) - ramp(t - s - N)): the ramp-down at the end mirrors
 * the ramp-up, and the MW-years billed add up to exactly M * N whatever the ramp.
 */

/**
 * Share of the tranche billable x years after billing start: clamp(x / r, 0, 1).
 * @example rampShare(0.25, 0.5) // 0.5 (a quarter-year into a six-month ramp)
 */
export function rampShare(x: number, r: number): number {
  if (x <= 0) return 0;
  if (r <= 0 || x >= r) return 1;
  return x / r;
}

/**
 * The integral of `rampShare` from -infinity to x (in years): 0 before the start,
 * x^2 / (2r) during the ramp, x - r/2 afterwards.
 * @example rampIntegral(0.5, 1) // 0.125 share-years
 */
export function rampIntegral(x: number, r: number): number {
  if (x <= 0) return 0;
  if (r <= 0) return x;
  if (x < r) return (x * x) / (2 * r);
  return x - r / 2;
}

/**
 * Share-years of the blocks that are in their k-th contract year (k = 1, 2, ...) during
 * the window [a, b], for a ramp starting at s with length r.
 */
export function contractYearShare(a: number, b: number, s: number, r: number, k: number): number {
  // Outside the years the k-th contract year spans the two integrals cancel; say 0 exactly
  // rather than leave the rounding residue of two equal numbers (e.g. 6e-8 USD after the term).
  if (b - s - (k - 1) <= 0 || a - s - k >= Math.max(r, 0)) return 0;
  return rampIntegral(b - s - (k - 1), r) - rampIntegral(a - s - (k - 1), r) - (rampIntegral(b - s - k, r) - rampIntegral(a - s - k, r));
}

/**
 * The contract years k (from 1) that can have a share in the window [a, b] for a ramp starting
 * at s with length r: every other k has a share of exactly 0 (contractYearShare). A whole year
 * of slack either side, so rounding never drops a year that counts.
 * @example contractYearsIn(2027, 2028, 2025.5, 0.5).last // 4 (first: 1)
 */
export function contractYearsIn(a: number, b: number, s: number, r: number): { first: number; last: number } {
  return { first: Math.max(1, Math.floor(a - s - Math.max(r, 0))), last: Math.ceil(b - s + 1) };
}

/**
 * Share-years billable in [a, b] for a term of n years.
 * @example billableShareYears(2025, 2026, 2025, 0.5, 12) // 0.75 share-years (1 year less half a 6-month ramp)
 */
export function billableShareYears(a: number, b: number, s: number, r: number, n: number): number {
  if (b - s <= 0 || a - s - n >= Math.max(r, 0)) return 0; // before billing, or after the last MW's term: exactly 0
  return rampIntegral(b - s, r) - rampIntegral(a - s, r) - (rampIntegral(b - s - n, r) - rampIntegral(a - s - n, r));
}
