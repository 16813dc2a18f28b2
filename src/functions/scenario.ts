/**
 * Turns a function's `scenario` argument into a computed scenario model, with a small
 * cache: a sheet full of CORZ formulas over the same scenario computes it once.
 */
import { Result, andThen } from "../model/result";
import { ScenarioModel, runScenario } from "../model/scenarioModel";
import { Arg, scenarioArg } from "./args";

const CACHE_SIZE = 64;
const cache = new Map<string, Result<ScenarioModel>>();

/** Resolves and computes the scenario an argument names or describes. */
export function modelFor(x: Arg): Result<ScenarioModel> {
  return andThen(scenarioArg(x), (s) => {
    const key = JSON.stringify([s.name.trim().toLowerCase(), s.overrides]);
    const hit = cache.get(key);
    if (hit) return hit;
    const r = runScenario(s.name, s.overrides);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(key, r);
    return r;
  });
}

/** Money leaves the add-in in USD rounded to the cent. */
export function usd(x: number): number {
  return Math.round(x * 100) / 100;
}
