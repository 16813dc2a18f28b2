/**
 * The CORZ risk function: a percentile of the deal's value (present value of free cash flow, as
 * CORZ.DEAL_VALUE) over Monte Carlo paths. A thin wrapper over src/model/risk (see functions.ts
 * for the conventions). Runs are remembered (memo.ts) by the arguments that change the paths: a
 * sheet asking for P10, P50 and P90 of the same run simulates once, and a recalculation
 * simulates nothing.
 */
import { MAX_SEED } from "../model/risk/random";
import { MAX_PATHS } from "../model/risk/montecarlo";
import { DealValuesRequest, sortedDealValues } from "../model/risk/dealValues";
import { splitRiskRows } from "../model/risk/settings";
import { percentileSorted } from "../model/risk/stats";
import { Result, all, map } from "../model/result";
import { Arg, namedNumbersArg, numberArg, rangeArg, scenarioArg, wholeArg } from "./args";
import { cell } from "./errors";
import { Memo } from "./memo";
import { usd } from "./scenario";

export const DEFAULT_PATHS = 10_000;
export const DEFAULT_SEED = 1;

/**
 * Value (present value of free cash flow, as CORZ.DEAL_VALUE) of the contracts at a percentile of a Monte Carlo over CoreWeave default, site delays and the licence margin, in USD as of the valuation date (default the data's as-of date), at the rate given.
 * @customfunction DEAL_NPV_RISK
 * @helpurl https://localhost:3000/help/functions/DEAL_NPV_RISK.html
 * @param rate Annual discount rate as a decimal, e.g. 0.1 for 10%; the same in every path.
 * @param percentile Percentile as a decimal from 0 to 1: 0.1 for P10, 0.5 for the median, 0.9 for P90 ("10%" also works).
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides; rows named default_probability, default_recovery, relet_share, relet_rent_per_mw_year, delay_min_months, delay_mode_months, delay_max_months, margin_min, margin_max, renewal_probability, discount_sd or discount_floor set the risks instead of the defaults.
 * @param [paths] Number of paths, a whole number from 1 to 1,000,000; default 10,000.
 * @param [seed] Seed of the random generator, a whole number from 0 to 4,294,967,295; default 1. The same arguments always give the same answer.
 * @returns Value in USD.
 */
export function dealNpvRisk(rate: any, percentile: any, scenario?: any[][], paths?: any, seed?: any): number {
  return cell(() => {
    const args = all(
      numberArg(rate, "rate"),
      rangeArg(percentile, "percentile", 0, 1, { unit: "a decimal", hint: "0.1 for P10" }),
      wholeArg(paths, "paths", 1, MAX_PATHS, { optional: DEFAULT_PATHS }),
      wholeArg(seed, "seed", 0, MAX_SEED, { optional: DEFAULT_SEED }),
      scenarioAndSettings(scenario),
    );
    if (!args.ok) return args;
    const [r, q, n, s, sc] = args.value;
    return map(simulated({ ...sc, rate: r, paths: n, seed: s }), (sorted) => usd(percentileSorted(sorted, q)));
  });
}

/** The scenario argument: its rows that name a risk setting are settings (numbers), the rest assumption overrides. */
function scenarioAndSettings(x: Arg): Result<Pick<DealValuesRequest, "scenario" | "overrides" | "settings">> {
  const s = scenarioArg(x);
  if (!s.ok) return s;
  const { overrides, settings } = splitRiskRows(s.value.overrides);
  return map(namedNumbersArg(settings), (values) => ({ scenario: s.value.name, overrides, settings: values }));
}

/** Runs remembered: at most 32, holding at most 4,000,000 paths (8 bytes each, about 32 MB). */
const runs = new Memo<Result<Float64Array>>(32, (r) => (r.ok ? r.value.length : 0), 4_000_000);

/** Empties the cache (for tests and measurements). */
export function clearRiskCache(): void {
  runs.clear();
}

/** The sorted values of the run a request describes, from the cache when it was run before. */
function simulated(request: DealValuesRequest): Result<Float64Array> {
  const { scenario, overrides, settings, rate, paths, seed } = request;
  const key = JSON.stringify([scenario.trim().toLowerCase(), overrides, settings, rate, paths, seed]);
  return runs.get(key, () => sortedDealValues(request));
}
