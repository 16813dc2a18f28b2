/**
 * The CORZ deal-library functions: host-to-HPC leases beside Core Scientific's CoreWeave
 * contracts, their figures on one MW basis, statistics and Core Scientific's percentile. Thin
 * wrappers over src/model/leases (see functions.ts for the conventions). A figure that cannot be
 * normalised is blank in LEASE_LIST (its "Why n/a" column says why) and #N/A with the reason in
 * LEASE. An unknown filter or metric is #VALUE! listing what is accepted.
 */
import { dealFigure, findDeal, findDealMetric, findStatMetric, leaseRows, parseFilter } from "../model/leases/query";
import { LeaseStatistic, leaseStat, percentileOf } from "../model/leases/normalise";
import { all, andThen } from "../model/result";
import { Arg, choiceArg, textArg, textOrNumberArg } from "./args";
import { cell } from "./errors";

/**
 * Spills the deal library with a header row: deal id, host, tenant, site, kind, MW as stated and its basis, critical-IT MW, contract value, term, announced date (an Excel date serial: format the column as a date, it sorts), USD per MW and per MW-year, why a figure is n/a, comparable (TRUE/FALSE) and why not, prepayment, backstop, who funds capex, the contract value's source and its date. An n/a figure is a blank cell with the reason in "Why n/a"; deals that are not comparable are listed and marked.
 * @customfunction LEASE_LIST
 * @helpurl https://localhost:3000/help/functions/LEASE_LIST.html
 * @param [filter] "all" (default), "comparable", a kind ("lease", "colocation licence", "GPU service"), a host or ticker ("Applied Digital", "APLD"), a tenant ("CoreWeave", "Fluidstack", "hyperscaler"), a year ("2025"), "since 2025-06", "after 2025" or "before 2026"; several joined by commas must all hold. Unknown: #VALUE! listing the forms.
 * @returns A table with a header row; money in USD, MW, years, dates as serials.
 */
export function leaseListFn(filter?: any): any[][] {
  return cell(() => andThen(filterArg(filter), (q) => leaseRows(q)));
}

/**
 * One figure of one deal of the library. #N/A with the reason when the figure is n/a (a gross-MW deal has no critical-IT figures; a page gives no prepayment).
 * @customfunction LEASE
 * @helpurl https://localhost:3000/help/functions/LEASE.html
 * @param deal Deal id ("corz-coreweave", "apld-pf1-coreweave") or a name that picks one deal ("Core Scientific", "Applied Digital PF1", "Hut 8"); an ambiguous name is #VALUE! listing the candidates.
 * @param metric "usd_per_mw_year" (USD per critical-IT MW per year), "usd_per_mw", "mw" (as stated), "critical_it_mw", "value" (USD, firm term), "term_years", "announced" (date serial), "prepayment" (decimal share) or "backstop_usd".
 * @returns The figure in the metric's unit.
 */
export function leaseFn(deal: any, metric: any): number {
  return cell(() => {
    const args = all(andThen(textArg(deal, "deal"), (d) => findDeal(d)), andThen(textArg(metric, "metric"), findDealMetric));
    return andThen(args, ([l, key]) => dealFigure(l, key));
  });
}

/**
 * A statistic of a normalised metric over the comparable deals only (a GPU service contract is left out) that pass the filter and have a value; Core Scientific's own deal is included.
 * @customfunction LEASE_STAT
 * @helpurl https://localhost:3000/help/functions/LEASE_STAT.html
 * @param metric "usd_per_mw_year" (USD per critical-IT MW per year) or "usd_per_mw" (USD per critical-IT MW over the firm term).
 * @param [stat] "median" (default), "mean", "min", "max" or "count" (how many deals have a value).
 * @param [filter] As in CORZ.LEASE_LIST, e.g. "CoreWeave" or "since 2025-06"; default "all" (every comparable deal).
 * @returns USD per MW-year or per MW; a count for "count".
 */
export function leaseStatFn(metric: any, stat?: any, filter?: any): number {
  return cell(() => {
    const args = all(
      andThen(textArg(metric, "metric"), findStatMetric),
      choiceArg<LeaseStatistic>(stat, "stat", ["median", "mean", "min", "max", "count"], "median", { average: "mean", low: "min", high: "max", n: "count" }),
      filterArg(filter),
    );
    return andThen(args, ([key, s, q]) => leaseStat(key, s, q.test));
  });
}

/**
 * Where a deal's metric ranks among the comparable deals (itself included) that pass the filter, as Excel's PERCENTRANK.INC over the same column but not truncated (=PERCENTRANK.INC(column, x) shows it cut to three decimals): 0 = lowest, 1 = highest. #N/A for a deal that is not comparable, filtered out or n/a.
 * @customfunction LEASE_PERCENTILE
 * @helpurl https://localhost:3000/help/functions/LEASE_PERCENTILE.html
 * @param [deal] Deal id or a name that picks one deal; default "corz-coreweave" (Core Scientific's CoreWeave contracts).
 * @param [metric] "usd_per_mw_year" (default) or "usd_per_mw".
 * @param [filter] As in CORZ.LEASE_LIST; default "all" (every comparable deal).
 * @returns A rank from 0 to 1.
 */
export function leasePercentileFn(deal?: any, metric?: any, filter?: any): number {
  return cell(() => {
    const args = all(
      andThen(textArg(deal, "deal", "corz-coreweave"), (d) => findDeal(d)),
      andThen(textArg(metric, "metric", "usd_per_mw_year"), findStatMetric),
      filterArg(filter),
    );
    return andThen(args, ([l, key, q]) => percentileOf(l.id, key, q.test));
  });
}

/** The filter argument: blank is "all"; text per the grammar; a number is a year. */
function filterArg(x: Arg) {
  return andThen(textOrNumberArg(x, "filter", "all"), parseFilter);
}
