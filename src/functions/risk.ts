/**
 * The CORZ risk function: a percentile of the deal's value (present value of free cash flow, as
 * CORZ.DEAL_VALUE) over Monte Carlo paths. A thin
 * wrapper over src/model/risk (see functions.ts for the conventions), with a cache keyed by
 * the arguments that change the paths: a sheet asking for P10, P50 and P90 of the same run
 * simulates once, and a recalculation simulates nothing.
 */
import { MAX_SEED } from "../model/risk/random";
import { MAX_PATHS, prepareRisk, sortedNpvs, stepRisk } from "../model/risk/montecarlo";
import { findRiskSetting, riskSpecFromSettings } from "../model/risk/spec";
import { percentileSorted } from "../model/risk/stats";
import { Result, andThen, numError, ok } from "../model/result";
import { Override, resolveScenario } from "../model/scenarios";
import { Arg, numberArg, scenarioArg } from "./args";
import { cell } from "./errors";
import { usd } from "./scenario";

export const DEFAULT_PATHS = 10_000;
export const DEFAULT_SEED = 1;

/**
 * Value (present value of free cash flow, as CORZ.DEAL_VALUE) of the contracts at a percentile of a Monte Carlo over CoreWeave default, site delays and the licence margin, in USD as of the valuation date (default the data's as-of date), at the rate given.
 * @customfunction DEAL_NPV_RISK
 * @param rate Annual discount rate as a decimal, e.g. 0.1 for 10%; the same in every path.
 * @param percentile Percentile as a decimal from 0 to 1: 0.1 for P10, 0.5 for the median, 0.9 for P90 ("10%" also works).
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides; rows named default_probability, default_recovery, relet_share, relet_rent_per_mw_year, delay_min_months, delay_mode_months, delay_max_months, margin_min, margin_max, renewal_probability, discount_sd or discount_floor set the risks instead of the defaults.
 * @param [paths] Number of paths, a whole number from 1 to 1,000,000; default 10,000.
 * @param [seed] Seed of the random generator, a whole number from 0 to 4,294,967,295; default 1. The same arguments always give the same answer.
 * @returns Value in USD.
 */
export function dealNpvRisk(rate: any, percentile: any, scenario?: any[][], paths?: any, seed?: any): number {
  return cell(() =>
    andThen(numberArg(rate, "rate"), (r) =>
      andThen(percentileArg(percentile), (q) =>
        andThen(wholeArg(paths, "paths", 1, MAX_PATHS, DEFAULT_PATHS), (n) =>
          andThen(wholeArg(seed, "seed", 0, MAX_SEED, DEFAULT_SEED), (s) =>
            andThen(simulated(scenario, r, n, s), (sorted) => ok(usd(percentileSorted(sorted, q)))),
          ),
        ),
      ),
    ),
  );
}

function percentileArg(x: Arg): Result<number> {
  const n = numberArg(x, "percentile");
  if (!n.ok) return n;
  if (n.value < 0 || n.value > 1) return numError(`percentile must be a decimal from 0 to 1 (0.1 for P10), got ${n.value}`);
  return n;
}

/** A whole number in [min, max]; blank gives `fallback`. */
function wholeArg(x: Arg, name: string, min: number, max: number, fallback: number): Result<number> {
  const n = numberArg(x, name, { optional: fallback });
  if (!n.ok) return n;
  if (!Number.isInteger(n.value)) return numError(`${name} must be a whole number, got ${n.value}`);
  if (n.value < min || n.value > max) return numError(`${name} must be from ${min} to ${max}, got ${n.value}`);
  return n;
}

// ---- the cache -----------------------------------------------------------------------

const CACHE_ENTRIES = 32;
/** Paths kept in the cache at most (8 bytes each): about 32 MB. */
const CACHE_PATHS = 4_000_000;
const cache = new Map<string, Result<Float64Array>>();
let cachedPaths = 0;

const pathsIn = (r: Result<Float64Array>) => (r.ok ? r.value.length : 0);

function remember(key: string, r: Result<Float64Array>): void {
  cache.set(key, r);
  cachedPaths += pathsIn(r);
  while (cache.size > CACHE_ENTRIES || (cachedPaths > CACHE_PATHS && cache.size > 1)) {
    const oldest = cache.keys().next().value as string;
    cachedPaths -= pathsIn(cache.get(oldest)!);
    cache.delete(oldest);
  }
}

/** Empties the cache (for tests and measurements). */
export function clearRiskCache(): void {
  cache.clear();
  cachedPaths = 0;
}

/**
 * The sorted values (present value of free cash flow) of the run the arguments describe, from the cache when it was run before.
 * The scenario argument's rows are split into risk settings and assumption overrides.
 */
function simulated(scenario: Arg, rate: number, paths: number, seed: number): Result<Float64Array> {
  return andThen(scenarioArg(scenario), (s) => {
    const overrides: Override[] = [];
    const settings: Array<[string, unknown]> = [];
    for (const [k, v] of s.overrides) {
      const setting = typeof k === "string" ? findRiskSetting(k) : undefined;
      if (setting) settings.push([setting.key, v]);
      else overrides.push([k, v]);
    }
    const key = JSON.stringify([s.name.trim().toLowerCase(), overrides, settings, rate, paths, seed]);
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key); // most recently used goes last
      cache.set(key, hit);
      return hit;
    }
    const r = run(s.name, overrides, settings, rate, paths, seed);
    remember(key, r);
    return r;
  });
}

function run(name: string, overrides: readonly Override[], rows: ReadonlyArray<[string, unknown]>, rate: number, paths: number, seed: number): Result<Float64Array> {
  const settings: Record<string, number> = {};
  for (const [key, v] of rows) {
    const n = numberArg(v, key);
    if (!n.ok) return n;
    settings[key] = n.value;
  }
  return andThen(resolveScenario(name, overrides), (sc) => {
    const values = { ...sc.values, discount_rate: rate };
    return andThen(riskSpecFromSettings(values, settings), (spec) =>
      andThen(prepareRisk({ scenario: { name: sc.name, values }, spec, paths, seed }), (r) => {
        stepRisk(r, paths);
        return ok(sortedNpvs(r));
      }),
    );
  });
}
