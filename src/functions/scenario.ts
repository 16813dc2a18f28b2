/**
 * Turns a function's `scenario` argument into a computed scenario model, with a small
 * cache: a sheet full of CORZ formulas over the same scenario computes it once. Per model, the
 * figures a cell asks for (capacity by year, the NPV's cash flows) are memoised too, and year
 * rows are found by position in the model itself: a recalculation of thousands of cells is a
 * few lookups per cell.
 */
import { capacityEndOfYear } from "../model/capacity";
import { Result, andThen } from "../model/result";
import { ResolvedScenario, resolveScenario } from "../model/scenarios";
import { NpvFlow, ScenarioModel, npvFlows, runScenario } from "../model/scenarioModel";
import { Arg, isBlank, scenarioArg } from "./args";

const CACHE_SIZE = 64;
const cache = new Map<string, Result<ScenarioModel>>();
/** The same models, found by the scenario's name as typed: the common case skips building a key. */
const byName = new Map<string, Result<ScenarioModel>>();

/**
 * The built-in scenario a blank, a name or a one-cell range names, exactly as typed; undefined
 * for anything else (override ranges, wrong types, errors), which takes the general path.
 */
/** True when a scenario argument is omitted or one empty cell (read as the default scenario). */
export function scenarioOmitted(x: Arg): boolean {
  return isBlank(x) || (Array.isArray(x) && x.length === 1 && Array.isArray(x[0]) && x[0].length === 1 && isBlank(x[0][0]));
}

function plainName(x: Arg): string | undefined {
  if (x === undefined || x === null || x === "") return "base";
  let v: unknown = x;
  if (Array.isArray(x)) {
    if (x.length !== 1 || !Array.isArray(x[0]) || x[0].length !== 1) return undefined;
    v = x[0][0];
    if (v === undefined || v === null || v === "") return "base";
  }
  return typeof v === "string" ? v : undefined;
}

function remember(map: Map<string, Result<ScenarioModel>>, key: string, r: Result<ScenarioModel>): Result<ScenarioModel> {
  if (map.size >= CACHE_SIZE) map.delete(map.keys().next().value as string);
  map.set(key, r);
  return r;
}

/** Resolves and computes the scenario an argument names or describes. */
export function modelFor(x: Arg): Result<ScenarioModel> {
  const name = plainName(x);
  if (name !== undefined) {
    const hit = byName.get(name);
    if (hit) return hit;
  }
  const r = andThen(scenarioArg(x), (s) => {
    const key = JSON.stringify([s.name.trim().toLowerCase(), s.overrides]);
    return cache.get(key) ?? remember(cache, key, runScenario(s.name, s.overrides));
  });
  return name !== undefined ? remember(byName, name, r) : r;
}

/** The scenario an argument names or describes, resolved but not computed (for what-if variants of it). */
export function resolvedArg(x: Arg): Result<ResolvedScenario> {
  return andThen(scenarioArg(x), (s) => resolveScenario(s.name, s.overrides));
}

/** Empties the scenario cache (for measurements of a cold start, and tests). */
export function clearModelCache(): void {
  cache.clear();
  byName.clear();
}

/** What the functions read from a model by year, filled in as cells ask. */
interface ModelMemo {
  readonly capacity: Map<number, number>;
  flows?: Result<readonly NpvFlow[]>;
}

const memos = new WeakMap<ScenarioModel, ModelMemo>();

function memoOf(m: ScenarioModel): ModelMemo {
  let memo = memos.get(m);
  if (!memo) {
    memo = { capacity: new Map() };
    memos.set(m, memo);
  }
  return memo;
}

/** HPC MW energised by 31 December of `year` (`capacityEndOfYear` over the contracted lines), memoised per year. */
export function capacityIn(m: ScenarioModel, year: number): number {
  const c = memoOf(m).capacity;
  let mw = c.get(year);
  if (mw === undefined) {
    mw = capacityEndOfYear(m.capacityLines, year);
    c.set(year, mw);
  }
  return mw;
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
  const memo = memoOf(m);
  return (memo.flows ??= npvFlows(m));
}

/** Money leaves the add-in in USD rounded to the cent. */
export function usd(x: number): number {
  return Math.round(x * 100) / 100;
}
