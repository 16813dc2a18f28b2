/**
 * The Monte Carlo run behind CORZ.DEAL_NPV_RISK: a built-in scenario with assumption overrides,
 * named risk settings (settings.ts) and one discount rate, simulated over every path; the
 * deal's values come back sorted, so any percentile is one lookup (`percentileSorted`).
 */
import { Result, ok } from "../result";
import { Override, resolveScenario } from "../scenarios";
import { prepareRisk, sortedNpvs, stepRisk } from "./montecarlo";
import { riskSpecFromSettings } from "./settings";

/** What a run of the deal's value is asked to simulate. */
export interface DealValuesRequest {
  /** A built-in scenario's name ("base"), as typed. */
  readonly scenario: string;
  /** Assumption overrides on it, as `resolveScenario` takes them. */
  readonly overrides: readonly Override[];
  /** Risk settings by key (RISK_SETTINGS), in their units; the rest keep their defaults. */
  readonly settings: Readonly<Record<string, number>>;
  /** Discount rate, a decimal per year, the same in every path (unless discount_sd spreads it). */
  readonly rate: number;
  /** Number of paths, 1 to MAX_PATHS. */
  readonly paths: number;
  /** Seed of the generator, 0 to MAX_SEED: the same request always gives the same values. */
  readonly seed: number;
}

/**
 * The deal's value (present value of free cash flow at the valuation date, USD, as
 * CORZ.DEAL_VALUE) on every path of the run, ascending. An unknown scenario or setting is
 * `#N/A`; a bad value `#VALUE!`; a scenario with no cash flow after the valuation date `#NUM!`.
 *
 * @example sortedDealValues({ scenario: "base", overrides: [], settings: {}, rate: 0.1, paths: 200, seed: 1 }).value.length // 200 paths
 */
export function sortedDealValues(request: DealValuesRequest): Result<Float64Array> {
  const { paths, seed } = request;
  const scenario = resolveScenario(request.scenario, request.overrides);
  if (!scenario.ok) return scenario;
  const values = { ...scenario.value.values, discount_rate: request.rate };
  const spec = riskSpecFromSettings(values, request.settings);
  if (!spec.ok) return spec;
  const run = prepareRisk({ scenario: { name: scenario.value.name, values }, spec: spec.value, paths, seed });
  if (!run.ok) return run;
  stepRisk(run.value, paths);
  return ok(sortedNpvs(run.value));
}
