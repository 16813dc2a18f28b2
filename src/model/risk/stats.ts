/**
 * Summary statistics of simulated values: percentiles as Excel's PERCENTILE.INC, selection
 * without a full sort, and a histogram whose bins are chosen from the data.
 */

/**
 * Percentile of sorted values as Excel's PERCENTILE.INC: linear interpolation between the
 * order statistics around rank `q (n - 1)` (0-based). `q` is a decimal from 0 to 1.
 *
 * @param sorted values in ascending order (not checked), at least one
 * @example percentileSorted([1, 2, 3, 4], 0.1) // 1.3 (as PERCENTILE.INC({1,2,3,4}, 0.1))
 * @see https://support.microsoft.com/en-us/office/percentile-inc-function-680f9539-45eb-410b-9a5e-c1355e5fe2ed
 */
export function percentileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new Error("percentile of no values");
  if (!(q >= 0 && q <= 1)) throw new Error(`percentile must be from 0 to 1, got ${q}`);
  const h = q * (n - 1);
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo];
  const b = sorted[hi];
  return a === b ? a : a + (h - lo) * (b - a);
}

/**
 * Rearranges `a[from..to]` so that `a[k]` holds the value it would hold if that range were
 * sorted, with nothing larger before it and nothing smaller after it (Hoare's selection,
 * median-of-three pivot). Each round shrinks the range, so the loop ends.
 */
export function selectInPlace(a: Float64Array, k: number, from = 0, to = a.length - 1): void {
  let lo = from;
  let hi = to;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as the pivot value.
    let x = a[lo];
    let y = a[mid];
    const z = a[hi];
    if (x > y) [x, y] = [y, x];
    const pivot = z < x ? x : z > y ? y : z;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * PERCENTILE.INC of unsorted values for several q at once, by selection instead of a sort:
 * the order statistics needed are placed by `selectInPlace`, the middle one first and the
 * others within the parts it leaves, so the total work is a few passes over the values.
 * Reorders `values`.
 */
export function percentilesUnsorted(values: Float64Array, qs: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) throw new Error("percentile of no values");
  const at = qs.map((q) => {
    if (!(q >= 0 && q <= 1)) throw new Error(`percentile must be from 0 to 1, got ${q}`);
    const h = q * (n - 1);
    return { h, lo: Math.floor(h) };
  });
  const wanted = new Set<number>();
  for (const { h, lo } of at) {
    wanted.add(lo);
    if (h > lo && lo + 1 < n) wanted.add(lo + 1);
  }
  const positions = [...wanted].sort((a, b) => a - b);
  // Divide and conquer over the wanted positions; depth is at most log2(positions) + 1.
  const place = (ps: readonly number[], from: number, to: number): void => {
    if (ps.length === 0) return;
    const mid = ps.length >> 1;
    const k = ps[mid];
    selectInPlace(values, k, from, to);
    place(ps.slice(0, mid), from, k - 1);
    place(ps.slice(mid + 1), k + 1, to);
  };
  place(positions, 0, n - 1);
  return at.map(({ h, lo }) => {
    const a = values[lo];
    if (h === lo || lo + 1 >= n) return a;
    const b = values[lo + 1];
    return a === b ? a : a + (h - lo) * (b - a);
  });
}

export interface Histogram {
  /** Bin edges, ascending; bin i is [edges[i], edges[i+1]), the last bin also includes its upper edge. */
  readonly edges: readonly number[];
  /** Values in each bin; they add up to the number of values. */
  readonly counts: readonly number[];
}

export const MIN_BINS = 5;
export const MAX_BINS = 50;

/**
 * The smallest "nice" step (1, 2, 2.5 or 5 times a power of ten) at least `x` (> 0).
 * @example niceStep(37_000_000) // 50000000
 */
export function niceStep(x: number): number {
  const p = Math.pow(10, Math.floor(Math.log10(x)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x * (1 - 1e-12)) return m * p;
  return 10 * p;
}

/**
 * The nice step just below a nice step: 5 -> 2.5 -> 2 -> 1 -> 0.5 (times a power of ten).
 * @example niceStepBelow(50_000_000) // 25000000
 */
export function niceStepBelow(step: number): number {
  const p = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
  const m = step / p;
  if (m > 4.9) return 2.5 * p;
  if (m > 2.4) return 2 * p;
  if (m > 1.9) return p;
  return 0.5 * p;
}

/**
 * A histogram of sorted values with bins chosen from the data: the Freedman–Diaconis width
 * `2 IQR / n^(1/3)` (Sturges' `log2 n + 1` bins when the interquartile range is 0), kept to
 * 5..50 bins and rounded to a nice step (up, or down if that leaves fewer than 5 bins), with
 * edges on multiples of the step. All equal values (or a spread below a trillionth of their
 * size) give one bin [min, max] ([v - 0.5, v + 0.5] when all equal v).
 *
 * Freedman, D. and Diaconis, P. (1981), "On the histogram as a density estimator: L2 theory".
 */
export function histogramSorted(sorted: ArrayLike<number>): Histogram {
  const n = sorted.length;
  if (n === 0) throw new Error("histogram of no values");
  const min = sorted[0];
  const max = sorted[n - 1];
  // Equal values make one bin; so does a spread too small for distinct edges in floating point.
  const scale = Math.max(Math.abs(min), Math.abs(max));
  if (!(max - min > 1e-12 * scale && max - min > 1e-280)) {
    // Equal values get a bin one unit wide around them, so the edges still rise.
    return min < max ? { edges: [min, max], counts: [n] } : { edges: [min - 0.5, max + 0.5], counts: [n] };
  }
  const iqr = percentileSorted(sorted, 0.75) - percentileSorted(sorted, 0.25);
  const wanted = iqr > 0 ? Math.ceil((max - min) / ((2 * iqr) / Math.cbrt(n))) : Math.ceil(Math.log2(n) + 1);
  const bins0 = Math.min(MAX_BINS, Math.max(MIN_BINS, wanted));
  const layout = (step: number) => {
    let start = Math.floor(min / step) * step;
    if (start > min) start -= step; // floating-point rounding: the first edge must not pass the minimum
    let bins = Math.max(1, Math.ceil((max - start) / step));
    if (start + bins * step < max) bins++; // likewise the last edge must reach the maximum
    return { step, start, bins };
  };
  // Rounding the step up can leave too few bins; step down through the nice steps (each at
  // most halves the step, so a few rounds suffice).
  let l = layout(niceStep((max - min) / bins0));
  for (let i = 0; i < 4 && l.bins < MIN_BINS; i++) l = layout(niceStepBelow(l.step));
  const { step, start, bins } = l;
  const edges = Array.from({ length: bins + 1 }, (_, i) => start + i * step);
  const counts = new Array<number>(bins).fill(0);
  // One sweep over the sorted values, comparing with the edges themselves (no division, so no
  // value lands beside its bin through rounding).
  let b = 0;
  for (let i = 0; i < n; i++) {
    while (b < bins - 1 && sorted[i] >= edges[b + 1]) b++;
    counts[b]++;
  }
  return { edges, counts };
}
