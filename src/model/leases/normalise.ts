/**
 * Puts the deal library on one basis so deals can be compared, and summarises it.
 *
 * - MW are critical IT MW. A deal whose page gives gross MW only is converted with the site's
 *   IT/gross split only where a page gives both figures (`itShareOfGross`); otherwise its per-MW
 *   metrics are n/a with the reason. No PUE is assumed. A deal whose page does not say which MW
 *   it means is n/a too.
 * - Value is the contract value over the firm term (renewal options excluded), undiscounted and
 *   without escalators removed; term is the firm term in years.
 * - "usdPerMwYear" = value / critical-IT MW / term; "usdPerMw" = value / critical-IT MW.
 * - Statistics run over comparable deals only (a GPU service contract is listed but excluded)
 *   and over those whose metric has a value; `count` counts those.
 *
 * Pure functions; errors are values (`Result`), never NaN.
 */
import { statistic } from "../peers/comps";
import { Result, naError, ok } from "../result";
import { LEASES, Lease } from "./data";

/** A normalised figure, or why it cannot be computed. */
export type Normalised = { readonly value: number } | { readonly na: string };

export type LeaseMetric = "usdPerMwYear" | "usdPerMw";

export type LeaseStatistic = "median" | "mean" | "min" | "max" | "count";

/** Which deals a statistic runs over (in addition to "comparable"); all comparable deals when absent. */
export type LeaseFilter = (lease: Lease) => boolean;

/**
 * The deal's MW on the critical-IT basis, or why not: as given for critical IT; gross times the
 * site's IT/gross split where a page gives the split; otherwise n/a.
 *
 * @example valueOf(criticalItMw(LEASES.find((l) => l.id === "riot-rockdale-amd"))) // 25 MW
 */
export function criticalItMw(lease: Lease): Normalised {
  if (lease.mw.value <= 0) return { na: `${lease.id}: MW is not positive` };
  if (lease.mwBasis === "critical IT") return { value: lease.mw.value };
  if (lease.mwBasis === "gross") {
    const split = lease.itShareOfGross;
    if (split) return { value: (lease.mw.value * split.itMw.value) / split.grossMw.value };
    return { na: `${lease.id}: ${lease.mw.value} MW is gross power and no page gives the site's IT/gross split (no PUE is assumed)` };
  }
  return { na: `${lease.id}: no page says whether its ${lease.mw.value} MW are critical IT or gross` };
}

/**
 * Contract value per critical-IT MW (USD per MW over the firm term).
 *
 * @example valueOf(usdPerMw(LEASES.find((l) => l.id === "riot-rockdale-amd"))) // 12_440_000 USD per MW
 */
export function usdPerMw(lease: Lease): Normalised {
  const mw = criticalItMw(lease);
  return "na" in mw ? mw : { value: lease.contractValueUsd.value / mw.value };
}

/**
 * Contract value per critical-IT MW per year of the firm term (USD per MW-year).
 *
 * @example valueOf(usdPerMwYear(LEASES.find((l) => l.id === "riot-rockdale-amd"))) // 1_244_000 USD per MW-year
 */
export function usdPerMwYear(lease: Lease): Normalised {
  if (lease.termYears.value <= 0) return { na: `${lease.id}: term is not positive` };
  const perMw = usdPerMw(lease);
  return "na" in perMw ? perMw : { value: perMw.value / lease.termYears.value };
}

/** The named metric of a deal. */
export function metricOf(lease: Lease, metric: LeaseMetric): Normalised {
  return metric === "usdPerMw" ? usdPerMw(lease) : usdPerMwYear(lease);
}

/** The value of a normalised figure, or NaN for n/a (for examples and tests; the model uses `Normalised`). */
export function valueOf(n: Normalised): number {
  return "value" in n ? n.value : Number.NaN;
}

/** Comparable deals that pass the filter and whose metric has a value, with that value. */
export function comparableValues(
  metric: LeaseMetric,
  filter?: LeaseFilter,
  leases: readonly Lease[] = LEASES,
): ReadonlyArray<{ readonly lease: Lease; readonly value: number }> {
  return leases
    .filter((l) => l.comparable && (filter === undefined || filter(l)))
    .flatMap((l) => {
      const m = metricOf(l, metric);
      return "value" in m ? [{ lease: l, value: m.value }] : [];
    });
}

/**
 * A statistic of a metric over comparable deals (that pass `filter`); `count` is how many have
 * a value (0 is a valid count); the others are #N/A when none has.
 *
 * @example leaseStat("usdPerMwYear", "count") // 13 deals
 */
export function leaseStat(metric: LeaseMetric, stat: LeaseStatistic, filter?: LeaseFilter, leases: readonly Lease[] = LEASES): Result<number> {
  const values = comparableValues(metric, filter, leases).map((v) => v.value);
  if (stat === "count") return ok(values.length);
  if (values.length === 0) return naError(`no comparable deal has a value for ${metric}`);
  return ok(statistic(values, stat === "min" ? "low" : stat === "max" ? "high" : stat));
}

/**
 * Excel's PERCENTRANK.INC(array, x) without its truncation to three digits: for x equal to a
 * member, (number of members below x) / (n - 1); between two members, interpolated linearly
 * between their ranks; 1 for a one-member array that equals x; #N/A outside the array's range.
 *
 * @example percentRankInc([1, 2, 3, 4, 5], 2) // 0.25
 */
export function percentRankInc(values: readonly number[], x: number): Result<number> {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0 || x < s[0] || x > s[n - 1]) return naError("the value lies outside the deals' range");
  if (n === 1) return ok(1);
  const below = s.filter((v) => v < x).length;
  if (s[below] === x) return ok(below / (n - 1));
  // s[below - 1] < x < s[below]: interpolate between their ranks.
  const lo = s[below - 1];
  const hi = s[below];
  return ok((below - 1 + (x - lo) / (hi - lo)) / (n - 1));
}

/**
 * Where one deal's metric ranks among the comparable deals that pass `filter` (the deal itself
 * included), PERCENTRANK.INC-style: 0 = lowest, 1 = highest. #N/A when the deal is unknown,
 * not comparable, filtered out or its metric is n/a.
 *
 * @example percentileOf("riot-rockdale-amd", "usdPerMwYear") // 0 (the lowest $ per MW-year)
 */
export function percentileOf(dealId: string, metric: LeaseMetric, filter?: LeaseFilter, leases: readonly Lease[] = LEASES): Result<number> {
  const deal = leases.find((l) => l.id === dealId);
  if (!deal) return naError(`no deal ${dealId}`);
  if (!deal.comparable) return naError(`${dealId} is not comparable: ${deal.notComparableReason ?? "marked not comparable"}`);
  if (filter !== undefined && !filter(deal)) return naError(`${dealId} does not pass the filter`);
  const own = metricOf(deal, metric);
  if ("na" in own) return naError(own.na);
  return percentRankInc(
    comparableValues(metric, filter, leases).map((v) => v.value),
    own.value,
  );
}
