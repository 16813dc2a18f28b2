/**
 * Discounting and returns, with Excel's conventions and explicit errors.
 * Every iterative solver has a tolerance and an iteration limit and answers `#NUM!`
 * when it does not converge.
 */
import { Result, fail, numError, ok } from "./result";

/**
 * Net present value of end-of-period cash flows, as Excel's NPV:
 * `sum_i values[i] / (1 + rate)^(i + 1)`.
 *
 * @param rate discount rate per period, as a decimal (0.1 = 10%)
 * @param values cash flows, USD, one per period, the first at the end of period 1
 * @example npv(0.1, [-10000, 3000, 4200, 6800]) // 1188.44 (Excel's documentation example)
 * @see https://support.microsoft.com/en-us/office/npv-function-8672cb67-2576-4d07-b67b-ac28acf2a568
 */
export function npv(rate: number, values: readonly number[]): Result<number> {
  if (!Number.isFinite(rate)) return numError("rate must be a finite number");
  if (rate === -1) return fail("div0", "rate of -100% divides by zero");
  const growth = 1 + rate;
  let sum = 0;
  let factor = 1;
  for (let i = 0; i < values.length; i++) {
    factor *= growth;
    sum += values[i] / factor;
  }
  return Number.isFinite(sum) ? ok(sum) : numError("NPV overflows at this rate");
}

/**
 * Net present value of dated cash flows, as Excel's XNPV:
 * `sum_i values[i] / (1 + rate)^((dates[i] - dates[0]) / 365)`.
 *
 * @param rate annual discount rate, as a decimal
 * @param values cash flows, USD
 * @param dates Excel date serials, none before the first; a time of day is dropped (Excel truncates dates to whole days)
 * @example xnpv(0.09, [-10000, 2750, 4250, 3250, 2750], [39448, 39508, 39751, 39859, 39904]) // 2086.65
 */
export function xnpv(rate: number, values: readonly number[], dates: readonly number[]): Result<number> {
  if (values.length !== dates.length) return numError("values and dates must have the same length");
  if (values.length === 0) return numError("XNPV needs at least one cash flow");
  if (!Number.isFinite(rate) || rate <= -1) return numError("rate must be greater than -100%");
  const days = dates.map(Math.floor);
  const d0 = days[0];
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(days[i]) || days[i] < d0) return numError("every date must be on or after the first date");
    sum += values[i] / Math.pow(1 + rate, (days[i] - d0) / 365);
  }
  return Number.isFinite(sum) ? ok(sum) : numError("XNPV overflows at this rate");
}

export interface SolverOptions {
  readonly guess?: number;
  /** Convergence tolerance on the rate. */
  readonly tolerance?: number;
  readonly maxIterations?: number;
}

/**
 * Internal rate of return of periodic cash flows, as Excel's IRR: the rate at which
 * `npv` of all flows discounted from period 0 is zero. Newton's method from `guess`,
 * falling back to bisection on a bracketed root; `#NUM!` when the flows do not change
 * sign or no root is found within `maxIterations`.
 *
 * @example irr([-70000, 12000, 15000, 18000, 21000, 26000]) // 0.0866 (Excel's documentation example)
 */
export function irr(values: readonly number[], opts: SolverOptions = {}): Result<number> {
  return solveRate(values, values.map((_, i) => i), opts);
}

/**
 * Internal rate of return of dated cash flows, as Excel's XIRR.
 * @example xirr([-10000, 2750, 4250, 3250, 2750], [39448, 39508, 39751, 39859, 39904]) // 0.3734
 */
export function xirr(values: readonly number[], dates: readonly number[], opts: SolverOptions = {}): Result<number> {
  if (values.length !== dates.length) return numError("values and dates must have the same length");
  const days = dates.map(Math.floor); // Excel truncates dates to whole days
  const d0 = days[0];
  if (days.some((d) => !Number.isFinite(d) || d < d0)) return numError("every date must be on or after the first date");
  return solveRate(values, days.map((d) => (d - d0) / 365), opts);
}

/**
 * The rate r > -1 at which `sum_i values[i] / (1 + r)^t[i]` is zero (`t` in periods).
 * Newton's method from the guess; a Newton answer is accepted only if the discounted sum
 * there is negligible next to the discounted flows (near -100% tiny steps can look like
 * convergence far from any root); otherwise bisection on a bracketed root.
 */
function solveRate(values: readonly number[], t: readonly number[], opts: SolverOptions): Result<number> {
  const f = (r: number) => values.reduce((s, v, i) => s + v / Math.pow(1 + r, t[i]), 0);
  const df = (r: number) => values.reduce((s, v, i) => s - (t[i] * v) / Math.pow(1 + r, t[i] + 1), 0);
  const scale = (r: number) => values.reduce((s, v, i) => s + Math.abs(v) / Math.pow(1 + r, t[i]), 0);
  const tol = opts.tolerance ?? 1e-10;
  const maxIter = opts.maxIterations ?? 100;
  if (values.length < 2 || !values.some((v) => v > 0) || !values.some((v) => v < 0)) {
    return numError("cash flows need at least one positive and one negative value");
  }
  if (values.some((v) => !Number.isFinite(v))) return numError("cash flows must be finite numbers");
  // Newton's method.
  let r = opts.guess ?? 0.1;
  for (let i = 0; i < maxIter; i++) {
    const fr = f(r);
    const d = df(r);
    if (!Number.isFinite(fr) || !Number.isFinite(d) || d === 0) break;
    const next = r - fr / d;
    if (!Number.isFinite(next) || next <= -1) break;
    if (Math.abs(next - r) < tol) {
      if (Math.abs(f(next)) <= 1e-6 * scale(next)) return ok(next);
      break;
    }
    r = next;
  }
  // Bisection on a bracket found by scanning rates above -100%.
  const grid = [-0.99, -0.9, -0.5, -0.2, 0, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 100, 1000];
  for (let g = 0; g + 1 < grid.length; g++) {
    let lo = grid[g];
    let hi = grid[g + 1];
    let flo = f(lo);
    const fhi = f(hi);
    if (!Number.isFinite(flo) || !Number.isFinite(fhi) || Math.sign(flo) === Math.sign(fhi)) continue;
    for (let i = 0; i < maxIter * 4; i++) {
      const mid = (lo + hi) / 2;
      const fm = f(mid);
      if (Math.abs(hi - lo) < tol || fm === 0) return ok(mid);
      if (Math.sign(fm) === Math.sign(flo)) {
        lo = mid;
        flo = fm;
      } else {
        hi = mid;
      }
    }
    return numError(`no rate found within ${maxIter * 4} bisection steps`);
  }
  return numError(`no rate found within ${maxIter} iterations`);
}
