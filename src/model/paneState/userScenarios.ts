/**
 * The user's own scenarios as pure updates of the pane's state: create, duplicate, rename,
 * delete, tick for the build, set or reset an assumption; and the scenarios to build, resolved.
 */
import { assumptionSpec } from "../assumptions";
import { Result, naError, ok, valueError } from "../result";
import { ResolvedScenario, resolveScenario, validateAssumption } from "../scenarios";
import { BuiltInName, MAX_NAME_LENGTH, PaneState, UserScenario, allScenarioNames, isBuiltIn } from "./state";

function checkName(state: PaneState, name: string, except?: string): Result<string> {
  const n = name.trim();
  if (n === "") return valueError("a scenario needs a name");
  if (n.length > MAX_NAME_LENGTH) return valueError(`a scenario name can have at most ${MAX_NAME_LENGTH} characters`);
  if (/^[=+\-@]/.test(n)) return valueError("a scenario name cannot start with =, +, - or @ (Excel would read it as a formula)");
  const clash = allScenarioNames(state).find((x) => x.toLowerCase() === n.toLowerCase() && x !== except);
  if (clash) return valueError(`there is already a scenario called "${clash}"`);
  return ok(n);
}

/** A name not yet used: "My scenario", "My scenario 2", ... */
export function freeScenarioName(state: PaneState, wanted: string): string {
  const taken = new Set(allScenarioNames(state).map((n) => n.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) if (!taken.has(`${wanted} ${i}`.toLowerCase())) return `${wanted} ${i}`;
}

export function createScenario(state: PaneState, name: string): Result<PaneState> {
  const n = checkName(state, name);
  if (!n.ok) return n;
  return ok({ ...state, scenarios: [...state.scenarios, { name: n.value, basedOn: "base", overrides: {} }], build: [...state.build, n.value] });
}

export function duplicateScenario(state: PaneState, source: string, name: string): Result<PaneState> {
  const n = checkName(state, name);
  if (!n.ok) return n;
  const copy: UserScenario | undefined = isBuiltIn(source)
    ? { name: n.value, basedOn: source, overrides: {} }
    : (() => {
        const s = state.scenarios.find((x) => x.name === source);
        return s ? { ...s, name: n.value, overrides: { ...s.overrides } } : undefined;
      })();
  if (!copy) return naError(`no scenario called "${source}"`);
  return ok({ ...state, scenarios: [...state.scenarios, copy], build: [...state.build, n.value] });
}

export function renameScenario(state: PaneState, from: string, to: string): Result<PaneState> {
  if (isBuiltIn(from)) return valueError(`the built-in "${from}" scenario cannot be renamed; duplicate it instead`);
  if (!state.scenarios.some((s) => s.name === from)) return naError(`no scenario called "${from}"`);
  const n = checkName(state, to, from);
  if (!n.ok) return n;
  return ok({
    ...state,
    scenarios: state.scenarios.map((s) => (s.name === from ? { ...s, name: n.value } : s)),
    build: state.build.map((b) => (b === from ? n.value : b)),
  });
}

export function deleteScenario(state: PaneState, name: string): Result<PaneState> {
  if (isBuiltIn(name)) return valueError(`the built-in "${name}" scenario cannot be deleted`);
  if (!state.scenarios.some((s) => s.name === name)) return naError(`no scenario called "${name}"`);
  return ok({ ...state, scenarios: state.scenarios.filter((s) => s.name !== name), build: state.build.filter((b) => b !== name) });
}

export function setBuild(state: PaneState, name: string, on: boolean): PaneState {
  const order = allScenarioNames(state);
  const set = new Set(state.build);
  if (on) set.add(name);
  else set.delete(name);
  return { ...state, build: order.filter((n) => set.has(n)) };
}

/**
 * Sets one assumption of a user scenario from what the user typed. Dates may be typed as
 * YYYY-MM-DD; rates as 0.05 or 5%. Returns the message to show inline when it is not valid.
 *
 * A built assumption (the discount rate, reference yield + spread) is never stored itself: a
 * value typed for it (or saved for it before it was built) sets the part it adjusts (the
 * spread) so the rate is that value, as an override range does. A value that would put the
 * built rate out of its bounds (a spread of 95%) is refused here, not at the build.
 */
export function setOverride(state: PaneState, name: string, key: string, raw: string | number): Result<PaneState> {
  if (isBuiltIn(name)) return valueError(`the built-in "${name}" scenario is read-only; duplicate it to change its assumptions`);
  const spec = assumptionSpec(key);
  if (!spec) return naError(`unknown assumption "${key}"`);
  const s = state.scenarios.find((x) => x.name === name);
  if (!s) return naError(`no scenario called "${name}"`);
  const v = validateAssumption(spec, typeof raw === "string" ? raw.trim() : raw);
  if (!v.ok) return v;
  if (spec.built) {
    const { adjusts } = spec.built;
    const mine = { ...s.overrides };
    delete mine[adjusts];
    const r = resolveScenario(s.basedOn, [...Object.entries(mine), [key, v.value]]);
    return r.ok ? setOverride(state, name, adjusts, r.value.values[adjusts]) : r;
  }
  const base = scenarioDefault(s.basedOn, key);
  const overrides = { ...s.overrides };
  if (v.value === base) delete overrides[key];
  else overrides[key] = v.value;
  const resolved = resolveScenario(s.basedOn, Object.entries(overrides));
  if (!resolved.ok) return resolved;
  return ok({ ...state, scenarios: state.scenarios.map((x) => (x.name === name ? { ...x, overrides } : x)) });
}

/** The keys a field stands for: a built assumption's parts (its reset resets them), else the key itself. */
function storedKeys(key: string): readonly string[] {
  return assumptionSpec(key)?.built?.sumOf ?? [key];
}

/** Back to the built-in case's value for one field (for the discount rate: its reference yield and spread). */
export function resetField(state: PaneState, name: string, key: string): PaneState {
  return {
    ...state,
    scenarios: state.scenarios.map((x) => {
      if (x.name !== name) return x;
      const overrides = { ...x.overrides };
      for (const k of storedKeys(key)) delete overrides[k];
      return { ...x, overrides };
    }),
  };
}

/** The value a built-in scenario gives an assumption, in the model's unit. */
export function scenarioDefault(builtIn: BuiltInName, key: string): number {
  const r = resolveScenario(builtIn);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.values[key];
}

/** The scenarios to build, resolved for the plan, in display order. */
export function planScenarios(state: PaneState): Result<ResolvedScenario[]> {
  const out: ResolvedScenario[] = [];
  for (const name of state.build) {
    const user = state.scenarios.find((s) => s.name === name);
    const r = user ? resolveScenario(user.basedOn, Object.entries(user.overrides)) : resolveScenario(name);
    if (!r.ok) return valueError(`scenario "${name}": ${r.error.message}`);
    out.push({ name, values: r.value.values });
  }
  if (out.length === 0) return valueError("tick at least one scenario to build");
  return ok(out);
}
