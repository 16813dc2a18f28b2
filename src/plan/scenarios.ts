/**
 * The scenarios a plan is built for, from what a command names: built-in scenarios by name, and
 * those of a file the task pane saved ("Save scenarios (.json)"). It wraps the model's resolution,
 * so the exceljs adapter's command (src/xlsx/cli.ts) needs no model.
 */
import { BUILT_IN_NAMES, PaneState, isBuiltIn } from "../model/paneState";
import { Result, ok, valueError } from "../model/result";
import { resolveScenario } from "../model/scenarios";
import { PlanScenario } from "./scenario";

/** A saved file's scenarios (the pane's state: scenarios, those ticked to build, Peers choices). */
export type { PaneState } from "../model/paneState";
/** Reads a saved file's text; planScenarios resolves the scenarios it ticks to build. */
export { parseScenarioFile, planScenarios } from "../model/paneState";

/**
 * Scenarios by name: a saved file's own (`saved`, named by `file` in messages) by its names,
 * else the built-in ones. A name given twice is numbered the second time ("base 2").
 */
export function scenariosByName(names: readonly string[], saved?: { readonly state: PaneState; readonly file: string }): Result<PlanScenario[]> {
  const scenarios: PlanScenario[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const user = saved?.state.scenarios.find((s) => s.name.toLowerCase() === name.toLowerCase());
    const r = user ? resolveScenario(user.basedOn, Object.entries(user.overrides)) : resolveScenario(name);
    if (!r.ok && saved && !user && !isBuiltIn(name)) {
      const theirs = saved.state.scenarios.map((s) => s.name).join(", ") || "it has none";
      return valueError(`"${name}" is neither a built-in scenario (${BUILT_IN_NAMES.join(", ")}) nor one in ${saved.file} (${theirs})`);
    }
    if (!r.ok) return r;
    const own = user?.name ?? name;
    const label = seen.has(own.toLowerCase()) ? `${own} ${scenarios.length + 1}` : own;
    seen.add(own.toLowerCase());
    scenarios.push({ name: label, values: r.value.values });
  }
  return ok(scenarios);
}
