/**
 * Turns a function's `scenario` argument into a computed scenario model, remembered (memo.ts's
 * policy): a sheet full of CORZ formulas over the same scenario computes it once. Per model, the
 * figures a cell asks for (capacity by year, the NPV's cash flows) are remembered too, and year
 * rows are found by position in the model itself: a recalculation of thousands of cells is a
 * few lookups per cell.
 */
import { capacityEndOfYear } from "../model/capacity";
import { Result, andThen } from "../model/result";
import { ResolvedScenario, resolveScenario } from "../model/scenarios";
import { NpvFlow, ScenarioModel, npvFlows, runScenario } from "../model/scenarioModel";
import { Arg, scenarioArg, scenarioNameArg } from "./args";
import { Memo } from "./memo";

/**
 * Models by scenario: under the name as typed (the common case, found without building a key)
 * and under the JSON of the name and overrides; both keys hold the same model.
 */
const models = new Memo<Result<ScenarioModel>>(128);

/** Resolves and computes the scenario an argument names or describes. */
export function modelFor(x: Arg): Result<ScenarioModel> {
  const name = scenarioNameArg(x);
  return name !== undefined ? models.get(`name ${name}`, () => described(x)) : described(x);
}

/** The general path: the argument read by `scenarioArg`, its model remembered under its name and overrides. */
function described(x: Arg): Result<ScenarioModel> {
  return andThen(scenarioArg(x), (s) => models.get(JSON.stringify([s.name.trim().toLowerCase(), s.overrides]), () => runScenario(s.name, s.overrides)));
}

/** The scenario an argument names or describes, resolved but not computed (for what-if variants of it). */
export function resolvedArg(x: Arg): Result<ResolvedScenario> {
  return andThen(scenarioArg(x), (s) => resolveScenario(s.name, s.overrides));
}

/** Empties the scenario cache (for measurements of a cold start, and tests). */
export function clearModelCache(): void {
  models.clear();
}

/** Figures read from one model, remembered on it: they go when the model goes. */
const figures = new WeakMap<ScenarioModel, Memo<unknown>>();

/** A figure of model `m` under `key`, computed once. Callers must not change what it returns. */
function onModel<V>(m: ScenarioModel, key: string, compute: () => V): V {
  let memo = figures.get(m);
  if (!memo) {
    memo = new Memo<unknown>(512);
    figures.set(m, memo);
  }
  return memo.get(key, compute) as V;
}

/** HPC MW energised by 31 December of `year` (`capacityEndOfYear` over the contracted lines), remembered per year. */
export function capacityIn(m: ScenarioModel, year: number): number {
  return onModel(m, `capacity ${year}`, () => capacityEndOfYear(m.capacityLines, year));
}

/** What CORZ.CAPACITY measures. */
export const CAPACITY_MEASURES = ["energised", "contracted", "pipeline"] as const;

/** MW of one measure by 31 December of `year`: energised (memoised), contracted, or pipeline (the same every year). */
export function capacityOf(m: ScenarioModel, year: number, measure: (typeof CAPACITY_MEASURES)[number]): number {
  if (measure === "energised") return capacityIn(m, year);
  return measure === "contracted" ? capacityEndOfYear(m.capacityLines, year, "contracted") : m.pipelineMw;
}

/** The NPV's cash flows (`npvFlows`), computed once per model. Callers must not change the array. */
export function flowsOf(m: ScenarioModel): Result<readonly NpvFlow[]> {
  return onModel(m, "flows", () => npvFlows(m));
}

/** Money leaves the add-in in USD rounded to the cent. */
export function usd(x: number): number {
  return Math.round(x * 100) / 100;
}
