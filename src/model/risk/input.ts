/**
 * What a Monte Carlo run is asked to do, and its checks: path count, seed, threshold and every
 * distribution. Apart from the simulation (montecarlo.ts, which re-exports all of this), so the
 * task pane can check a request before handing it to its worker without loading the engine.
 */
import { ASSUMPTIONS } from "../assumptions";
import { Result, ok, valueError } from "../result";
import { Assumptions, ResolvedScenario } from "../scenarios";
import { MAX_SEED } from "./random";
import { RiskSpec, checkRiskSpec } from "./spec";

export const MAX_PATHS = 1_000_000;
/** Paths per chunk between progress reports, unless the caller says otherwise. */
export const DEFAULT_CHUNK = 10_000;

export interface RiskInput {
  /** A resolved scenario (`resolveScenario`): the deal every path starts from. */
  readonly scenario: ResolvedScenario;
  readonly spec: RiskSpec;
  /** Number of paths, 1 to 1,000,000. */
  readonly paths: number;
  /** Seed of the generator, a whole number from 0 to 4,294,967,295. */
  readonly seed: number;
  /**
   * Value threshold (present value of free cash flow) for the probability of falling below it,
   * USD; default the deterministic value.
   */
  readonly threshold?: number;
}

const fmtInt = (n: unknown): string => {
  if (typeof n !== "number") return JSON.stringify(n) ?? String(n);
  return Number.isFinite(n) ? n.toLocaleString("en-US", { maximumFractionDigits: 6 }) : String(n);
};

/**
 * Checks a run's input without running it: path count, seed, threshold and every
 * distribution. The result carries the spec with its defaults filled in.
 */
export function checkRiskInput(input: RiskInput): Result<RiskInput> {
  const { paths, seed, threshold } = input;
  if (typeof paths !== "number" || !Number.isInteger(paths) || paths < 1 || paths > MAX_PATHS) {
    return valueError(`paths must be a whole number from 1 to ${fmtInt(MAX_PATHS)}, got ${fmtInt(paths)}`);
  }
  if (typeof seed !== "number" || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    return valueError(`seed must be a whole number from 0 to ${fmtInt(MAX_SEED)}, got ${fmtInt(seed)}`);
  }
  if (threshold !== undefined && !(typeof threshold === "number" && Number.isFinite(threshold))) {
    return valueError(`the value threshold must be a finite number of USD, got ${String(threshold)}`);
  }
  const spec = checkRiskSpec(input.spec);
  return spec.ok ? ok({ ...input, spec: spec.value }) : spec;
}

/**
 * Relative tolerance under which a live input is still the value a run used: rounding noise
 * (a value written to a cell and read back, 15 significant digits) is not a change.
 */
export const INPUT_TOLERANCE = 1e-9;

/**
 * Whether a live input is the value a run used: |used - live| <= tolerance × max(|used|, |live|).
 * The Risk sheet's "Differs?" formula applies the same rule.
 *
 * @example sameInput(0.775, 0.775 * (1 + 1e-12)) // true
 * @example sameInput(0.775, 0.8) // false
 */
export function sameInput(used: number, live: number, tolerance = INPUT_TOLERANCE): boolean {
  return Math.abs(used - live) <= tolerance * Math.max(Math.abs(used), Math.abs(live));
}

/** An assumption whose live value is not the one a run used; undefined where a side has no value. */
export interface ChangedInput {
  readonly key: string;
  readonly used: number | undefined;
  readonly live: number | undefined;
}

/**
 * The assumptions (in the registry's order) whose live value differs from the value a run
 * used; empty when the run is up to date with the live inputs.
 *
 * @example changedInputs(BASE_VALUES, { ...BASE_VALUES, licence_margin: 0.7 }).length // 1 (BASE_VALUES the base scenario's values: only licence_margin differs)
 */
export function changedInputs(used: Assumptions, live: Assumptions): ChangedInput[] {
  const out: ChangedInput[] = [];
  for (const { key } of ASSUMPTIONS) {
    const u = used[key];
    const l = live[key];
    if (u === undefined || l === undefined || !sameInput(u, l)) out.push({ key, used: u, live: l });
  }
  return out;
}
